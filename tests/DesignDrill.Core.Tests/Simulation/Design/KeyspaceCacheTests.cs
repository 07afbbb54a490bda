using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>Caches read with a Zipf keyspace inside the design-driven run: the hit ratio emerges and matches Che's approximation.</summary>
public sealed class KeyspaceCacheTests(ITestOutputHelper output)
{
    // 5 MB of 1 KB entries: 5,000 entries in front of 100,000 keys (5%).
    private const string Design = """
        ## Architecture
        ```
        api: service x4, 10K rps each, 1 ms
        cache: redis x1, 5 MB each, ttl 24h
        db: postgres x4, 10K rps each, 2 ms
        flow read at 20K/s, read: client -> api -> cache -> db on miss
        ```
        """;

    [Theory]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void Should_let_the_hit_ratio_emerge_as_che_predicts(double zipf)
    {
        // Given
        var report = DesignReviewer.Review(Design);
        var keyspace = new CacheKeyspace(100_000, zipf, 1_000);

        // When
        var run = DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = 40, WarmUpSeconds = 10, Seed = 9, Keyspace = keyspace });

        // Then
        var simulated = run.FindComponent("cache")!.HitRatio!.Value;
        var che = CheApproximation.ForZipf(100_000, zipf, 5_000).HitRatio;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"s={zipf}: simulated {simulated:P2}, Che {che:P2}"));
        simulated.ShouldBe(che, 0.02);
    }

    [Fact]
    public void Should_warm_up_again_after_a_flush()
    {
        // Given: a cache for half the keys (50 MB of 1 KB entries), which takes seconds to refill
        var report = DesignReviewer.Review(Design.Replace("5 MB each", "50 MB each", StringComparison.Ordinal));
        var options = new DesignSimulationOptions
        {
            DurationSeconds = 40,
            WarmUpSeconds = 5,
            Seed = 4,
            Keyspace = new CacheKeyspace(100_000, 0.8, 1_000),
            Faults = [FaultParser.Parse("cache-flush cache at 20s for 1s").Fault!],
        };

        // When
        var run = DesignSimulator.Run(report, options);

        // Then: the database takes a burst of misses right after the flush, then settles back as the cache refills
        var db = run.ComponentSeries[run.Components.ToList().FindIndex(c => c.Name == "db")];
        var before = db.Where(p => p.StartSeconds is >= 10 and < 20).Average(p => p.Utilization);
        output.WriteLine(string.Join(" ", db.Where(p => p.StartSeconds is >= 17 and < 26).Select(p => p.Utilization.ToString("0.000", CultureInfo.InvariantCulture))));
        db.Single(p => p.StartSeconds == 20).Utilization.ShouldBeGreaterThan(before * 1.2);
        db.Where(p => p.StartSeconds >= 30).Average(p => p.Utilization).ShouldBe(before, before * 0.1);
    }

    [Theory]
    [InlineData(0L, 0.8, 1000.0)]
    [InlineData(9_007_199_254_740_993L, 0.8, 1000.0)]
    [InlineData(1000L, -0.1, 1000.0)]
    [InlineData(1000L, 10.5, 1000.0)]
    [InlineData(1000L, double.NaN, 1000.0)]
    [InlineData(1000L, 0.8, 0.0)]
    [InlineData(1000L, 0.8, double.PositiveInfinity)]
    public void Should_refuse_a_keyspace_out_of_range(long keys, double zipf, double itemBytes)
    {
        // Given / When
        var problems = new DesignSimulationOptions { Keyspace = new CacheKeyspace(keys, zipf, itemBytes) }.Problems();

        // Then
        problems.ShouldHaveSingleItem().ShouldContain("a cache keyspace needs 1 to 2^53 keys");
    }

    [Fact]
    public void Should_accept_a_keyspace_at_its_limits()
    {
        new DesignSimulationOptions { Keyspace = new CacheKeyspace(1L << 53, 10, 1) }.Problems().ShouldBeEmpty();
        new DesignSimulationOptions { Keyspace = new CacheKeyspace(1, 0, 1e-3) }.Problems().ShouldBeEmpty();
    }
}
