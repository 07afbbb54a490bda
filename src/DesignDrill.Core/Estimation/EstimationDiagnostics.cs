using System.Globalization;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// The diagnostic codes of the estimation language (EST001…EST026), documented with examples in
/// docs/estimation.md. Every message the estimation code emits is built here, so wording stays consistent.
/// </summary>
public static class EstimationDiagnostics
{
    /// <summary>A character the language does not use, such as <c>@</c> or <c>#</c>.</summary>
    public const string UnexpectedCharacterCode = "EST001";

    /// <summary>A malformed number: <c>1,00</c>, <c>1.2.3</c>, <c>1,5</c>, or a literal beyond double range.</summary>
    public const string MalformedNumberCode = "EST002";

    /// <summary>Letters glued to a number that are no scale suffix or unit (<c>5q</c>), or the ambiguous <c>5m</c> and <c>5b</c>.</summary>
    public const string UnknownSuffixCode = "EST003";

    /// <summary>A syntax error: a missing operand or parenthesis, or two values with no operator between them.</summary>
    public const string SyntaxErrorCode = "EST004";

    /// <summary>Parentheses, signs or powers nested deeper than <see cref="EstimateEvaluator.MaxDepth"/>.</summary>
    public const string TooDeepCode = "EST005";

    /// <summary>An expression longer than <see cref="EstimateEvaluator.MaxLength"/> characters.</summary>
    public const string TooLongCode = "EST006";

    /// <summary>A name that is not defined on an earlier line.</summary>
    public const string UnknownNameCode = "EST007";

    /// <summary>A name whose own line failed to evaluate (warning; the root cause is reported on that line).</summary>
    public const string DependsOnFailedLineCode = "EST008";

    /// <summary>Adding, subtracting or comparing quantities of different dimensions, such as bytes and seconds.</summary>
    public const string DimensionMismatchCode = "EST009";

    /// <summary>An exponent with a unit, a fractional exponent on a quantity with a unit, or a too-large exponent.</summary>
    public const string BadExponentCode = "EST010";

    /// <summary>A result too large to represent (overflow to infinity) or otherwise not a finite number.</summary>
    public const string NotFiniteCode = "EST011";

    /// <summary>Division by zero.</summary>
    public const string DivisionByZeroCode = "EST012";

    /// <summary>A line defines a name that is a unit or other reserved word (<c>s</c>, <c>day</c>, <c>B</c>), or is not an identifier.</summary>
    public const string ReservedNameCode = "EST013";

    /// <summary>A name defined a second time (warning; the new value replaces the old one).</summary>
    public const string RedefinitionCode = "EST014";

    /// <summary>A stated value within 2x of the computed one but outside ±25% (warning).</summary>
    public const string StatedCloseCode = "EST015";

    /// <summary>A stated value more than 2x away from the computed one (error).</summary>
    public const string StatedOffCode = "EST016";

    /// <summary>A stated value whose dimension differs from the computed one (error).</summary>
    public const string StatedDimensionCode = "EST017";

    /// <summary>An empty expression.</summary>
    public const string EmptyExpressionCode = "EST018";

    /// <summary>Text given as a unit (for example to <c>--in</c>) that is not a unit.</summary>
    public const string UnknownUnitCode = "EST019";

    /// <summary>A conversion to a unit of another dimension, such as bytes to seconds.</summary>
    public const string ConversionMismatchCode = "EST020";

    /// <summary>A conventions setting key that is not known (warning).</summary>
    public const string UnknownSettingCode = "EST021";

    /// <summary>A conventions setting value that is not valid.</summary>
    public const string BadSettingCode = "EST022";

    /// <summary>A function called with too few or too many arguments, such as <c>parallel(99%)</c>.</summary>
    public const string ArgumentCountCode = "EST023";

    /// <summary>A function argument of the wrong dimension, such as <c>series(5 ms)</c> or <c>downtime(99.9%, 5 GB)</c>.</summary>
    public const string ArgumentDimensionCode = "EST024";

    /// <summary>
    /// A function argument out of range: an availability outside [0, 1], a replica count that is not a whole number
    /// from 1 to 1,000, k greater than n, or a negative period.
    /// </summary>
    public const string ArgumentRangeCode = "EST025";

    /// <summary>An undefined word followed by <c>(</c>, read as a call of a function that does not exist.</summary>
    public const string UnknownFunctionCode = "EST026";

    internal static Diagnostic UnexpectedCharacter(SourceSpan span, string text) =>
        new(Severity.Error, UnexpectedCharacterCode, span,
            $"'{text}' is not part of the estimation language",
            "use numbers, units, names and the operators + - * / ^ ( )");

