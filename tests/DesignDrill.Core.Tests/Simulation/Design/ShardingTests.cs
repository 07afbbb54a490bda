using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>Sharded components: each shard queues on its own, so hot partitions emerge from skewed keys.</summary>
public sealed class ShardingTests(ITestOutputHelper output)
{
    // 4 shards of 2 database nodes (8 in all, 2,000/s a shard); 3,000 reads/s over 8,000/s of capacity.
    private const string Design = """
        ## Architecture
        ```
        api: service x4, 10K rps each, 1 ms
        db: postgres x2, 4 shards, 1K rps each, 2 ms
        flow read at 3K/s, read: client -> api -> db
        ```
        """;

    private static IReadOnlyList<double> ShardUtilisation(DesignSimulationReport run) =>
        [.. run.Components.Where(c => c.Name.StartsWith("db[", StringComparison.Ordinal)).Select(c => c.Utilization)];

    [Fact]
    public void Should_spread_uniform_keys_evenly_over_the_shards()
    {
        // When
        var run = DesignSimulator.Run(DesignReviewer.Review(Design), new DesignSimulationOptions { DurationSeconds = 30, Seed = 3 });

        // Then
        var shards = ShardUtilisation(run);
        output.WriteLine(string.Join(" ", shards.Select(u => u.ToString("P1", CultureInfo.InvariantCulture))));
        shards.Count.ShouldBe(4);
        run.FindComponent("db[0]")!.Servers.ShouldBe(4);
        shards.ShouldAllBe(u => Math.Abs(u - shards.Average()) < 0.1 * shards.Average());
    }

    [Fact]
    public void Should_make_one_shard_hot_when_keys_are_skewed()
    {
        // Given: 1,000 keys of Zipf(1.2) popularity: the top keys take a large share and live on one or two shards
        var options = new DesignSimulationOptions { DurationSeconds = 30, Seed = 3, Keyspace = new CacheKeyspace(1_000, 1.2, 1_000) };

        // When
        var run = DesignSimulator.Run(DesignReviewer.Review(Design), options);

        // Then
        var shards = ShardUtilisation(run);
        output.WriteLine(string.Join(" ", shards.Select(u => u.ToString("P1", CultureInfo.InvariantCulture))));
        shards.Max().ShouldBeGreaterThan(1.5 * shards.Min());
    }

    [Fact]
    public void Should_overload_the_shard_holding_a_hot_key()
    {
        // Given: half of all requests ask for one key from 10 s to 20 s
        var options = new DesignSimulationOptions
        {
            DurationSeconds = 30,
            WarmUpSeconds = 2,
            Seed = 3,
            Faults = [FaultParser.Parse("hot-key db share 0.5 at 10s for 10s").Fault.ShouldNotBeNull()],
        };

        // When
        var run = DesignSimulator.Run(DesignReviewer.Review(Design), options);

        // Then: during the fault one shard gets 1,500 + 375 requests/s against its 2,000/s, the others 375/s
        var names = run.Components.Select(c => c.Name).ToList();
        var during = names.Where(n => n.StartsWith("db[", StringComparison.Ordinal))
            .Select(n => run.ComponentSeries[names.IndexOf(n)].Where(p => p.StartSeconds is >= 11 and < 20).Average(p => p.Utilization))
            .ToList();
        output.WriteLine(string.Join(" ", during.Select(u => u.ToString("P1", CultureInfo.InvariantCulture))));
        during.Max().ShouldBeGreaterThan(0.85);
        during.Order().Take(3).ShouldAllBe(u => u < 0.3);
        run.EventLog[0].ShouldStartWith("t=10.0 s hot-key on db[0], db[1], db[2], db[3] starts");
    }
}
