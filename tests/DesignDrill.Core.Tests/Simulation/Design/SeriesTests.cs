using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>
/// The per-second series beyond arrivals and failures: p95 and goodput per flow, failures by cause, and per component the
/// cache hit ratio, the replication lag and the consumer lag, each moving as its fault says.
/// </summary>
public sealed class SeriesTests(ITestOutputHelper output)
{
    private const string Design = """
        ## Requirements
        ### Non-functional
        - Read latency p99 < 20 ms.

        ## Architecture
        ```
        api: service x4, 2K rps each, 2 ms
        cache: redis x2, 4 MB each, ttl 1h
        db: postgres, 1 primary + 2 replicas, 2K rps each, 4 ms
        jobs: sqs
        worker: worker x2, 100 rps each, 10 ms
        flow read at 1K/s, read: client -> api -> cache -> db on miss
        flow write at 100/s, write: client -> api => jobs => worker -> db
        ```
        """;

    private static readonly ReviewReport Report = DesignReviewer.Review(Design);

    private static DesignSimulationReport Run(params string[] faults) =>
        DesignSimulator.Run(Report, new DesignSimulationOptions
        {
            DurationSeconds = 60,
            WarmUpSeconds = 5,
            Seed = 17,
            Keyspace = new CacheKeyspace(100_000, 0.9, 1_000),
            Faults = [.. faults.Select(f => FaultParser.Parse(f).Fault.ShouldNotBeNull(f))],
        });

    private static IReadOnlyList<ComponentSeriesPoint> Series(DesignSimulationReport run, string component) =>
        run.ComponentSeries[run.Components.ToList().FindIndex(c => c.Name == component)];

    private static IReadOnlyList<FlowSeriesPoint> FlowSeries(DesignSimulationReport run, string flow) =>
        run.FlowSeries[run.Flows.ToList().FindIndex(f => f.Name == flow)];

    private static double Mean<T>(IEnumerable<T> points, Func<T, double> value) => points.Select(value).DefaultIfEmpty(double.NaN).Average();

    [Fact]
    public void Should_drop_the_hit_ratio_to_zero_while_the_cache_is_flushed_and_let_it_recover()
    {
        // When: the cache is flushed at 20 s and keeps nothing for 5 s
        var cache = Series(Run("cache-flush cache at 20s for 5s"), "cache");
        output.WriteLine(string.Join(" ", cache.Select(p => p.HitRatio!.Value.ToString("0.00", CultureInfo.InvariantCulture))));

        // Then: every read misses during the flush; the ratio climbs back once fills are kept again
        var before = Mean(cache.Where(p => p.StartSeconds is >= 10 and < 20), p => p.HitRatio!.Value);
        before.ShouldBeGreaterThan(0.3);
        cache.Where(p => p.StartSeconds is >= 20 and < 25).ShouldAllBe(p => p.HitRatio == 0);
        cache.Single(p => p.StartSeconds == 25).HitRatio!.Value.ShouldBeLessThan(before);
        Mean(cache.Where(p => p.StartSeconds >= 45), p => p.HitRatio!.Value).ShouldBe(before, 0.03);
        Series(Run(), "api").ShouldAllBe(p => p.HitRatio == null && p.ReplicationLagSeconds == null && p.ConsumerLag == null);
    }

    [Fact]
    public void Should_grow_the_consumer_lag_while_consumers_are_stopped_and_drain_it_after()
    {
        // When: the worker stops taking messages for 10 s (100 a second pile up), then has twice the capacity needed
        var run = Run("consumer-stopped worker at 20s for 10s");
        var jobs = Series(run, "jobs");
        output.WriteLine(string.Join(" ", jobs.Select(p => p.ConsumerLag)));

        // Then
        jobs.Where(p => p.StartSeconds is >= 5 and < 20).ShouldAllBe(p => p.ConsumerLag < 20);
        jobs.Single(p => p.StartSeconds == 24).ConsumerLag!.Value.ShouldBeInRange(400, 600);
        jobs.Single(p => p.StartSeconds == 29).ConsumerLag!.Value.ShouldBeInRange(900, 1_100);
        jobs.Where(p => p.StartSeconds >= 45).ShouldAllBe(p => p.ConsumerLag < 20);
    }

    [Fact]
    public void Should_hold_messages_in_a_queue_whose_consumers_are_stopped()
    {
        // When: no target: every queue stops delivering; the backlog is the queue's own, beyond 1,000 a server
        var run = Run("consumer-stopped at 20s for 15s");
        var jobs = Series(run, "jobs");

        // Then: 1,400 messages wait a second before the end of the stop (the series is read at the end of each
        // interval) and none is refused; the worker drains them at its spare 100 a second
        jobs.Single(p => p.StartSeconds == 33).ConsumerLag!.Value.ShouldBeInRange(1_250, 1_550);
        run.FindFlow("write")!.Failed.ShouldBe(0);

        // And: the producers do not wait for the stopped consumers (p99 stays near its usual 50 ms, not seconds)
        FlowSeries(run, "write").Where(p => p.StartSeconds is >= 20 and < 35).ShouldAllBe(p => p.LatencyP99Seconds < 0.2);
        jobs.Single(p => p.StartSeconds == 42).ConsumerLag!.Value.ShouldBeInRange(600, 1_000);
        jobs.Where(p => p.StartSeconds >= 55).ShouldAllBe(p => p.ConsumerLag < 20);
    }

