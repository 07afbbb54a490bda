using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Tests.Review;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

public sealed class DesignSimulatorTests(ITestOutputHelper output)
{
    /// <summary>A design that is exactly an M/M/c queue: Poisson arrivals into c servers of mean service 1 s.</summary>
    private static string Mmc(int servers, double lambda) => string.Create(
        CultureInfo.InvariantCulture,
        $"## Architecture\n```\nsvc: service x{servers}, 1 rps each, 1 s\nflow f at {lambda}/s, read: client -> svc\n```\n");

    /// <summary>
    /// Rows of ../shared/reference/queueing.md (Erlang C, μ = 1): c, λ, P(wait), Wq, W, W p99; and the simulated length
    /// in seconds (about 400K–1.5M customers: longer near saturation, where the estimates converge slowest).
    /// </summary>
    public static TheoryData<int, double, double, double, double, double, double> Reference => new()
    {
        { 1, 0.5, 0.500000, 1.000000, 2.000000, 9.2103, 800_000 },
        { 1, 0.8, 0.800000, 4.000000, 5.000000, 23.0259, 800_000 },
        { 1, 0.9, 0.900000, 9.000000, 10.000000, 46.0517, 2_400_000 },
        { 1, 0.95, 0.950000, 19.000000, 20.000000, 92.1034, 1_600_000 },
        { 4, 3.2, 0.596432, 0.745541, 1.745541, 6.8932, 150_000 },
        { 4, 3.6, 0.787753, 1.969383, 2.969383, 12.1932, 250_000 },
        { 4, 3.8, 0.891419, 4.457095, 5.457095, 23.5669, 400_000 },
    };

