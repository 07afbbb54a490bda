using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>
/// A design's cache settings select the cache in the run: <c>eviction lfu</c> an LFU cache, <c>write_through</c> and
/// <c>write_back</c> its write policy (cache-aside otherwise), with their effects on hits and on the store.
/// </summary>
public sealed class CachePolicyRunTests(ITestOutputHelper output)
{
    private const string ReadOnly = """
        ## Architecture
        ```
        api: service x8, 5K rps each, 1 ms
        cache: redis x1, 5 MB each, ttl 24h{0}
        db: postgres x8, 5K rps each, 2 ms
        flow read at 20K/s, read: client -> api -> cache -> db on miss
        ```
        """;

    private const string ReadWrite = """
        ## Architecture
        ```
        api: service x8, 5K rps each, 1 ms
        cache: redis x2, 8 MB each, 50K rps each, 1 ms, ttl 1h{0}
        db: postgres x8, 2K rps each, 4 ms
        flow write at 2K/s, write: client -> api -> db
        flow read at 2K/s, read: client -> api -> cache -> db on miss
        ```
        """;

    private static DesignSimulationReport Run(string design, string setting, double zipf, params string[] faults) =>
        DesignSimulator.Run(DesignReviewer.Review(string.Format(CultureInfo.InvariantCulture, design, setting)), new DesignSimulationOptions
        {
            DurationSeconds = 40,
            WarmUpSeconds = 10,
            Seed = 23,
            Keyspace = new CacheKeyspace(100_000, zipf, 1_000),
            Faults = [.. faults.Select(f => FaultParser.Parse(f).Fault.ShouldNotBeNull(f))],
        });

    [Fact]
    public void Should_hit_at_least_as_often_with_lfu_as_with_lru_under_a_static_zipf_keyspace()
    {
        // When: 5,000 entries in front of 100,000 keys of Zipf(0.8), read 20,000 times a second
        var lru = Run(ReadOnly, ", eviction lru", 0.8).FindComponent("cache")!;
        var lfu = Run(ReadOnly, ", eviction lfu", 0.8).FindComponent("cache")!;
        var che = CheApproximation.ForZipf(100_000, 0.8, 5_000).HitRatio;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"LRU {lru.HitRatio:P2} (Che {che:P2}), LFU {lfu.HitRatio:P2}"));

        // Then: the run used the named policy; LRU matches Che's approximation and LFU keeps the popular keys better
        lru.Eviction.ShouldBe("lru");
        lfu.Eviction.ShouldBe("lfu");
        lru.HitRatio!.Value.ShouldBe(che, 0.01);
        lfu.HitRatio!.Value.ShouldBeGreaterThan(lru.HitRatio.Value + 0.03);
    }

    [Fact]
    public void Should_make_reads_after_writes_hit_with_write_through_and_add_the_cache_to_the_write_latency()
    {
        // When: writes and reads of the same Zipf(0.8) keys, 2,000 a second each
        var aside = Run(ReadWrite, "", 0.8);
        var through = Run(ReadWrite, ", write_through", 0.8);
        var asideCache = aside.FindComponent("cache")!;
        var throughCache = through.FindComponent("cache")!;
        var asideWrite = aside.FindFlow("write")!.LatencyMeanSeconds.Value;
        var throughWrite = through.FindFlow("write")!.LatencyMeanSeconds.Value;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hit ratio: cache-aside {asideCache.HitRatio:P2}, write-through {throughCache.HitRatio:P2}; write latency {asideWrite * 1000:0.00} ms and {throughWrite * 1000:0.00} ms"));

        // Then: cache-aside deletes what a write touches, so the next read misses; write-through puts it in the cache,
        // so the next read hits
        asideCache.WritePolicy.ShouldBe("cache-aside");
        throughCache.WritePolicy.ShouldBe("write-through");
        throughCache.HitRatio!.Value.ShouldBeGreaterThan(asideCache.HitRatio!.Value + 0.1);
        ((double)throughCache.CacheWrites!.Value).ShouldBe(2_000 * 30, 2_000);

        // And: a write-through write waits for the cache (1 ms) and then the store
        (throughWrite - asideWrite).ShouldBe(0.001, 0.0003);
    }

    [Fact]
    public void Should_lower_the_store_write_load_with_write_back()
    {
        // When: the same writes under write-through and under write-back (flushed every second), keys of Zipf(1.0)
        var through = Run(ReadWrite, ", write_through", 1.0);
        var back = Run(ReadWrite, ", write_back", 1.0);
        var throughDb = through.FindComponent("db")!;
        var backDb = back.FindComponent("db")!;
        var cache = back.FindComponent("cache")!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"db jobs: write-through {throughDb.Jobs:N0}, write-back {backDb.Jobs:N0}; {cache.CacheWrites:N0} writes coalesced into {cache.WriteBacks:N0} write-backs; write latency {through.FindFlow("write")!.LatencyMeanSeconds.Value * 1000:0.00} ms and {back.FindFlow("write")!.LatencyMeanSeconds.Value * 1000:0.00} ms"));

        // Then: repeated writes to a key within a flush interval reach the store once; writes finish at the cache
        cache.WritePolicy.ShouldBe("write-back");
        ((double)cache.WriteBacks!.Value).ShouldBeLessThan(0.6 * cache.CacheWrites!.Value);
        ((double)backDb.Jobs).ShouldBeLessThan(throughDb.Jobs - (0.4 * cache.CacheWrites.Value));
        back.FindFlow("write")!.LatencyMeanSeconds.Value.ShouldBeLessThan(0.5 * through.FindFlow("write")!.LatencyMeanSeconds.Value);
        back.Flows.Select(f => f.Name).ShouldBe(["write", "read"]);
        cache.UnflushedWritesLost.ShouldBe(0);
    }

    [Fact]
    public void Should_lose_the_unflushed_writes_of_a_write_back_cache_that_is_flushed()
    {
        // When: the cache is flushed half-way between two write-backs (about a second's distinct keys are dirty)
        var run = Run(ReadWrite, ", write_back", 1.0, "cache-flush cache at 20.5s for 0s");
        var cache = run.FindComponent("cache")!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cache.UnflushedWritesLost:N0} unflushed writes lost; {cache.WriteBacks:N0} write-backs of {cache.CacheWrites:N0} writes"));

        // Then: the dirty entries of half an interval are lost (fewer than the 1,000 writes made in it: keys repeat)
        cache.UnflushedWritesLost!.Value.ShouldBeInRange(200, 1_000);
        Run(ReadWrite, ", write_through", 1.0, "cache-flush cache at 20.5s for 0s").FindComponent("cache")!.UnflushedWritesLost.ShouldBe(0);
    }

    [Fact]
    public void Should_count_the_write_backs_the_store_refuses_while_it_is_down()
    {
        // When: the store (no replica to promote) is down for 3 s; the flushes at 21, 22 and 23 s find it down
        var run = Run(ReadWrite, ", write_back", 1.0, "primary-failure db failover 3s at 20.5s");
        var cache = run.FindComponent("cache")!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cache.WriteBacksFailed:N0} write-backs refused of {cache.WriteBacks:N0}"));

        // Then: three flushes' worth (about 1,170 each) are refused and lost; the writes themselves had succeeded
        cache.WriteBacksFailed!.Value.ShouldBeInRange(3_000, 4_000);
        run.FindFlow("write")!.Failed.ShouldBe(0);
    }
}
