using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests;

public sealed class SourceExcerptTests
{
    [Fact]
    public void Should_draw_carets_under_the_span()
    {
        // Given
        var lines = SourceExcerpt.SplitLines("a = 1\nwrite_rate = new_urls ≈ 1.2K/s\n");

        // When
        var excerpt = SourceExcerpt.Render(lines, new SourceSpan(2, 25, 31));

        // Then
        excerpt.ShouldBe("  2 | write_rate = new_urls ≈ 1.2K/s\n    | " + new string(' ', 24) + "^^^^^^\n");
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(5, 1, 2)]
    public void Should_render_nothing_for_a_span_without_a_line(int line, int column, int endColumn)
    {
        SourceExcerpt.Render(["only line"], new SourceSpan(line, column, endColumn)).ShouldBeEmpty();
    }

    [Fact]
    public void Should_draw_one_caret_for_a_position_and_keep_tabs_aligned()
    {
        var excerpt = SourceExcerpt.Render(["\tx = 1 +"], new SourceSpan(1, 9, 9), indent: 0);

        excerpt.ShouldBe("1 |  x = 1 +\n  |         ^\n");
    }

    [Fact]
    public void Should_cut_a_very_long_line_around_the_span()
    {
        var line = new string('a', 500) + "ERROR" + new string('b', 500);

        var excerpt = SourceExcerpt.Render([line], new SourceSpan(1, 501, 506));

        var rows = excerpt.Split('\n');
        rows[0].Length.ShouldBeLessThan(SourceExcerpt.MaxShownColumns + 10);
        rows[0].ShouldContain("ERROR");
        rows[1].IndexOf('^', StringComparison.Ordinal).ShouldBe(rows[0].IndexOf("ERROR", StringComparison.Ordinal));
        rows[1].Count(c => c == '^').ShouldBe(5);
    }

    [Fact]
    public void Should_split_lines_on_every_kind_of_line_end()
    {
        SourceExcerpt.SplitLines("a\r\nb\rc\nd").ShouldBe(["a", "b", "c", "d"]);
    }
}