    [Theory]
    [MemberData(nameof(Reference))]
    public void Should_match_erlang_c_when_the_design_is_an_mmc_queue(int servers, double lambda, double pWait, double wq, double w, double wP99, double seconds)
    {
        // Given
        var report = DesignReviewer.Review(Mmc(servers, lambda));

        // When
        var run = DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = seconds, Seed = 20261121 });

        // Then: within 3 standard errors of the run's own batch-means estimate
        run.Outcome.IsComplete.ShouldBeTrue(run.Outcome.Message);
        var flow = run.FindFlow("f").ShouldNotBeNull();
        var svc = run.FindComponent("svc").ShouldNotBeNull();
        svc.Servers.ShouldBe(servers);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"c={servers} λ={lambda}: {flow.Completed:N0} requests; W {flow.LatencyMeanSeconds.Value:0.####}±{flow.LatencyMeanSeconds.HalfWidth95:0.####} (ref {w}); Wq {svc.WaitMeanSeconds.Value:0.####}±{svc.WaitMeanSeconds.HalfWidth95:0.####} (ref {wq}); P(wait) {svc.WaitProbability.Value:0.####}±{svc.WaitProbability.HalfWidth95:0.####} (ref {pWait}); W p99 {flow.LatencyP99Seconds.Value:0.###}±{flow.LatencyP99Seconds.HalfWidth95:0.###} (ref {wP99}); utilisation {svc.Utilization:0.####}"));
        flow.LatencyMeanSeconds.IsWithin(w, 3).ShouldBeTrue($"W {flow.LatencyMeanSeconds}");
        svc.WaitMeanSeconds.IsWithin(wq, 3).ShouldBeTrue($"Wq {svc.WaitMeanSeconds}");
        svc.WaitProbability.IsWithin(pWait, 3).ShouldBeTrue($"P(wait) {svc.WaitProbability}");
        flow.LatencyP99Seconds.IsWithin(wP99, 3).ShouldBeTrue($"W p99 {flow.LatencyP99Seconds}");
        svc.Utilization.ShouldBe(lambda / servers, 0.02);
    }

    [Fact]
    public void Should_give_identical_results_for_the_same_seed_and_different_ones_for_another()
    {
        // Given
        var report = DesignReviewer.Review(RepoFiles.Read("samples/url-shortener.md"));
        var options = new DesignSimulationOptions { DurationSeconds = 2, Seed = 7, LoadFactor = 0.01 };

        // When
        var a = DesignSimulator.Run(report, options);
        var b = DesignSimulator.Run(report, options);
        var c = DesignSimulator.Run(report, options with { Seed = 8 });

        // Then
        Summary(a).ShouldBe(Summary(b));
        Summary(a).ShouldNotBe(Summary(c));
    }

    [Fact]
    public void Should_pass_only_cache_misses_to_the_store_and_carry_async_work_after_the_response()
    {
        // Given: 1,000 reads/s through a 90% cache, 100 writes/s handed off to a queue and a worker
        const string Design = """
            ## Architecture
            ```
            api: service x4, 1K rps each, 2 ms
            cache: redis x2, 8 GB each, hit 90%, ttl 1h
            db: postgres x2, 5K rps each, 4 ms
            jobs: sqs
            worker: worker x2, 100 rps each, 10 ms
            flow read at 1K/s, read: client -> api -> cache -> db on miss
            flow write at 100/s, write: client -> api => jobs => worker -> db
            ```
            """;
        var report = DesignReviewer.Review(Design);

        // When
        var run = DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = 200, Seed = 3 });

        // Then: the cache's hit ratio emerges near 90%, the db sees the misses plus the worker's writes
        var cache = run.FindComponent("cache").ShouldNotBeNull();
        cache.HitRatio.ShouldNotBeNull().ShouldBe(0.9, 0.01);
        var db = run.FindComponent("db").ShouldNotBeNull();
        (db.Jobs / (run.DurationSeconds - run.WarmUpSeconds)).ShouldBe(200, 10);

        // The write's response does not wait for the worker: its mean is the analytic path's (api and the enqueue only)
        var write = run.FindFlow("write").ShouldNotBeNull();
        var analytic = report.Analysis.FindFlow("write")!.Latency!.MeanSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"write: simulated {write.LatencyMeanSeconds.Value * 1000:0.###} ms ± {write.LatencyMeanSeconds.HalfWidth95 * 1000:0.###}, analytic {analytic * 1000:0.###} ms"));
        write.LatencyMeanSeconds.Value.ShouldBe(analytic, analytic * 0.05);
        var worker = run.FindComponent("worker").ShouldNotBeNull();
        (worker.Jobs / (run.DurationSeconds - run.WarmUpSeconds)).ShouldBe(100, 5);
        run.FlowSeries[0].Count.ShouldBe(200);
    }

    [Fact]
    public void Should_fail_requests_when_a_waiting_line_is_full()
    {
        // Given: 3,000/s offered to a tier that serves 1,000/s
        var report = DesignReviewer.Review("## Architecture\n```\napi: service x1, 1K rps each, 1 ms\nflow f at 3K/s, read: client -> api\n```\n");

        // When
        var run = DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = 20, Seed = 1, QueuePerServer = 100 });

        // Then: about two thirds fail, and the tier is saturated
        var flow = run.FindFlow("f").ShouldNotBeNull();
        ((double)flow.FailedQueueFull / flow.Offered).ShouldBe(2.0 / 3, 0.02);
        run.FindComponent("api")!.Utilization.ShouldBeGreaterThan(0.99);
    }

    [Theory]
    [InlineData("flow f at 1000000000000000/s, read: client -> api", "api: service x2, 1K rps each, 1 ms")]
    [InlineData("flow f at 100/s, read: client -> api", "api: service x1000000000, 1K rps each, 1 ms")]
    [InlineData("flow f at 100/s, read: client -> api", "api: service x2, 0 rps each, 1 ms")]
    public void Should_end_absurd_designs_with_a_bounded_run(string flow, string component)
    {
        // Given
        var report = DesignReviewer.Review($"## Architecture\n```\n{component}\n{flow}\n```\n");

        // When: a ten-year run with a small request cap
        var run = DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = 10 * 365.25 * 86_400, Seed = 1, MaxRequests = 200_000 });

        // Then
        run.Requests.ShouldBeLessThanOrEqualTo(200_000);
        run.Outcome.Message.ShouldNotBeNullOrWhiteSpace();
        output.WriteLine(run.Outcome.Message);
    }

    [Fact]
    public void Should_refuse_unusable_options_with_a_clear_message()
    {
        // Given
        var report = DesignReviewer.Review(Mmc(1, 0.5));

        // When
        var error = Should.Throw<ArgumentException>(() => DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = -1, LoadFactor = 0 }));

        // Then
        error.Message.ShouldContain("the duration must be a positive number of seconds, not -1");
        error.Message.ShouldContain("the load factor must be above 0");
    }

    private static string Summary(DesignSimulationReport run) => string.Join(
        "\n",
        run.Flows.Select(f => string.Create(CultureInfo.InvariantCulture, $"{f.Name} {f.Offered} {f.Completed} {f.Failed} {f.LatencyMeanSeconds.Value:R} {f.LatencyP99Seconds.Value:R}"))
            .Concat(run.Components.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Name} {c.Utilization:R} {c.MeanQueueLength:R} {c.HitRatio:R}"))));
}
