using DesignDrill.Core.Estimation;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class PropertyTests
{
    private static readonly string[] Fragments =
    [
        "1", "2.5", "1,000", "1e308", "0", "100M", "500B", "3x", "20%", "K", "M", "B", "T", "KB", "GiB", "s", "ms",
        "day", "month", "rps", "Gbps", "$", "x", "per", "m", "+", "-", "*", "/", "^", "(", ")", " ", "foo", "µs",
        ",", ".", "e", "≈", "\u0000", "\uD800", "size",
    ];

    private static readonly Dimension[] Dimensions =
    [
        Dimension.Dimensionless, Dimension.Information, Dimension.Time, Dimension.Money, Dimension.Rate,
        Dimension.Bandwidth, new(0, -1, 1), new(-1, 0, 1), new(-1, -1, 1), new(1, 1, 0), new(0, -2, 0),
        new(2, 0, 0), new(1, 0, 1),
    ];

    private static readonly Conventions[] AllConventions =
    [
        Conventions.Default,
        Conventions.Default with { BinaryPrefixes = true },
        Conventions.Default with { SecondsPerDay = 100_000, SecondsPerMonth = 2_500_000 },
    ];

    private static readonly IReadOnlyDictionary<string, Quantity> Scope =
        new Dictionary<string, Quantity> { ["size"] = Quantity.FromBytes(1270) };

    [Fact]
    public void Should_never_throw_on_arbitrary_strings()
    {
        // Given
        var arbitrary = ArbMap.Default.ArbFor<string>();

        // When / Then
        Prop.ForAll(arbitrary, text =>
        {
            var result = EstimateEvaluator.Evaluate(text, Scope, Conventions.Default);
            return result.Succeeded || result.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_never_throw_on_strings_made_of_language_fragments()
    {
        // Given
        var arbitrary = Gen.ListOf(Gen.Elements(Fragments)).Select(parts => string.Concat(parts)).ToArbitrary();

        // When / Then
        Prop.ForAll(arbitrary, text =>
        {
            var result = EstimateEvaluator.Evaluate(text, Scope, Conventions.Default, new(3, 5, 5 + text.Length));
            var spansInside = result.Diagnostics.All(d => d.Span.Line == 3 && d.Span.Column >= 5 && d.Span.EndColumn > d.Span.Column);
            return spansInside && (result.Succeeded || result.Diagnostics.Any(d => d.Severity == Diagnostics.Severity.Error));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_parse_a_formatted_quantity_back_within_half_a_percent()
    {
        // Given
        var values =
            from mantissa in Gen.Choose(1, 99_999)
            from exponent in Gen.Choose(-6, 12)
            from negative in Gen.Elements(false, true)
            from dimension in Gen.Elements(Dimensions)
            from conventions in Gen.Elements(AllConventions)
            select (Quantity: new Quantity((negative ? -1 : 1) * mantissa * Math.Pow(10, exponent), dimension),
                Conventions: conventions);

        // When / Then
        Prop.ForAll(values.ToArbitrary(), sample =>
        {
            var text = sample.Quantity.Format(sample.Conventions);
            var back = EstimateEvaluator.Evaluate(text, new Dictionary<string, Quantity>(), sample.Conventions);
            return back.Value is { } q && q.Dimension == sample.Quantity.Dimension &&
                   Math.Abs(q.Value - sample.Quantity.Value) <= 0.005 * Math.Abs(sample.Quantity.Value);
        }).QuickCheckThrowOnFailure();
    }
}
