using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>
/// A primary failure on a replicated store: writes fail until a replica is promoted, the writes acknowledged within the
/// replication lag before the crash are lost with asynchronous replication (none with synchronous), and the store has
/// one node fewer until the fault ends.
/// </summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    // Three nodes of one server each (1K rps at 1 ms): 600 reads/s and 500 writes/s keep them 37% busy, 55% on two.
    private const string Design = """
        ## Architecture
        ```
        api: service x4, 5K rps each, 1 ms
        db: postgres, 1 primary + 2 replicas, 1K rps each, 1 ms{0}
        flow write at 500/s, write: client -> api -> db
        flow read at 600/s, read: client -> api -> db
        ```
        """;

    private static DesignSimulationReport Run(string replication, params string[] faults) =>
        DesignSimulator.Run(DesignReviewer.Review(string.Format(CultureInfo.InvariantCulture, Design, replication)), new DesignSimulationOptions
        {
            DurationSeconds = 60,
            WarmUpSeconds = 5,
            Seed = 31,
            Faults = [.. faults.Select(f => FaultParser.Parse(f).Fault.ShouldNotBeNull(f))],
        });

    private static IReadOnlyList<FlowSeriesPoint> FlowSeries(DesignSimulationReport run, string flow) =>
        run.FlowSeries[run.Flows.ToList().FindIndex(f => f.Name == flow)];

    [Fact]
    public void Should_fail_writes_until_a_replica_is_promoted_and_keep_serving_reads()
    {
        // When: the primary dies at 20 s; a replica takes over 10 s later; the old primary is back at 50 s
        var run = Run("", "primary-failure db failover 10s at 20s for 30s");
        foreach (var line in run.EventLog)
        {
            output.WriteLine(line);
        }

        // Then: writes fail only between the crash and the promotion, all as unavailable; reads never fail
        var writes = FlowSeries(run, "write");
        writes.Where(p => p.StartSeconds is < 20 or >= 30).Sum(p => p.Failed).ShouldBe(0);
        ((double)writes.Where(p => p.StartSeconds is >= 20 and < 30).Sum(p => p.Failed)).ShouldBe(5_000, 300);
        run.FindFlow("write")!.FailedUnavailable.ShouldBe(run.FindFlow("write")!.Failed);
        run.FindFlow("read")!.Failed.ShouldBe(0);

        // And: the event log tells the story, with the writes refused as the component reports them
        var db = run.FindComponent("db")!;
        ((double)db.WritesFailedDuringFailover).ShouldBe(5_000, 300);
        run.EventLog[0].ShouldBe("t=20.0 s primary-failure on db starts: the primary is down; writes fail until a replica is promoted (failover 10s)");
        run.EventLog[1].ShouldStartWith(string.Create(CultureInfo.InvariantCulture, $"t=30.0 s db: replica 1 promoted to primary, 10.0 s after the primary failed; {db.WritesFailedDuringFailover:N0} writes failed; "));
        run.EventLog[1].ShouldEndWith("acknowledged writes lost (asynchronous replication, 10 ms behind)");
        run.EventLog[2].ShouldStartWith("t=50.0 s primary-failure on db ends: the old primary rejoins as a replica; ");
    }

    [Fact]
    public void Should_lose_the_writes_acknowledged_within_the_replication_lag_with_asynchronous_replication()
    {
        // When: the replicas are 2 s behind when the primary dies (500 writes/s: about 1,000 writes not yet shipped)
        var run = Run("", "replication-lag db lag 2s at 10s for 20s", "primary-failure db failover 5s at 20s for 20s");
        var db = run.FindComponent("db")!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lost {db.AcknowledgedWritesLost:N0} acknowledged writes (expected 500/s × 2.01 s = 1,005)"));

        // Then: Poisson count of 1,005 expected: within 4 standard deviations (±127)
        ((double)db.AcknowledgedWritesLost!.Value).ShouldBe(1_005, 127);
        var expected = string.Create(CultureInfo.InvariantCulture, $"; {db.AcknowledgedWritesLost:N0} acknowledged writes lost (asynchronous replication, 2010 ms behind)");
        run.EventLog.ShouldContain(line => line.EndsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_lose_no_acknowledged_write_with_synchronous_replication()
    {
        // When: the same failure on a store that acknowledges a write only once a replica has it
        var run = Run(", replication sync", "replication-lag db lag 2s at 10s for 20s", "primary-failure db failover 5s at 20s for 20s");

        // Then: writes still fail while no primary takes them, but none acknowledged is lost
        var db = run.FindComponent("db")!;
        db.AcknowledgedWritesLost.ShouldBe(0);
        db.WritesFailedDuringFailover.ShouldBeGreaterThan(2_000);
        run.EventLog.ShouldContain(line => line.EndsWith("; 0 acknowledged writes lost (synchronous replication)", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_serve_reads_with_one_node_fewer_until_the_old_primary_rejoins()
    {
        // Given: 1,800 reads/s on three one-server nodes (60% busy); on two they are 90% busy
        var design = """
            ## Architecture
            ```
            db: postgres, 1 primary + 2 replicas, 1K rps each, 1 ms
            flow read at 1800/s, read: client -> db
            ```
            """;
        var run = DesignSimulator.Run(DesignReviewer.Review(design), new DesignSimulationOptions
        {
            DurationSeconds = 70,
            WarmUpSeconds = 5,
            Seed = 8,
            Faults = [FaultParser.Parse("primary-failure db failover 5s at 20s for 30s").Fault!],
        });

        // When: the waits before, while the store has two nodes (20–50 s) and after the old primary rejoins
        var series = run.ComponentSeries[0];
        double MeanQueue(double from, double to) => series.Where(p => p.StartSeconds >= from && p.StartSeconds < to).Average(p => (double)p.QueueLength);
        var before = MeanQueue(5, 20);
        var during = MeanQueue(21, 50);
        var after = MeanQueue(55, 70);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mean queue: before {before:0.00}, with two nodes {during:0.00}, after {after:0.00}"));

        // Then: M/M/3 at 0.6 queues 0.35 on average, M/M/2 at 0.9 about 7.7
        during.ShouldBeGreaterThan(4 * Math.Max(before, 0.25));
        after.ShouldBeLessThan(during / 4);
        run.Flows[0].Failed.ShouldBe(0);
    }

    [Fact]
    public void Should_take_a_store_without_replicas_down_for_the_failover_time()
    {
        // Given: no replica to promote
        var design = """
            ## Architecture
            ```
            db: postgres x2, 1K rps each, 1 ms
            flow write at 100/s, write: client -> db
            flow read at 100/s, read: client -> db
            ```
            """;

        // When
        var run = DesignSimulator.Run(DesignReviewer.Review(design), new DesignSimulationOptions
        {
            DurationSeconds = 40,
            WarmUpSeconds = 1,
            Seed = 2,
            Faults = [FaultParser.Parse("primary-failure failover 10s at 20s").Fault!],
        });

        // Then: reads and writes fail for the 10 s the primary takes to come back; nothing is reported as promoted
        ((double)run.FindFlow("read")!.Failed).ShouldBe(1_000, 130);
        ((double)run.FindFlow("write")!.Failed).ShouldBe(1_000, 130);
        run.FindComponent("db")!.AcknowledgedWritesLost.ShouldBeNull();
        run.EventLog[0].ShouldBe("t=20.0 s primary-failure on db starts: no replica to promote, so 'db' is down until the primary is back");
        run.EventLog[1].ShouldStartWith("t=30.0 s primary-failure on db ends; ");
    }

    [Fact]
    public void Should_count_no_loss_when_the_primary_returns_before_the_promotion()
    {
        // When: the primary is back after 3 s, before the 10 s failover completes
        var run = Run("", "primary-failure db failover 10s at 20s for 3s");

        // Then
        run.FindComponent("db")!.AcknowledgedWritesLost.ShouldBe(0);
        run.EventLog[1].ShouldStartWith("t=23.0 s primary-failure on db ends: the primary is back before a replica was promoted; ");
        ((double)run.FindFlow("write")!.Failed).ShouldBe(1_500, 200);
    }
}
