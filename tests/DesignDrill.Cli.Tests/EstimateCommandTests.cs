using System.Text.Json;

namespace DesignDrill.Cli.Tests;

public sealed class EstimateCommandTests
{
    [Theory]
    [InlineData(new[] { "estimate", "10M / month", "--in", "/s", "--seconds-per-month", "2.5M" }, "4 /s")]
    [InlineData(new[] { "estimate", "1.27 KB * 10M / month", "--in", "GB/month" }, "12.7 GB/month")]
    [InlineData(new[] { "estimate", "100M * 10 / day", "--in", "rps" }, "11574.07 rps")]
    [InlineData(new[] { "estimate", "100 Mbps * 1 day", "--in", "GB" }, "1080 GB")]
    [InlineData(new[] { "estimate", "1 day", "--in", "s", "--seconds-per-day", "100K" }, "100000 s")]
    [InlineData(new[] { "estimate", "1 TB", "--in", "GB", "--binary" }, "1024 GB")]
    [InlineData(new[] { "estimate", "series(99.9%, 99.9%)" }, "99.8001%")]
    [InlineData(new[] { "estimate", "parallel(99%, 2)" }, "99.99%")]
    [InlineData(new[] { "estimate", "downtime(99.9%, year)" }, "8.76 h")]
    [InlineData(new[] { "estimate", "downtime(99.99%, month)", "--in", "min" }, "4.32 min")]
    [InlineData(new[] { "estimate", "1 - 0.9995", "--in", "%" }, "0.05%")]
    [InlineData(new[] { "estimate", "kofn(0.99, 2, 3)", "--in", "%" }, "99.9702%")]
    public void Should_print_the_converted_value_first(string[] args, string firstLine)
    {
        // When
        var (code, output, error) = Drill.Run(args);

        // Then
        code.ShouldBe(0, error);
        output.Split('\n')[0].ShouldBe(firstLine);
    }

    [Fact]
    public void Should_print_full_precision_json()
    {
        var (code, output, _) = Drill.Run("estimate", "100M * 10 / day", "--in", "rps", "--json");

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("value").GetDouble().ShouldBe(1e9 / 86_400, 1e-9);
        json.RootElement.GetProperty("unit").GetString().ShouldBe("rps");
    }

    [Fact]
    public void Should_print_json_in_a_canonical_unit_without_in()
    {
        var (code, output, _) = Drill.Run("estimate", "2 KB * 3", "--json");

        code.ShouldBe(0);
        output.Trim().ShouldBe("{\"value\":6000,\"unit\":\"B\"}");
    }

    [Fact]
    public void Should_show_the_derivation_and_how_ambiguous_numbers_were_read()
    {
        var (code, output, _) = Drill.Run("estimate", "500B * 2");

        code.ShouldBe(0);
        output.ShouldContain("500 billion");
        output.ShouldContain("write '500 B' for bytes");
    }

    [Fact]
    public void Should_refuse_a_dimension_error_with_a_caret_and_exit_2()
    {
        var (code, output, error) = Drill.Run("estimate", "500 B + 5 s");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("EST009");
        error.ShouldContain("1 | 500 B + 5 s");
        error.ShouldContain("^");
    }

    [Fact]
    public void Should_refuse_a_conversion_into_another_dimension()
    {
        var (code, _, error) = Drill.Run("estimate", "10 GB", "--in", "/s");

        code.ShouldBe(2);
        error.ShouldContain("EST020");
    }

    [Fact]
    public void Should_refuse_a_bad_convention_value()
    {
        var (code, _, error) = Drill.Run("estimate", "1 day", "--seconds-per-day", "lots");

        code.ShouldBe(2);
        error.ShouldContain("EST022");
    }

    [Fact]
    public void Should_point_at_a_bad_function_argument()
    {
        var (code, output, error) = Drill.Run("estimate", "kofn(99%, 4, 3)");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("EST025");
        error.ShouldContain("1 | kofn(99%, 4, 3)");
        error.ShouldContain("  |           ^");
    }
}
