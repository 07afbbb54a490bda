using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class StatedValueTests
{
    [Theory]
    [InlineData("36.5 TB", "36.5 TB", StatedVerdict.Ok, null)]
    [InlineData("4 rps", "3.5/s", StatedVerdict.Ok, null)]
    [InlineData("4 rps", "5/s", StatedVerdict.Ok, null)]
    [InlineData("4 rps", "3/s", StatedVerdict.Close, "EST015")]
    [InlineData("4 rps", "7.9/s", StatedVerdict.Close, "EST015")]
    [InlineData("4 rps", "40/s", StatedVerdict.Off, "EST016")]
    [InlineData("4 rps", "1/s", StatedVerdict.Off, "EST016")]
    [InlineData("4 rps", "4 B", StatedVerdict.DimensionMismatch, "EST017")]
    [InlineData("0", "0", StatedVerdict.Ok, null)]
    [InlineData("5", "0", StatedVerdict.Off, "EST016")]
    [InlineData("0 B", "5 B", StatedVerdict.Off, "EST016")]
    [InlineData("-5", "5", StatedVerdict.Off, "EST016")]
    [InlineData("4 rps", "oops", StatedVerdict.Unevaluated, "EST007")]
    [InlineData("oops", "4/s", StatedVerdict.Unevaluated, "EST007")]
    [InlineData("4 rps", null, StatedVerdict.NotStated, null)]
    public void Should_judge_a_stated_value_against_the_computed_one(string expression, string? stated,
        StatedVerdict verdict, string? code)
    {
        // Given / When
        var sheet = Sheet(Conventions.Default, ("value", expression, stated));

        // Then
        var result = sheet.Results.ShouldHaveSingleItem();
        result.Verdict.ShouldBe(verdict);
        if (code is null)
        {
            result.Diagnostics.ShouldBeEmpty();
        }
        else
        {
            result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe(code);
        }
    }

    [Fact]
    public void Should_say_by_how_much_a_stated_value_is_off()
    {
        // Given
        var sheet = Sheet(Conventions.Default, ("storage", "100 GB/day * 365 days", "365 TB"));

        // When
        var diagnostic = sheet.Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Message.ShouldBe("off by 10x: 36.5 TB, not 365 TB");
        diagnostic.Span.ShouldBe(new SourceSpan(1, 60, 66));
        sheet.Results[0].Ratio.ShouldNotBeNull().ShouldBeClose(0.1);
    }

    [Fact]
    public void Should_give_the_computed_value_in_a_close_warning()
    {
        // Given
        var sheet = Sheet(Conventions.Default, ("rate", "4 rps", "3/s"));

        // When
        var diagnostic = sheet.Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Severity.ShouldBe(Severity.Warning);
        diagnostic.Message.ShouldBe("close but not within 25%: it computes to 4/s, not 3/s (1.3x)");
    }

    [Fact]
    public void Should_hint_at_bytes_when_a_stated_500B_meets_a_size()
    {
        // Given
        var sheet = Sheet(Conventions.Default, ("avg_size", "0.5 KB", "500B"));

        // When
        var diagnostic = sheet.Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Code.ShouldBe("EST017");
        diagnostic.Hint.ShouldNotBeNull().ShouldContain("did you mean 500 bytes? write \"500 B\"");
    }

    [Theory]
    [InlineData(1.3, "1.3x")]
    [InlineData(2, "2x")]
    [InlineData(3.16, "3.2x")]
    [InlineData(9.26, "10x")]
    [InlineData(10, "10x")]
    [InlineData(12.3, "12x")]
    [InlineData(60, "60x")]
    [InlineData(1000, "1000x")]
    [InlineData(1050, "1000x")]
    [InlineData(1205, "1200x")]
    public void Should_round_the_off_factor_sensibly(double factor, string expected)
    {
        // Given / When
        var text = EstimateSheet.FormatFactor(factor);

        // Then
        text.ShouldBe(expected);
    }
}