    internal static Diagnostic MalformedNumber(SourceSpan span, string text, string hint) =>
        new(Severity.Error, MalformedNumberCode, span, $"'{text}' is not a valid number", hint);

    internal static Diagnostic UnknownSuffix(SourceSpan span, string number, string suffix, string? suggestion) =>
        new(Severity.Error, UnknownSuffixCode, span,
            $"'{number}{suffix}': '{suffix}' is neither a scale suffix (K, M, B, T) nor a unit",
            suggestion is null
                ? "separate a unit from its number with a space, or use K, M, B or T for thousand, million, billion, trillion"
                : $"did you mean '{number}{suggestion}'?");

    internal static Diagnostic AmbiguousSuffix(SourceSpan span, string number, string suffix) =>
        suffix == "m"
            ? new(Severity.Error, UnknownSuffixCode, span,
                $"'{number}m' is ambiguous: 'm' could mean million, minutes or metres",
                $"write '{number}M' for million or '{number} min' for minutes")
            : new(Severity.Error, UnknownSuffixCode, span,
                $"'{number}b' is ambiguous: 'b' could mean billion, bits or bytes",
                $"write '{number}B' for billion, '{number} B' for bytes or '{number} bit' for bits");

    internal static Diagnostic AmbiguousWord(SourceSpan span, string word) =>
        word == "m"
            ? new(Severity.Error, UnknownSuffixCode, span, "'m' is ambiguous: it could mean million, minutes or metres",
                "write 'M' (glued to the number) for million or 'min' for minutes")
            : new(Severity.Error, UnknownSuffixCode, span, "'b' is ambiguous: it could mean billion, bits or bytes",
                "write 'B' for bytes, 'bit' for bits, or glue 'B' to the number for billion ('5B')");

    internal static Diagnostic Syntax(SourceSpan span, string message, string? hint = null) =>
        new(Severity.Error, SyntaxErrorCode, span, message, hint);

    internal static Diagnostic TooDeep(SourceSpan span) =>
        new(Severity.Error, TooDeepCode, span,
            string.Create(CultureInfo.InvariantCulture,
                $"the expression is nested more than {EstimateEvaluator.MaxDepth} levels deep"),
            "split it into named steps on separate lines");

    internal static Diagnostic TooLong(SourceSpan span, int length) =>
        new(Severity.Error, TooLongCode, span,
            string.Create(CultureInfo.InvariantCulture,
                $"the expression is {length:N0} characters long; the limit is {EstimateEvaluator.MaxLength:N0}"),
            "split it into named steps on separate lines");

    internal static Diagnostic UnknownName(SourceSpan span, string name, string? closest, bool looksLikeCountNoun) =>
        new(Severity.Error, UnknownNameCode, span, $"'{name}' is not defined on an earlier line",
            closest is not null
                ? $"did you mean '{closest}'?"
                : looksLikeCountNoun
                    ? $"counts need no unit: drop '{name}', or define it on an earlier line"
                    : $"define '{name}' on an earlier line, as '{name} = …'");

    internal static Diagnostic DependsOnFailedLine(SourceSpan span, string name, int line) =>
        new(Severity.Warning, DependsOnFailedLineCode, span,
            line > 0
                ? string.Create(CultureInfo.InvariantCulture,
                    $"'{name}' has no value because its line ({line}) has errors; this line is skipped")
                : $"'{name}' has no value because its line has errors; this line is skipped",
            $"fix the definition of '{name}' first");

    internal static Diagnostic DimensionMismatch(SourceSpan span, string operation, Dimension left, Dimension right,
        string? hint) =>
        new(Severity.Error, DimensionMismatchCode, span,
            $"cannot {operation} {left.Describe()} and {right.Describe()}",
            hint ?? "both sides of + and - must have the same unit; check for a missing '/ s' or '* size'");

    internal static Diagnostic BadExponent(SourceSpan span, string message, string hint) =>
        new(Severity.Error, BadExponentCode, span, message, hint);

    internal static Diagnostic NotFinite(SourceSpan span) =>
        new(Severity.Error, NotFiniteCode, span, "the result is too large to represent (overflow)",
            "check the magnitudes: an estimate beyond 1e308 is a sign of a wrong unit or exponent");

    internal static Diagnostic DivisionByZero(SourceSpan span) =>
        new(Severity.Error, DivisionByZeroCode, span, "division by zero", "check the divisor's value");

