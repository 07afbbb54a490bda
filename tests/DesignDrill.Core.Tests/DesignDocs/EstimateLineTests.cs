using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.DesignDocs;

public sealed class EstimateLineTests
{
    public static TheoryData<string, string, (int, int), string, (int, int), string?, (int, int)> Lines => new()
    {
        // line text, name, name columns, expression, expression columns, stated, stated columns
        { "dau = 100M", "dau", (1, 4), "100M", (7, 11), null, (0, 0) },
        { "write_rate = new_urls                    ≈ 1.2K/s", "write_rate", (1, 11), "new_urls", (14, 22), "1.2K/s", (44, 50) },
        { "- read_rate = write_rate * 100 ~ 116K/s", "read_rate", (3, 12), "write_rate * 100", (15, 31), "116K/s", (34, 40) },
        { "* peak = read_rate * 3 ~= 350K/s # busy hour", "peak", (3, 7), "read_rate * 3", (10, 23), "350K/s", (27, 33) },
        { "`storage = n * 500 B` // five years", "storage", (2, 9), "n * 500 B", (12, 21), null, (0, 0) },
        { "1. x=2≈2", "x", (4, 5), "2", (6, 7), "2", (8, 9) },
        { "dau = ~100M", "dau", (1, 4), "~100M", (7, 12), null, (0, 0) },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Should_read_estimate_lines_with_exact_spans(string line, string name, (int, int) nameColumns, string expression, (int, int) expressionColumns, string? stated, (int, int) statedColumns)
    {
        // Given
        var text = "## Estimates\n" + line + "\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldBeEmpty();
        var estimate = document.Estimates.ShouldHaveSingleItem();
        estimate.Line.ShouldBe(2);
        estimate.Name.ShouldBe(name);
        estimate.NameSpan.ShouldBe(new SourceSpan(2, nameColumns.Item1, nameColumns.Item2));
        estimate.Expression.ShouldBe(expression);
        estimate.ExpressionSpan.ShouldBe(new SourceSpan(2, expressionColumns.Item1, expressionColumns.Item2));
        estimate.Stated.ShouldBe(stated);
        estimate.StatedSpan.ShouldBe(stated is null ? SourceSpan.None : new SourceSpan(2, statedColumns.Item1, statedColumns.Item2));
    }

    [Fact]
    public void Should_keep_the_trailing_comment()
    {
        // Given
        var text = "## Estimates\nread_rate = w * 100 ≈ 116K/s   # 100:1 read/write\n";

        // When
        var estimate = DesignDocumentParser.Parse(text).Estimates.ShouldHaveSingleItem();

        // Then
        estimate.Comment.ShouldBe("100:1 read/write");
    }

    [Theory]
    [InlineData("We assume 100M daily users.")]
    [InlineData("a == b")]
    [InlineData("| dau | 100M |")]
    [InlineData("x => y")]
    public void Should_read_other_lines_as_prose(string line)
    {
        // Given
        var text = "## Estimates\n" + line + "\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Estimates.ShouldBeEmpty();
        document.Diagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("dau =", "DOC021", 5, 6)]
    [InlineData("dau = 100M ≈", "DOC022", 12, 13)]
    [InlineData("Peak QPS = 3 * avg", "DOC020", 1, 9)]
    public void Should_report_malformed_estimates(string line, string code, int column, int endColumn)
    {
        // Given
        var text = "## Estimates\n" + line + "\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var diagnostic = document.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Span.ShouldBe(new SourceSpan(2, column, endColumn));
        diagnostic.Hint.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Should_suggest_a_snake_case_name_for_a_name_with_spaces()
    {
        // Given
        var text = "## Estimates\nPeak QPS = 3 * avg\n";

        // When
        var diagnostic = DesignDocumentParser.Parse(text).Diagnostics.ShouldHaveSingleItem();

        // Then
        diagnostic.Hint.ShouldBe("Write 'peak_qps = ...'.");
    }
}
