using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Architecture;

/// <summary>Whether a flow reads or writes; from a bare <c>read</c> or <c>write</c> option in the flow header.</summary>
public enum FlowOperation
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>A read path.</summary>
    Read,

    /// <summary>A write path.</summary>
    Write,
}

/// <summary>How a step is reached from the previous one.</summary>
public enum EdgeKind
{
    /// <summary>The first step of a path.</summary>
    None,

    /// <summary><c>-&gt;</c> (also <c>--&gt;</c>, <c>→</c>): a synchronous call; the caller waits.</summary>
    Sync,

    /// <summary><c>=&gt;</c> (also <c>⇒</c>, <c>-.-&gt;</c>, <c>~&gt;</c>): an asynchronous hand-off (enqueue, publish); the caller does not wait.</summary>
    Async,
}

/// <summary>
/// A flow: a request path with its rate, <c>flow NAME at RATE[, options]: PATH</c>, or an asynchronous hand-off
/// triggered by another flow, <c>flow NAME after OTHER[ x FACTOR][, options]: PATH</c>. Names are not resolved here.
/// </summary>
/// <param name="Name">The flow name.</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="RateText">The rate expression after <c>at</c>, raw (<c>read_rate * 3</c>), or <see langword="null"/>.</param>
/// <param name="RateSpan">Where the rate is.</param>
/// <param name="AfterFlow">The triggering flow after <c>after</c>, or <see langword="null"/>.</param>
/// <param name="AfterSpan">Where the triggering flow's name is.</param>
/// <param name="AfterFactorText">The factor after <c>after OTHER x</c>, raw, or <see langword="null"/>.</param>
/// <param name="Operation">Read, write, or unspecified.</param>
/// <param name="Settings">Header options other than read/write (<c>size 1 KB</c> has key <c>size</c>, <c>response 10 KB</c> has <c>response_size</c>).</param>
/// <param name="Steps">The path, at least one step for a well-formed flow.</param>
/// <param name="Span">The whole flow line (comments excluded).</param>
/// <param name="IsAsync">True when the header says <c>async</c> or the flow is triggered <c>after</c> another one.</param>
/// <param name="AfterFactorSpan">Where <paramref name="AfterFactorText"/> is.</param>
public sealed record FlowDecl(
    string Name,
    SourceSpan NameSpan,
    string? RateText,
    SourceSpan RateSpan,
    string? AfterFlow,
    SourceSpan AfterSpan,
    string? AfterFactorText,
    FlowOperation Operation,
    IReadOnlyList<ComponentSetting> Settings,
    IReadOnlyList<FlowStep> Steps,
    SourceSpan Span,
    bool IsAsync = false,
    SourceSpan AfterFactorSpan = default);

/// <summary>One step of a flow path: <c>NAME [x FACTOR] [on miss]</c>.</summary>
/// <param name="Component">The component name as written.</param>
/// <param name="Span">Where the component name is.</param>
/// <param name="EdgeIn">How this step is reached from the previous one (<see cref="EdgeKind.None"/> for the first).</param>
/// <param name="OnMiss">True for <c>on miss</c>: the hop happens only when the preceding cache misses.</param>
/// <param name="FanOutText">The fan-out factor after <c>x</c>, raw (<c>3</c>, <c>avg_followers</c>), or <see langword="null"/>.</param>
/// <param name="FanOutSpan">Where the fan-out factor is.</param>
/// <param name="Caller">Index of the calling step (see <see cref="CallerIndex"/>); -1 for the first step, -2 for "the previous step".</param>
public sealed record FlowStep(string Component, SourceSpan Span, EdgeKind EdgeIn, bool OnMiss, string? FanOutText, SourceSpan FanOutSpan, int Caller = -2)
{
    /// <summary>
    /// Index in <see cref="FlowDecl.Steps"/> of the step that calls this one: the step before it, except for siblings
    /// written with <c>+</c> (<c>api -> cache + db</c>: <c>api</c> calls both), which share the caller of the first
    /// sibling. -1 for the first step. The default (-2) means "the previous step" for steps built in code.
    /// </summary>
    /// <param name="index">This step's own index in the flow.</param>
    /// <returns>The caller's index, or -1 for the first step.</returns>
    public int CallerIndex(int index) => Caller == -2 ? index - 1 : Caller;
}