    [Fact]
    public void Should_raise_the_replication_lag_during_a_replication_lag_spike()
    {
        // When
        var db = Series(Run("replication-lag db lag 2s at 20s for 10s"), "db");

        // Then: 10 ms, then 2.01 s while the fault lasts, then 10 ms again (the interval where it starts or ends shows its largest)
        db.Where(p => p.StartSeconds < 20 || p.StartSeconds >= 31).ShouldAllBe(p => p.ReplicationLagSeconds == 0.01);
        db.Where(p => p.StartSeconds is >= 20 and < 30).ShouldAllBe(p => p.ReplicationLagSeconds == 2.01);
    }

    [Fact]
    public void Should_count_goodput_against_the_latency_target_and_failures_by_cause()
    {
        // When: the api is 20 times slower on a quarter of its calls for 10 s; the db returns 20% errors for 10 s
        var run = Run("slow-node api factor 20 at 20s for 10s", "transient-errors db fraction 0.2 at 40s for 10s");
        var read = FlowSeries(run, "read");
        run.FindFlow("read")!.GoodputLatencyTargetSeconds.ShouldBe(0.02);
        run.FindFlow("write")!.GoodputLatencyTargetSeconds.ShouldBeNull();

        // Then: before the faults nearly every response is within 20 ms; on the slow node a good share is not
        var normal = read.Where(p => p.StartSeconds is >= 5 and < 20).ToList();
        var slow = read.Where(p => p.StartSeconds is >= 21 and < 30).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goodput share {normal.Sum(p => p.Goodput) / (double)normal.Sum(p => p.Completed):P1} before, {slow.Sum(p => p.Goodput) / (double)slow.Sum(p => p.Completed):P1} on the slow node; p95 {Mean(normal, p => p.LatencyP95Seconds) * 1000:0.0} ms before, {Mean(slow, p => p.LatencyP95Seconds) * 1000:0.0} ms"));
        (normal.Sum(p => p.Goodput) / (double)normal.Sum(p => p.Completed)).ShouldBeGreaterThan(0.97);
        (slow.Sum(p => p.Goodput) / (double)slow.Sum(p => p.Completed)).ShouldBeLessThan(0.9);
        read.ShouldAllBe(p => p.Goodput <= p.Completed);
        read.Where(p => p.Completed > 0).ShouldAllBe(p => p.LatencyP50Seconds <= p.LatencyP95Seconds && p.LatencyP95Seconds <= p.LatencyP99Seconds);
        Mean(slow, p => p.LatencyP95Seconds).ShouldBeGreaterThan(3 * Mean(normal, p => p.LatencyP95Seconds));

        // And: the errors fall in their window, by cause, and the causes add up to the failures
        read.Where(p => p.StartSeconds is < 40 or >= 50).Sum(p => p.Failed).ShouldBe(0);
        read.Where(p => p.StartSeconds is >= 40 and < 50).ShouldAllBe(p => p.FailedError == p.Failed && p.Failed > 0);
        FlowSeries(run, "write").ShouldAllBe(p => p.Failed == p.FailedQueueFull + p.FailedUnavailable + p.FailedError + p.FailedTimeout);
    }

    [Fact]
    public void Should_write_the_new_series_in_json_and_csv_after_the_existing_fields()
    {
        // Given
        var run = Run("cache-flush cache at 20s for 5s");

        // When
        var json = SimulationReportWriter.Json(run);
        var csv = SimulationReportWriter.Csv(run).Split('\n');

        // Then: the existing fields keep their order; the new ones follow
        json.ShouldContain("\"p50\": ");
        json.IndexOf("\"p99\": ", StringComparison.Ordinal).ShouldBeLessThan(json.IndexOf("\"p95\": ", StringComparison.Ordinal));
        json.ShouldContain("\"goodputLatencyTargetSeconds\": 0.02");
        json.ShouldMatch("\"queueLength\": [0-9]+,\\s+\"hitRatio\": 0\\s");
        json.ShouldContain("\"replicationLagSeconds\": 0.01");
        json.ShouldContain("\"consumerLag\": ");
        csv[0].ShouldStartWith("t,kind,name,offered,completed,failed,p50,p99,utilization,queueLength,p95,");
        csv.Single(l => l.StartsWith("21,component,cache,", StringComparison.Ordinal)).Split(',')[18].ShouldBe("0");
    }
}
