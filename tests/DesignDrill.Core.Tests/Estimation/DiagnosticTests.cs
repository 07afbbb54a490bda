using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("2 @ 3", "EST001", 3, 4)]
    [InlineData("1,00", "EST002", 1, 5)]
    [InlineData("1,5", "EST002", 1, 4)]
    [InlineData("1.2.3", "EST002", 1, 6)]
    [InlineData("1e400", "EST011", 1, 6)]
    [InlineData("5m", "EST003", 1, 3)]
    [InlineData("5b", "EST003", 1, 3)]
    [InlineData("5q", "EST003", 1, 3)]
    [InlineData("5 m", "EST003", 3, 4)]
    [InlineData("(1 + 2", "EST004", 1, 2)]
    [InlineData("1 +", "EST004", 4, 5)]
    [InlineData("1 2", "EST004", 3, 4)]
    [InlineData("1 )", "EST004", 3, 4)]
    [InlineData("* 2", "EST004", 1, 2)]
    [InlineData("x 2", "EST004", 1, 2)]
    [InlineData("foo * 2", "EST007", 1, 4)]
    [InlineData("10M users", "EST007", 5, 10)]
    [InlineData("5 B + 3 s", "EST009", 5, 6)]
    [InlineData("2 ^ (1 s)", "EST010", 6, 9)]
    [InlineData("(5 s)^0.5", "EST010", 7, 10)]
    [InlineData("B^100", "EST010", 1, 6)]
    [InlineData("1e308 * 1e308", "EST011", 1, 14)]
    [InlineData("1 / 0", "EST012", 5, 6)]
    [InlineData("(-8)^0.5", "EST010", 6, 9)]
    [InlineData("", "EST018", 1, 2)]
    [InlineData("   ", "EST018", 1, 4)]
    public void Should_report_bad_input_as_a_diagnostic_at_the_offending_token(string expression, string code,
        int column, int endColumn)
    {
        // Given / When
        var result = Eval(expression);

        // Then
        result.Succeeded.ShouldBeFalse();
        var diagnostic = result.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Severity.ShouldBe(Severity.Error);
        diagnostic.Span.ShouldBe(new SourceSpan(1, column, endColumn));
        diagnostic.Hint.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Should_name_both_dimensions_when_adding_bytes_to_seconds()
    {
        // Given / When
        var diagnostic = Eval("5 B + 3 s").Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Message.ShouldBe("cannot add information (B) and time (s)");
    }

    [Theory]
    [InlineData("500B + 1 KB", "500")]
    [InlineData("1 KB - 2.5B", "2.5")]
    [InlineData("1 KB/s + 500B / s", "500")]
    public void Should_hint_at_bytes_when_a_glued_B_was_read_as_billion(string expression, string digits)
    {
        // Given / When
        var diagnostic = Eval(expression).Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Code.ShouldBe("EST009");
        diagnostic.Hint.ShouldNotBeNull().ShouldContain($"did you mean {digits} bytes? write \"{digits} B\"");
    }

    [Fact]
    public void Should_suggest_the_closest_defined_name()
    {
        // Given
        var scope = new Dictionary<string, Quantity> { ["write_rate"] = Quantity.FromRatePerSecond(4) };

        // When
        var diagnostic = EstimateEvaluator.Evaluate("writ_rate * 2", scope, Conventions.Default).Diagnostics
            .ShouldHaveSingleItem();

        // Then
        diagnostic.Code.ShouldBe("EST007");
        diagnostic.Hint.ShouldBe("did you mean 'write_rate'?");
    }

    [Fact]
    public void Should_say_that_counts_need_no_unit()
    {
        // Given / When
        var diagnostic = Eval("10M users").Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Hint.ShouldBe("counts need no unit: drop 'users', or define it on an earlier line");
    }

    [Fact]
    public void Should_place_spans_in_document_coordinates()
    {
        // Given: the expression starts at line 7, column 10
        var origin = new SourceSpan(7, 10, 19);

        // When
        var diagnostic = EstimateEvaluator.Evaluate("5 B + 3 s", NoNames, Conventions.Default, origin).Diagnostics
            .ShouldHaveSingleItem();

        // Then: the '+' is the fifth character
        diagnostic.Span.ShouldBe(new SourceSpan(7, 14, 15));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(10_000)]
    public void Should_report_deep_nesting_instead_of_overflowing_the_stack(int depth)
    {
        // Given
        var expression = new string('(', depth) + "1" + new string(')', depth);

        // When
        var result = Eval(expression);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("EST005");
    }

    [Theory]
    [InlineData("-")]
    [InlineData("2^")]
    public void Should_report_deep_chains_of_signs_and_powers(string repeated)
    {
        // Given
        var expression = string.Concat(Enumerable.Repeat(repeated, 5_000)) + "2";

        // When
        var result = Eval(expression);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("EST005");
    }

    [Fact]
    public void Should_report_a_long_chain_of_additions_as_too_deep()
    {
        // Given
        var expression = string.Join(" + ", Enumerable.Repeat("1", 5_000));

        // When
        var result = Eval(expression);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("EST005");
    }

    [Fact]
    public void Should_report_a_100_KB_line_as_too_long()
    {
        // Given
        var expression = new string('1', 100_000);

        // When
        var result = Eval(expression);

        // Then
        result.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("EST006");
    }

    [Fact]
    public void Should_report_every_unknown_name_in_an_expression()
    {
        // Given / When
        var result = Eval("alpha + beta");

        // Then
        result.Diagnostics.Select(d => d.Code).ShouldBe(["EST007", "EST007"]);
        result.ReferencedNames.ShouldBe(["alpha", "beta"]);
    }
}
