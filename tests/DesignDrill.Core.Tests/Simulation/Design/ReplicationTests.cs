using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>Replicated stores: a read a replica serves within the replication lag of its key's last write is stale.</summary>
public sealed class ReplicationTests(ITestOutputHelper output)
{
    private const string Design = """
        ## Architecture
        ```
        api: service x4, 2K rps each, 1 ms
        db: postgres, 1 primary + 2 replicas, 2K rps each, 2 ms
        flow write at 100/s, write: client -> api -> db
        flow read at 1K/s, read: client -> api -> db
        ```
        """;

    private DesignSimulationReport Run(params string[] faults) =>
        DesignSimulator.Run(DesignReviewer.Review(Design), new DesignSimulationOptions
        {
            DurationSeconds = 60,
            WarmUpSeconds = 10,
            Seed = 12,
            Keyspace = new CacheKeyspace(1_000, 0, 1_000),
            Faults = [.. faults.Select(f => FaultParser.Parse(f).Fault!)],
        });

    [Fact]
    public void Should_count_stale_reads_as_the_lag_and_write_rate_predict()
    {
        // When: 1,000 keys each written 0.1 times a second; replicas serve 2 of 3 reads; lag 10 ms, then 2 s more
        var normal = Run().FindComponent("db")!;
        var lagging = Run("replication-lag db lag 2s at 0s").FindComponent("db")!;

        // Then: a read is stale with probability share × (1 − e^(−rate per key × lag))
        var expectedNormal = (2.0 / 3) * (1 - Math.Exp(-0.1 * 0.010));
        var expectedLagging = (2.0 / 3) * (1 - Math.Exp(-0.1 * 2.010));
        var normalShare = (double)normal.StaleReads!.Value / normal.Reads;
        var laggingShare = (double)lagging.StaleReads!.Value / lagging.Reads;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stale: {normalShare:P3} (expected {expectedNormal:P3}); with 2 s lag {laggingShare:P2} (expected {expectedLagging:P2})"));
        laggingShare.ShouldBe(expectedLagging, expectedLagging * 0.1);
        normalShare.ShouldBeLessThan(expectedNormal * 3);
        normalShare.ShouldBeGreaterThan(0);
    }
}
