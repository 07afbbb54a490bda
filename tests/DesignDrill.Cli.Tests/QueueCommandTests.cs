using System.Text.Json;

namespace DesignDrill.Cli.Tests;

public sealed class QueueCommandTests
{
    private static readonly string[] JsonFields =
    [
        "utilization", "waitProbability", "meanWaitSeconds", "meanResponseSeconds", "meanQueueLength", "meanInSystem",
        "responseP95Seconds", "responseP99Seconds",
    ];

    [Fact]
    public void Should_print_the_metrics_of_a_reference_row()
    {
        // Given: the reference row c = 4, ρ = 0.9 (../shared/reference/queueing.md).
        // When
        var (code, output, error) = Drill.Run("queue", "--servers", "4", "--arrival-rate", "3.6/s", "--service-time", "1s");

        // Then
        code.ShouldBe(0, error);
        output.ShouldContain("utilisation             90%");
        output.ShouldContain("probability of waiting  78.78%");
        output.ShouldContain("mean wait               1.969 s");
        output.ShouldContain("mean response time      2.969 s");
        output.ShouldContain("mean queue length       7.09");
        output.ShouldContain("mean number in system   10.69");
        output.ShouldContain("p99 response time       12.19 s");
        Drill.ShouldMatchExpected(output, "queue-m-m-4.txt");
    }

    [Fact]
    public void Should_print_exactly_the_documented_json_fields_in_seconds()
    {
        // Given: the reference row c = 10, ρ = 0.9 with a mean service time of 20 ms, so times scale by 0.02.
        // When
        var (code, output, error) = Drill.Run("queue", "--servers", "10", "--arrival-rate", "450 rps",
            "--service-time", "20 ms", "--json");

        // Then
        code.ShouldBe(0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(JsonFields);
        root.GetProperty("utilization").GetDouble().ShouldBe(0.9, 1e-12);
        root.GetProperty("waitProbability").GetDouble().ShouldBe(0.668732, 5e-7);
        root.GetProperty("meanWaitSeconds").GetDouble().ShouldBe(0.668732 * 0.02, 5e-8);
        root.GetProperty("meanResponseSeconds").GetDouble().ShouldBe(1.668732 * 0.02, 5e-8);
        root.GetProperty("meanQueueLength").GetDouble().ShouldBe(6.018584, 5e-6);
        root.GetProperty("meanInSystem").GetDouble().ShouldBe(15.018584, 5e-6);
        root.GetProperty("responseP99Seconds").GetDouble().ShouldBe(6.2499 * 0.02, 5e-6);
        root.GetProperty("responseP95Seconds").GetDouble().ShouldBeInRange(2.0 * 0.02, 6.2499 * 0.02);
    }

    [Fact]
    public void Should_accept_a_service_rate_instead_of_a_service_time()
    {
        var byTime = Drill.Run("queue", "--servers", "2", "--arrival-rate", "1.6/s", "--service-time", "1 s", "--json");
        var byRate = Drill.Run("queue", "--servers", "2", "--arrival-rate", "1.6/s", "--service-rate", "1/s", "--json");

        byRate.ExitCode.ShouldBe(0, byRate.Err);
        byRate.Out.ShouldBe(byTime.Out);
        byRate.Out.ShouldContain("\"waitProbability\":0.7111111");
    }

    [Fact]
    public void Should_report_saturation_plainly_and_exit_0()
    {
        // When: 4 servers of 10/s each facing 50/s.
        var (code, output, _) = Drill.Run("queue", "--servers", "4", "--arrival-rate", "50/s", "--service-time", "100ms");

        // Then
        code.ShouldBe(0);
        output.ShouldContain("SATURATED: utilisation 125%");
        output.ShouldContain("Load to shed: more than 10/s");
        output.ShouldContain("at least 6 servers");
    }

    [Fact]
    public void Should_give_nulls_and_the_shed_rate_in_json_when_saturated()
    {
        var (code, output, _) = Drill.Run("queue", "--servers", "4", "--arrival-rate", "50/s", "--service-time", "100ms",
            "--json");

        code.ShouldBe(0);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe([.. JsonFields, "shedRatePerSecond"]);
        root.GetProperty("utilization").GetDouble().ShouldBe(1.25, 1e-12);
        root.GetProperty("shedRatePerSecond").GetDouble().ShouldBe(10, 1e-9);
        foreach (var field in JsonFields.Skip(1))
        {
            root.GetProperty(field).ValueKind.ShouldBe(JsonValueKind.Null, field);
        }
    }

    [Theory]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6/s" }, "exactly one of")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6/s", "--service-time", "1s", "--service-rate", "1/s" }, "exactly one of")]
    [InlineData(new[] { "queue", "--arrival-rate", "3.6/s", "--service-time", "1s" }, "--servers")]
    [InlineData(new[] { "queue", "--servers", "0", "--arrival-rate", "3.6/s", "--service-time", "1s" }, "--servers must be")]
    [InlineData(new[] { "queue", "--servers", "four", "--arrival-rate", "3.6/s", "--service-time", "1s" }, "four")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6", "--service-time", "1s" }, "did you mean '3.6/s'?")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6/s", "--service-time", "5 KB" }, "is information (B); it must be a time")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6/s", "--service-rate", "1 s" }, "is time (s); it must be a rate")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6/s", "--service-time", "0 s" }, "must be positive")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "-1/s", "--service-time", "1 s" }, "zero or positive")]
    [InlineData(new[] { "queue", "--servers", "4", "--arrival-rate", "3.6/s", "--service-time", "5q" }, "EST003")]
    public void Should_exit_2_with_a_clear_message_for_bad_options(string[] args, string message)
    {
        var (code, output, error) = Drill.Run(args);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain(message);
    }

    [Fact]
    public void Should_show_examples_in_help()
    {
        var (code, output, _) = Drill.Run("queue", "--help");

        code.ShouldBe(0);
        output.ShouldContain("Examples:");
        output.ShouldContain("drill queue --servers 4");
        output.ShouldContain("Exit codes:");
    }
}
