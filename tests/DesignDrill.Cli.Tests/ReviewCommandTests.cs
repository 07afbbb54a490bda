using System.Text.Json;

namespace DesignDrill.Cli.Tests;

public sealed class ReviewCommandTests
{
    [Theory]
    [InlineData("samples/url-shortener.md")]
    [InlineData("samples/pastebin.md")]
    [InlineData("samples/rate-limiter.md")]
    [InlineData("samples/notification-service.md")]
    [InlineData("samples/job-queue.md")]
    public void Should_exit_0_on_a_clean_sample(string sample)
    {
        var (code, output, error) = Drill.Run("review", Drill.Sample(sample));

        code.ShouldBe(0, output + error);
        output.ShouldContain("Estimates");
        output.ShouldContain("Summary: 0 errors");
    }

    [Fact]
    public void Should_render_the_flawed_estimates_report_as_expected()
    {
        var (code, output, _) = Drill.Run("review", Drill.Sample("samples/flawed/estimate-errors.md"));

        code.ShouldBe(1);
        Drill.ShouldMatchExpected(output, "review-estimate-errors.txt");
    }

    [Fact]
    public void Should_render_the_url_shortener_report_as_expected()
    {
        var (_, output, _) = Drill.Run("review", Drill.Sample("samples/url-shortener.md"));

        Drill.ShouldMatchExpected(output, "review-url-shortener.txt");
    }

    [Fact]
    public void Should_render_markdown_with_the_estimate_table()
    {
        var (code, output, _) = Drill.Run("review", Drill.Sample("samples/flawed/broken-architecture.md"), "--format", "markdown");

        code.ShouldBe(1);
        output.ShouldStartWith("# Review: Notification service with a broken architecture");
        output.ShouldContain("| line | name | value | stated | verdict | derivation |");
        output.ShouldContain("| error | REV013 | undefined-component | communication |");
    }

    [Fact]
    public void Should_print_the_same_json_on_every_run()
    {
        var path = Drill.Sample("samples/flawed/estimate-errors.md");

        var first = Drill.Run("review", path, "--format", "json").Out;
        var second = Drill.Run("review", path, "--format", "json").Out;

        second.ShouldBe(first);
        using var json = JsonDocument.Parse(first);
        var root = json.RootElement;
        root.GetProperty("schema").GetString().ShouldBe("designdrill/review-report@1");
        root.GetProperty("summary").GetProperty("errors").GetInt32().ShouldBeGreaterThan(0);
        var offEstimate = root.GetProperty("estimates").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "write_rate");
        offEstimate.GetProperty("verdict").GetString().ShouldBe("off");
        offEstimate.GetProperty("value").GetDouble().ShouldBe(1e7 / 86_400, 1e-9);
        offEstimate.GetProperty("unit").GetString().ShouldBe("1/s");
        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "EST016");
        diagnostic.GetProperty("line").GetInt32().ShouldBe(21);
        diagnostic.GetProperty("column").GetInt32().ShouldBe(43);
    }

    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("never", 0)]
    public void Should_exit_by_the_fail_on_threshold(string failOn, int expected)
    {
        // Given a design with warnings and notes but no errors
        var path = Drill.Sample("samples/flawed/vague-requirements.md");
        var text = File.ReadAllText(path).Replace("- It should be fast.", "- p99 < 200 ms", StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"drill-{Guid.NewGuid():N}.md");
        File.WriteAllText(file, text);
        try
        {
            // When
            var (code, output, _) = Drill.Run("review", file, "--fail-on", failOn);

            // Then
            output.ShouldContain("0 errors");
            code.ShouldBe(expected);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Should_exit_1_when_errors_exist_and_never_is_not_given()
    {
        var (code, _, _) = Drill.Run("review", Drill.Sample("samples/flawed/no-flows.md"));
        code.ShouldBe(1);
        Drill.Run("review", Drill.Sample("samples/flawed/no-flows.md"), "--fail-on", "never").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void Should_exit_2_for_a_missing_file()
    {
        var (code, output, error) = Drill.Run("review", "no/such/design.md");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("file not found: no/such/design.md");
    }

    [Fact]
    public void Should_exit_2_for_a_file_that_is_not_text()
    {
        var file = Path.Combine(Path.GetTempPath(), $"drill-{Guid.NewGuid():N}.md");
        File.WriteAllBytes(file, [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF]);
        try
        {
            var (code, _, error) = Drill.Run("review", file);

            code.ShouldBe(2);
            error.ShouldContain("not a text file");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Should_exit_2_for_an_unknown_option_value()
    {
        var (code, _, error) = Drill.Run("review", Drill.Sample("samples/pastebin.md"), "--format", "pdf");

        code.ShouldBe(2);
        error.ShouldContain("pdf");
    }

    [Fact]
    public void Should_review_at_the_level_given_on_the_command_line()
    {
        var path = Drill.Sample("samples/pastebin.md");

        var mid = Drill.Run("review", path, "--format", "json").Out;
        var staff = Drill.Run("review", path, "--format", "json", "--level", "staff").Out;

        mid.ShouldContain("\"level\": \"mid\"");
        staff.ShouldContain("\"level\": \"staff\"");
        staff.ShouldContain("REV019");
    }

    [Fact]
    public void Should_apply_conventions_from_the_command_line_over_the_front_matter()
    {
        var path = Drill.Sample("samples/pastebin.md");

        var (_, output, _) = Drill.Run("review", path, "--format", "json", "--days-per-month", "30", "--seconds-per-month", "2592000");

        output.ShouldContain("\"secondsPerMonth\": 2592000");
        output.ShouldContain("\"display\": \"3.858/s\"");
    }
}
