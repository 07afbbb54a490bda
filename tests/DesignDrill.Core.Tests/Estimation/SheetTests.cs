using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class SheetTests
{
    [Fact]
    public void Should_make_each_name_available_to_later_lines()
    {
        // Given / When
        var sheet = Sheet(Conventions.Default,
            ("daily_writes", "100M", null),
            ("write_rate", "daily_writes / day", null),
            ("peak_rate", "write_rate * 100", null));

        // Then
        sheet.Diagnostics.ShouldBeEmpty();
        sheet.Values["peak_rate"].Value.ShouldBeClose(1e10 / 86400);
        sheet.Results[2].Derivation.ShouldBe("write_rate * 100 = (1.157K/s) * 100 = 115.7K/s");
    }

    [Fact]
    public void Should_warn_when_a_name_is_redefined_and_use_the_new_value()
    {
        // Given / When
        var sheet = Sheet(Conventions.Default, ("users", "10M", null), ("users", "20M", null), ("twice", "users * 2", null));

        // Then
        var warning = sheet.Diagnostics.ShouldHaveSingleItem();
        warning.Code.ShouldBe("EST014");
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Span.ShouldBe(new SourceSpan(2, 1, 6));
        sheet.Values["twice"].Value.ShouldBe(40e6);
    }

    [Fact]
    public void Should_not_cascade_errors_from_a_failed_line()
    {
        // Given / When
        var sheet = Sheet(Conventions.Default,
            ("size", "5 B + 3 s", null),
            ("total", "size * 2", null),
            ("unrelated", "3 KB", null));

        // Then
        sheet.Diagnostics.Select(d => d.Code).ShouldBe(["EST009", "EST008"]);
        sheet.Diagnostics[1].Severity.ShouldBe(Severity.Warning);
        sheet.Diagnostics[1].Message.ShouldContain("line (1)");
        sheet.Values.Keys.ShouldBe(["unrelated"]);
        sheet.Results[2].Value.ShouldBe(Quantity.FromBytes(3000));
    }

    [Theory]
    [InlineData("s")]
    [InlineData("day")]
    [InlineData("B")]
    [InlineData("M")]
    [InlineData("x")]
    [InlineData("per")]
    [InlineData("1abc")]
    [InlineData("")]
    public void Should_refuse_unit_words_and_non_identifiers_as_names(string name)
    {
        // Given / When
        var sheet = Sheet(Conventions.Default, (name, "5", null));

        // Then
        sheet.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("EST013");
        sheet.Values.ShouldBeEmpty();
    }

    [Fact]
    public void Should_report_diagnostics_of_later_lines_at_their_document_positions()
    {
        // Given / When
        var sheet = Sheet(Conventions.Default, ("a", "1", null), ("bb", "2", null), ("c", "a + zz", null));

        // Then: line 3, expression from column 10, 'zz' at offset 4
        sheet.Diagnostics.ShouldHaveSingleItem().Span.ShouldBe(new SourceSpan(3, 14, 16));
    }
}
