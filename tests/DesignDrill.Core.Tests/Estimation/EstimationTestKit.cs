using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Tests.Estimation;

/// <summary>Shared helpers: evaluate with an empty scope, compare with tolerance, build sheet lines.</summary>
internal static class EstimationTestKit
{
    public const double Tolerance = 1e-9;

    public static readonly IReadOnlyDictionary<string, Quantity> NoNames = new Dictionary<string, Quantity>();

    public static Conventions PrimerMonth => Conventions.Default with { SecondsPerMonth = 2_500_000 };

    public static EvaluationResult Eval(string expression, Conventions? conventions = null) =>
        EstimateEvaluator.Evaluate(expression, NoNames, conventions ?? Conventions.Default);

    public static Quantity ValueOf(string expression, Conventions? conventions = null)
    {
        var result = Eval(expression, conventions);
        result.Diagnostics.ShouldBeEmpty($"'{expression}' should evaluate without diagnostics");
        return result.Value.ShouldNotBeNull();
    }

    public static void ShouldBeClose(this double actual, double expected, double relative = Tolerance) =>
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(relative * Math.Max(Math.Abs(expected), 1e-300),
            $"expected {expected:R}, got {actual:R}");

    public static double In(this Quantity q, string unit, Conventions? conventions = null)
    {
        Units.TryParse(unit, conventions ?? Conventions.Default, out var u, out var parseDiagnostic).ShouldBeTrue(
            parseDiagnostic?.ToString());
        Units.TryConvert(q, u, out var value, out var convertDiagnostic).ShouldBeTrue(convertDiagnostic?.ToString());
        return value;
    }

    /// <summary>A sheet line at the given document line; the expression starts at column 10 and the stated value at column 60.</summary>
    public static EstimateInput Line(int line, string name, string expression, string? stated = null) =>
        new(name, new SourceSpan(line, 1, 1 + name.Length), expression,
            new SourceSpan(line, 10, 10 + expression.Length), stated,
            stated is null ? default : new SourceSpan(line, 60, 60 + stated.Length));

    public static EstimateSheet Sheet(Conventions conventions, params (string Name, string Expression, string? Stated)[] lines) =>
        EstimateSheet.Evaluate(lines.Select((l, i) => Line(i + 1, l.Name, l.Expression, l.Stated)).ToList(), conventions);
}
