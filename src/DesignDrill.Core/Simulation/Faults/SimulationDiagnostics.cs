using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// The diagnostic codes of the simulator's text inputs — faults (<c>--fault "cache-flush at 60s for 30s"</c>), run
/// durations (<c>--duration 120s</c>) and load multipliers (<c>--load 3x</c>): SIM001…SIM014, documented with examples
/// in docs/simulation-workloads-and-faults.md. Every message of these parsers is built here, so wording stays
/// consistent. All are errors: the input cannot be run as written.
/// </summary>
public static class SimulationDiagnostics
{
    /// <summary>The input is empty or only spaces.</summary>
    public const string EmptyCode = "SIM001";

    /// <summary>The first word is not a fault kind (<c>cache-flsh</c>).</summary>
    public const string UnknownKindCode = "SIM002";

    /// <summary>The kind needs a target (a component, zone or edge) and none was written.</summary>
    public const string MissingTargetCode = "SIM003";

    /// <summary>The target is not a name, an edge <c>from-&gt;to</c> or a list <c>a,b</c> as the kind needs.</summary>
    public const string BadTargetCode = "SIM004";

    /// <summary>A word that is not a parameter of this kind, nor <c>at</c> or <c>for</c>.</summary>
    public const string UnknownKeyCode = "SIM005";

    /// <summary>A parameter, <c>at</c> or <c>for</c> with nothing after it.</summary>
    public const string MissingValueCode = "SIM006";

    /// <summary>A value that is not a number of the kind expected (a whole number, a factor, a fraction).</summary>
    public const string BadNumberCode = "SIM007";

    /// <summary>A well-formed value outside the range the parameter allows.</summary>
    public const string OutOfRangeCode = "SIM008";

    /// <summary>A required parameter of the kind is missing (<c>slow-node api at 10s</c> has no factor).</summary>
    public const string MissingParameterCode = "SIM009";

    /// <summary>A fault without <c>at TIME</c>.</summary>
    public const string MissingAtCode = "SIM010";

    /// <summary>A malformed time or duration: no unit, an unknown unit, a sign, or stray characters.</summary>
    public const string BadDurationCode = "SIM011";

    /// <summary>A parameter, <c>at</c> or <c>for</c> given twice.</summary>
    public const string RepeatedCode = "SIM012";

    /// <summary>A value with no parameter name in front of it, where the kind's main parameter is already set.</summary>
    public const string UnexpectedTextCode = "SIM013";

    /// <summary>An input longer than <see cref="FaultParser.MaxLength"/> characters.</summary>
    public const string TooLongCode = "SIM014";

    internal static Diagnostic Empty(SourceSpan span, string what, string example) =>
        Error(EmptyCode, span, $"The {what} is empty.", $"write it, for example `{example}`");

    internal static Diagnostic UnknownKind(SourceSpan span, string word, string? closest) =>
        Error(UnknownKindCode, span, $"'{word}' is not a fault kind.",
            (closest is null ? "" : $"did you mean `{closest}`? ") + "known kinds: " + string.Join(", ", FaultCatalog.Names));

    internal static Diagnostic MissingTarget(SourceSpan span, FaultKindInfo kind) =>
        Error(MissingTargetCode, span, $"`{kind.Name}` needs {TargetPhrase(kind.Target)} after the kind.",
            $"for example `{kind.Example}`");

    internal static Diagnostic BadTarget(SourceSpan span, FaultKindInfo kind, string text, string problem) =>
        Error(BadTargetCode, span, $"'{text}' is not {TargetPhrase(kind.Target)}: {problem}.", $"for example `{kind.Example}`");

    internal static Diagnostic UnknownKey(SourceSpan span, FaultKindInfo kind, string word, string? closest)
    {
        var keys = kind.Parameters.Count == 0 ? "it takes no parameters" : "its parameters are " + string.Join(", ", kind.Parameters.Select(p => p.Name));
        return Error(UnknownKeyCode, span, $"`{kind.Name}` has no parameter '{word}'.",
            (closest is null ? "" : $"did you mean `{closest}`? ") + keys + $"; then `at TIME` and optionally `for DURATION`, as in `{kind.Example}`");
    }

    internal static Diagnostic MissingValue(SourceSpan span, string key, string example) =>
        Error(MissingValueCode, span, $"`{key}` needs a value after it.", $"write `{key} {example}`");

    internal static Diagnostic BadNumber(SourceSpan span, string text, string expected, string example) =>
        Error(BadNumberCode, span, $"'{text}' is not {expected}.", $"write {example}");

    internal static Diagnostic OutOfRange(SourceSpan span, string what, string text, string range, string? hint = null) =>
        Error(OutOfRangeCode, span, $"{what} {text} is out of range: it must be {range}.", hint ?? $"use a value {range}");

    internal static Diagnostic MissingParameter(SourceSpan span, FaultKindInfo kind, FaultParameterInfo parameter) =>
        Error(MissingParameterCode, span, $"`{kind.Name}` needs its `{parameter.Name}` ({parameter.Description}).",
            $"add `{parameter.Name} {parameter.Example}`, as in `{kind.Example}`");

    internal static Diagnostic MissingAt(SourceSpan span, FaultKindInfo kind) =>
        Error(MissingAtCode, span, $"The fault has no start time: `{kind.Name}` needs `at TIME`.",
            $"add `at 30s` (and `for 20s` to end it), as in `{kind.Example}`");

    internal static Diagnostic BadDuration(SourceSpan span, string text, string problem, string? suggestion) =>
        Error(BadDurationCode, span, $"'{text}' is not a time: {problem}.",
            (suggestion is null ? "" : $"did you mean `{suggestion}`? ") + "write a number and a unit, such as 250ms, 30s, 1.5m, 2h, 1d or 1m30s (units: " + DurationText.UnitList + ")");

    internal static Diagnostic Repeated(SourceSpan span, string key) =>
        Error(RepeatedCode, span, $"`{key}` is given twice.", "keep one of them");

    internal static Diagnostic UnexpectedText(SourceSpan span, FaultKindInfo kind, string text) =>
        Error(UnexpectedTextCode, span, $"'{text}' is not expected here: every value after the first needs its parameter name.",
            $"write `name value` pairs, as in `{kind.Example}`");

    internal static Diagnostic TooLong(SourceSpan span, int length, int max) =>
        Error(TooLongCode, span, $"The text is {length} characters long; at most {max} are read.", "shorten it");

    private static string TargetPhrase(FaultTargetKind target) => target switch
    {
        FaultTargetKind.Component => "a component name",
        FaultTargetKind.Zone => "a zone name",
        FaultTargetKind.Edge => "an edge `from->to`",
        FaultTargetKind.ComponentOrEdge => "a component name or an edge `from->to`",
        FaultTargetKind.ComponentSet => "a list of component names `a,b,c`",
        _ => "a target",
    };

    private static Diagnostic Error(string code, SourceSpan span, string message, string hint) =>
        new(Severity.Error, code, span, message, hint);
}
