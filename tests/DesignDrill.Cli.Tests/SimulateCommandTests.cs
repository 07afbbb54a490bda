namespace DesignDrill.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static readonly string Sample = Drill.Sample("samples/url-shortener.md");

    [Fact]
    public void Should_write_byte_identical_json_for_the_same_seed()
    {
        // Given / When
        var a = Drill.Run("simulate", Sample, "--duration", "5s", "--load", "0.05x", "--seed", "42", "--format", "json");
        var b = Drill.Run("simulate", Sample, "--duration", "5s", "--load", "0.05x", "--seed", "42", "--format", "json");
        var c = Drill.Run("simulate", Sample, "--duration", "5s", "--load", "0.05x", "--seed", "43", "--format", "json");

        // Then
        a.ExitCode.ShouldBe(0, a.Err);
        a.Out.ShouldBe(b.Out);
        a.Out.ShouldNotBe(c.Out);
        a.Out.ShouldContain("\"schema\": \"designdrill/simulation@1\"");
        a.Out.ShouldContain("\"latencyP99SecondsCi95\": ");
        a.Out.ShouldContain("\"hitRatio\": ");
        a.Out.ShouldContain("\"throughputPerSecond\": ");
    }

    [Fact]
    public void Should_print_flows_components_and_the_series_as_text()
    {
        // Given / When
        var (code, output, _) = Drill.Run("simulate", Sample, "--duration", "5s", "--load", "0.05x", "--flow", "redirect");

        // Then
        code.ShouldBe(0);
        output.ShouldStartWith($"DesignDrill simulation {Sample} · seed 1 · 5 s simulated, first 0.5 s discarded\n");
        output.ShouldContain("\nredirect ");
        output.ShouldNotContain("\nshorten ");
        output.ShouldContain("\ncache ");
        output.ShouldContain("p99 latency and failures per interval (1 s each");
    }

    [Fact]
    public void Should_write_the_series_as_csv()
    {
        // Given / When
        var (code, output, _) = Drill.Run("simulate", Sample, "--duration", "3s", "--load", "0.01x", "--format", "csv");

        // Then: a header, then one row per interval for each of the 3 flows and 8 components
        code.ShouldBe(0);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("t,kind,name,offered,completed,failed,p50,p99,utilization,queueLength,p95,goodput,queueFull,unavailable,error,timeout,rejectedByBreaker,rateLimited,hitRatio,replicationLagSeconds,consumerLag");
        lines.Skip(1).ShouldAllBe(line => line.Count(c => c == ',') == 20);
        lines.Length.ShouldBe(1 + (3 * 3) + (8 * 3));
    }

    [Theory]
    [InlineData("--duration", "soon", "--duration 'soon' is not a usable time: SIM011 'soon' is not a time")]
    [InlineData("--load", "lots", "--load 'lots' is not a usable multiplier: SIM007 'lots' is not a load multiplier.")]
    [InlineData("--duration", "0s", "--duration '0s' is not a usable time: SIM008 The run duration 0s is out of range: it must be above 0")]
    [InlineData("--load", "0x", "--load '0x' is not a usable multiplier: SIM008 The load multiplier 0x is out of range: it must be above 0 and at most 1,000x.")]
    [InlineData("--workload", "sinus:3", "--workload 'sinus:3' is not a shape")]
    [InlineData("--breaker-slow", "soon", "--breaker-slow 'soon' is not a slow-call threshold; write 2s")]
    [InlineData("--breaker-slow", "2s:150%", "--breaker-slow '2s:150%' is not a slow-call threshold")]
    [InlineData("--keys", "0", "a cache keyspace needs 1 to 2^53 keys, a Zipf exponent from 0 to 10 and an item size above 0 bytes")]
    [InlineData("--keys", "9007199254740993", "a cache keyspace needs 1 to 2^53 keys")]
    public void Should_refuse_bad_options_with_exit_code_2(string option, string value, string message)
    {
        // Given / When
        var (code, _, error) = Drill.Run("simulate", Sample, option, value);

        // Then
        code.ShouldBe(2);
        error.ShouldContain(message);
    }

    [Fact]
    public void Should_refuse_a_design_with_nothing_to_run()
    {
        // Given / When
        var (code, _, error) = Drill.Run("simulate", Drill.Sample("samples/flawed/no-flows.md"));

        // Then
        code.ShouldBe(2);
        error.ShouldContain("drill simulate: nothing to run");
    }

    [Fact]
    public void Should_inject_faults_and_log_them()
    {
        // Given / When
        var (code, output, _) = Drill.Run("simulate", Sample, "--duration", "12s", "--load", "0.02x", "--fault", "kill-replicas keys count 2 at 4s for 4s", "--fault", "cache-flush at 2s for 2s");

        // Then
        code.ShouldBe(0);
        output.ShouldContain("\nevents:\n  t=2.0 s cache-flush on cache starts\n  t=4.0 s kill-replicas on keys starts\n  t=4.0 s cache-flush on cache ends; 0 requests failed while it lasted\n  t=8.0 s kill-replicas on keys ends; ");
        output.ShouldContain("failures by cause, and delivery behind queues:\n  shorten: 0 queue full, ");
    }

    [Fact]
    public void Should_report_a_bad_fault_with_its_column_and_a_hint()
    {
        // Given / When
        var (code, _, error) = Drill.Run("simulate", Sample, "--fault", "cache-flsh at 5s");

        // Then
        code.ShouldBe(2);
        error.ShouldContain("--fault \"cache-flsh at 5s\" column 1: error SIM002: 'cache-flsh' is not a fault kind.");
        error.ShouldContain("did you mean `cache-flush`?");
    }

    [Fact]
    public void Should_run_a_prompt_scenario_and_name_the_unknown_ones()
    {
        // Given / When
        var run = Drill.Run("simulate", Sample, "--duration", "9s", "--load", "0.02x", "--scenario", "region-loss");
        var unknown = Drill.Run("simulate", Sample, "--scenario", "meteor");

        // Then
        run.ExitCode.ShouldBe(0);
        run.Out.ShouldStartWith("Scenario region-loss: The region holding the primary copy goes dark.\n  (in one region only, so cut off: ");
        run.Out.ShouldContain("t=3.0 s partition on ");
        unknown.ExitCode.ShouldBe(2);
        unknown.Err.ShouldContain("'url-shortener' has no scenario 'meteor'. Its scenarios: ten-x-traffic, viral-link, cold-cache, region-loss.");
    }

    [Theory]
    [InlineData("2s", 2_000_000_000L, 1.0)]
    [InlineData("2s:50%", 2_000_000_000L, 0.5)]
    [InlineData("250ms:0.25", 250_000_000L, 0.25)]
    [InlineData("1m:100%", 60_000_000_000L, 1.0)]
    public void Should_read_a_slow_call_threshold_with_an_optional_share(string text, long durationNs, double share)
    {
        // When / Then
        Commands.SimulateCommand.ParseSlowCalls(text).ShouldBe((durationNs, share));
    }

    [Theory]
    [InlineData("2s:0%")]
    [InlineData("2s:1.5")]
    [InlineData("0s")]
    [InlineData("2s:50%:3")]
    [InlineData("fast")]
    public void Should_refuse_an_unusable_slow_call_threshold(string text)
    {
        // When / Then
        Commands.SimulateCommand.ParseSlowCalls(text).ShouldBeNull();
    }

    [Fact]
    public void Should_retry_with_the_client_policy_given_on_the_command_line()
    {
        // Given: a tier that a 10x slowdown overloads, and clients that time out after 1 s and retry at once
        var design = Path.Combine(Path.GetTempPath(), $"drill-storm-{Guid.NewGuid():N}.md");
        File.WriteAllText(design, "## Architecture\n```\napi: service x1, 8K rps each, 1 ms\nflow call at 1K/s, read: client -> api\n```\n");
        try
        {
            // When
            var (code, output, _) = Drill.Run("simulate", design, "--duration", "40s", "--fault", "slow-node api factor 10 at 10s for 10s", "--timeout", "1s", "--retries", "4", "--backoff", "none", "--format", "json");
            var bad = Drill.Run("simulate", design, "--retries", "-1");

            // Then
            code.ShouldBe(0);
            output.ShouldContain("\"retries\": ");
            output.ShouldNotContain("\"retries\": 0,");
            bad.ExitCode.ShouldBe(2);
            bad.Err.ShouldContain("--retries must be 0 or more");
        }
        finally
        {
            File.Delete(design);
        }
    }

    [Fact]
    public void Should_write_svg_charts_that_parse_as_xml()
    {
        // Given
        var folder = Path.Combine(Path.GetTempPath(), $"drill-svg-{Guid.NewGuid():N}");
        try
        {
            // When
            var (code, _, error) = Drill.Run("simulate", Sample, "--duration", "6s", "--load", "0.02x", "--svg", folder);

            // Then: the charts (the sample has a cache and a stream, no replicated store), each an SVG document with one
            // line per flow or component and its legend
            code.ShouldBe(0);
            error.ShouldContain("charts written to");
            Directory.GetFiles(folder).Select(Path.GetFileName).Order().ShouldBe(["consumer-lag.svg", "failures.svg", "goodput.svg", "hit-ratio.svg", "latency-p99.svg", "utilization.svg"]);
            foreach (var file in Directory.GetFiles(folder))
            {
                System.Xml.Linq.XDocument.Load(file).Root!.Name.LocalName.ShouldBe("svg");
            }

            var latency = System.Xml.Linq.XDocument.Load(Path.Combine(folder, "latency-p99.svg"));
            var ns = System.Xml.Linq.XNamespace.Get("http://www.w3.org/2000/svg");
            latency.Root!.Name.ShouldBe(ns + "svg");
            latency.Descendants(ns + "path").Count().ShouldBe(3);
            latency.Descendants(ns + "text").Select(t => t.Value).ShouldContain("redirect");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