    internal static Diagnostic ReservedName(SourceSpan span, string name) =>
        EstimateFunction.TryGet(name, out var function)
            ? new(Severity.Error, ReservedNameCode, span,
                $"'{name}' is a function ({function.Usage}) and cannot be used as a name",
                $"choose a descriptive name such as '{name}_availability' or 'total_{name}'")
            : UnitTable.IsReserved(name)
            ? new(Severity.Error, ReservedNameCode, span,
                $"'{name}' is a unit or reserved word and cannot be used as a name",
                $"choose a descriptive name such as '{name}_count' or 'total_{name}'")
            : new(Severity.Error, ReservedNameCode, span, $"'{name}' is not a valid name",
                "a name starts with a letter or underscore, followed by letters, digits or underscores");

    internal static Diagnostic Redefinition(SourceSpan span, string name, int previousLine) =>
        new(Severity.Warning, RedefinitionCode, span,
            string.Create(CultureInfo.InvariantCulture,
                $"'{name}' is already defined on line {previousLine}; this line replaces it"),
            "give each step its own name");

    internal static Diagnostic StatedClose(SourceSpan span, string computed, string stated, string factor) =>
        new(Severity.Warning, StatedCloseCode, span,
            $"close but not within 25%: it computes to {computed}, not {stated} ({factor})",
            $"write ≈ {computed}");

    internal static Diagnostic StatedOff(SourceSpan span, string message, string? hint) =>
        new(Severity.Error, StatedOffCode, span, message, hint);

    internal static Diagnostic StatedDimension(SourceSpan span, Dimension computed, Dimension stated, string? hint) =>
        new(Severity.Error, StatedDimensionCode, span,
            $"the stated value is {stated.Describe()} but the expression computes {computed.Describe()}",
            hint ?? "state the value in a unit of the same kind as the expression");

    internal static Diagnostic EmptyExpression(SourceSpan span) =>
        new(Severity.Error, EmptyExpressionCode, span, "the expression is empty",
            "write a number, a unit or a formula, such as '10M / day'");

    internal static Diagnostic UnknownUnit(string text, string? hint) =>
        new(Severity.Error, UnknownUnitCode, SourceSpan.None, $"'{text}' is not a unit",
            hint ?? "examples: /s, rps, GB/month, TB, Gbps, B/day, ms, $/month");

    internal static Diagnostic ConversionMismatch(Dimension from, Dimension to, string unitText) =>
        new(Severity.Error, ConversionMismatchCode, SourceSpan.None,
            $"cannot express {from.Describe()} in '{unitText}', which is {to.Describe()}",
            $"choose a unit of {from.Describe()}");

    internal static Diagnostic UnknownSetting(SourceSpan span, string key, string? closest) =>
        new(Severity.Warning, UnknownSettingCode, span, $"unknown estimation setting '{key}'",
            closest is null
                ? "known settings: " + string.Join(", ", Conventions.SettingKeys)
                : $"did you mean '{closest}'?");

    internal static Diagnostic BadSetting(SourceSpan span, string key, string value, string hint) =>
        new(Severity.Error, BadSettingCode, span, $"'{value}' is not a valid value for {key}", hint);

    internal static Diagnostic ArgumentCount(SourceSpan span, EstimateFunction function, int given) =>
        new(Severity.Error, ArgumentCountCode, span,
            function.MinArguments == function.MaxArguments
                ? string.Create(CultureInfo.InvariantCulture,
                    $"{function.Name}() takes {function.MinArguments} arguments, not {given}")
                : string.Create(CultureInfo.InvariantCulture,
                    $"{function.Name}() takes at least {function.MinArguments} argument{(function.MinArguments == 1 ? "" : "s")}, not {given}"),
            $"write {function.Usage}, as in {function.Example}");

    internal static Diagnostic ArgumentDimension(SourceSpan span, EstimateFunction function, string role,
        string expected, Dimension given, string example) =>
        new(Severity.Error, ArgumentDimensionCode, span,
            $"the {role} given to {function.Name}() must be {expected}, not {(given.IsDimensionless ? "a plain number" : given.Describe())}",
            $"write {example}, as in {function.Example}");

    internal static Diagnostic ArgumentRange(SourceSpan span, string message, string hint) =>
        new(Severity.Error, ArgumentRangeCode, span, message, hint);

    internal static Diagnostic UnknownFunction(SourceSpan span, string name, string? closest) =>
        new(Severity.Error, UnknownFunctionCode, span, $"'{name}' is not a function",
            closest is not null
                ? $"did you mean '{closest}'?"
                : "the functions are " + string.Join(", ", EstimateFunction.All.Select(f => f.Usage)));
}
