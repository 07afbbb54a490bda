using System.Text;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// A fault scheduled in a simulation run: what breaks, from <see cref="StartNs"/> for <see cref="DurationNs"/>. Each
/// kind is a sealed record deriving from this one, with the parameters it needs; its documentation states the effect
/// the simulator gives it. <see cref="FaultParser"/> reads them from text such as <c>slow-node api factor 5 at 1m for
/// 30s</c>, and <see cref="ToText"/> writes them back.
/// </summary>
/// <remarks>
/// A fault is active over [<see cref="StartNs"/>, <see cref="EndNs"/>). Where a fault names a component, zone or edge
/// the design does not have, the simulation reports it rather than the parser: the parser does not see the design.
/// </remarks>
/// <param name="StartNs">When the fault starts, in nanoseconds from the start of the run; at least 0.</param>
/// <param name="DurationNs">
/// How long it lasts, in nanoseconds (0 for an instant), or <see langword="null"/> for "until the end of the run".
/// </param>
/// <param name="Span">Where the fault was written (the whole text), for messages about it; <see cref="SourceSpan.None"/> when built in code.</param>
public abstract record FaultSpec(long StartNs, long? DurationNs, SourceSpan Span)
{
    /// <summary>The kind of fault.</summary>
    public abstract FaultKind Kind { get; }

    /// <summary>The kind's name as written in scenarios (<c>cache-flush</c>).</summary>
    public string Name => FaultCatalog.Get(Kind).Name;

    /// <summary>When the fault ends (exclusive), in nanoseconds: <see cref="StartNs"/> + <see cref="DurationNs"/>, or <see cref="SimTime.MaxNs"/> when it lasts until the end.</summary>
    public long EndNs => DurationNs is { } durationNs ? SimTime.AddSaturating(StartNs, durationNs) : SimTime.MaxNs;

    /// <summary>True when the fault is in effect at <paramref name="timeNs"/>: <see cref="StartNs"/> ≤ t &lt; <see cref="EndNs"/>.</summary>
    /// <param name="timeNs">Simulated time in nanoseconds.</param>
    /// <returns>True when active.</returns>
    public bool IsActiveAt(long timeNs) => timeNs >= StartNs && timeNs < EndNs;

    /// <summary>
    /// The fault in the scenario grammar, in canonical form: every parameter with its key word, then <c>at</c> and
    /// <c>for</c> (<c>slow-node api factor 5 index 0 at 1m for 30s</c>). <see cref="FaultParser.Parse(string?)"/> reads it back
    /// to an equal fault (apart from <see cref="Span"/>).
    /// </summary>
    /// <returns>The text.</returns>
    public string ToText()
    {
        var builder = new StringBuilder(Name);
        var target = TargetText();
        if (target is not null)
        {
            builder.Append(' ').Append(target);
        }

        foreach (var (key, value) in ParameterTexts())
        {
            builder.Append(' ').Append(key).Append(' ').Append(value);
        }

        builder.Append(" at ").Append(DurationText.Format(StartNs));
        if (DurationNs is { } durationNs)
        {
            builder.Append(" for ").Append(DurationText.Format(durationNs));
        }

        return builder.ToString();
    }

    /// <summary>The target as written after the kind, or <see langword="null"/> when the kind takes none.</summary>
    /// <returns>The text.</returns>
    protected abstract string? TargetText();

    /// <summary>The parameters as key word and value text, in the catalog's order.</summary>
    /// <returns>The pairs; empty when the kind has no parameters.</returns>
    protected virtual IEnumerable<(string Key, string Value)> ParameterTexts() => [];
}
