using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Workloads;
using MathNet.Numerics.Random;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class WritePolicyAndTtlTests
{
    private const long Second = 1_000_000_000;

    public static TheoryData<string> Kinds() => ["lru", "lfu"];

    private static EvictingCache Create(string kind, int capacity, CachePolicy policy, long ttlNs = EvictingCache.NoExpiryNs) =>
        kind == "lru" ? new LruCache(capacity, policy, ttlNs) : new LfuCache(capacity, policy, ttlNs);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_invalidate_on_write_with_cache_aside(string kind)
    {
        // Given
        var cache = Create(kind, 10, CachePolicy.CacheAside);
        cache.Read(7, 0);

        // When
        cache.Write(7, 1);
        cache.Write(8, 2);
        var hit = cache.Read(7, 3);

        // Then: the first write deleted a cached entry, the second found none; both went to the store.
        hit.ShouldBeFalse();
        cache.Counters.Invalidations.ShouldBe(1);
        cache.Counters.StoreWrites.ShouldBe(2);
        cache.Counters.Misses.ShouldBe(2);
        cache.Contains(8, 4).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_update_the_cache_and_the_store_on_write_through(string kind)
    {
        // Given
        var cache = Create(kind, 10, CachePolicy.WriteThrough);

        // When
        cache.Write(7, 0);
        var hit = cache.Read(7, 1);

        // Then
        hit.ShouldBeTrue();
        cache.Counters.StoreWrites.ShouldBe(1);
        cache.Counters.WriteBacks.ShouldBe(0);
        cache.FlushDirty().ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_coalesce_writes_and_write_back_on_eviction(string kind)
    {
        // Given: a write-back cache of 2 entries; key 1 written three times, key 2 read.
        var cache = Create(kind, 2, CachePolicy.WriteBack);
        cache.Write(1, 0);
        cache.Write(1, 1);
        cache.Write(1, 2);
        cache.Read(2, 3);
        cache.Read(2, 4);
        cache.Read(2, 5);
        cache.Read(2, 6);

        // When: key 3 evicts key 1 (the LRU entry, and under LFU the one with count 3 < 4).
        cache.Read(3, 7);

        // Then: one write-back for three writes, none synchronous.
        cache.Contains(1, 8).ShouldBeFalse();
        cache.Counters.Writes.ShouldBe(3);
        cache.Counters.StoreWrites.ShouldBe(0);
        cache.Counters.WriteBacks.ShouldBe(1);
        cache.Counters.Evictions.ShouldBe(1);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_flush_dirty_entries_or_lose_them_on_clear(string kind)
    {
        // Given
        var cache = Create(kind, 10, CachePolicy.WriteBack);
        cache.Write(1, 0);
        cache.Write(2, 0);
        cache.Write(3, 0);

        // When
        var flushed = cache.FlushDirty();
        cache.Write(4, 1);
        cache.Write(5, 1);
        var lost = cache.Clear();

        // Then
        flushed.ShouldBe(3);
        lost.ShouldBe(2);
        cache.Counters.WriteBacks.ShouldBe(3);
        cache.Counters.LostWrites.ShouldBe(2);
        cache.Count.ShouldBe(0);
        cache.Read(1, 2).ShouldBeFalse();
        cache.Read(1, 3).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_never_hit_a_key_read_less_often_than_its_time_to_live(string kind)
    {
        // Given: a 100 ms time to live and a key read every second, among other keys.
        var cache = Create(kind, 1_000, CachePolicy.CacheAside, ttlNs: Second / 10);

        // When
        var hits = 0;
        for (var i = 0; i < 1_000; i++)
        {
            hits += cache.Read(42, i * Second) ? 1 : 0;
            cache.Read(i % 10, (i * Second) + 1);
        }

        // Then: only the first read is a plain miss; the others find the entry expired.
        hits.ShouldBe(0);
        cache.Counters.Expirations.ShouldBe(999 + 990);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_miss_every_read_that_comes_a_time_to_live_or_more_after_the_previous(string kind)
    {
        // Given: Zipf keys at Poisson arrivals (mean 10 µs) and a 2 ms time to live, so popular keys hit and rare ones expire.
        const long ttlNs = 2_000_000;
        var cache = Create(kind, 5_000, CachePolicy.WriteBack, ttlNs);
        var sampler = new ZipfKeySampler(50_000, 0.9, seed: 21);
        var random = new Xoshiro256StarStar(22, threadSafe: false);
        var lastAccessNs = new Dictionary<long, long>();
        long nowNs = 0;
        long violations = 0;
        long shortGapHits = 0;

        // When
        for (var i = 0; i < 500_000; i++)
        {
            nowNs += (long)(-Math.Log(1 - random.NextDouble()) * 10_000);
            var key = sampler.Next();
            var hit = i % 5 == 0 ? Write(cache, key, nowNs) : cache.Read(key, nowNs);
            if (lastAccessNs.TryGetValue(key, out var lastNs) && nowNs - lastNs >= ttlNs && hit)
            {
                violations++;
            }

            shortGapHits += hit ? 1 : 0;
            lastAccessNs[key] = nowNs;
        }

        // Then: an entry is at least as old as its key's last access, so a gap of a time to live means it expired.
        violations.ShouldBe(0);
        shortGapHits.ShouldBeGreaterThan(50_000);
        cache.Counters.Expirations.ShouldBeGreaterThan(1_000);
        cache.Counters.WriteBacks.ShouldBeGreaterThan(0);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_write_back_a_dirty_entry_found_expired(string kind)
    {
        // Given
        var cache = Create(kind, 10, CachePolicy.WriteBack, ttlNs: Second);
        cache.Write(1, 0);

        // When
        var hit = cache.Read(1, 2 * Second);

        // Then
        hit.ShouldBeFalse();
        cache.Counters.Expirations.ShouldBe(1);
        cache.Counters.WriteBacks.ShouldBe(1);
        cache.Read(1, 2 * Second).ShouldBeTrue();
    }

    [Fact]
    public void Should_use_a_time_to_live_given_per_entry()
    {
        // Given: no default expiry, one entry with 1 s.
        var cache = new LruCache(10);
        cache.Read(1, 0, ttlNs: Second);
        cache.Read(2, 0);

        // When / Then
        cache.Read(1, Second - 1).ShouldBeTrue();
        cache.Read(1, Second).ShouldBeFalse();
        cache.Read(2, long.MaxValue - 1).ShouldBeTrue();
    }

    [Fact]
    public void Should_keep_entries_but_zero_the_counters_on_reset()
    {
        // Given
        var cache = new LfuCache(10);
        cache.Read(1, 0);
        cache.Read(1, 1);

        // When
        cache.ResetCounters();

        // Then
        cache.Counters.ShouldBe(default);
        cache.Counters.HitRatio.ShouldBe(0);
        cache.Read(1, 2).ShouldBeTrue();
        cache.Counters.HitRatio.ShouldBe(1);
    }

    /// <summary>A write reported as a hit when the key was cached and unexpired before it.</summary>
    private static bool Write(EvictingCache cache, long key, long nowNs)
    {
        var wasCached = cache.Contains(key, nowNs);
        cache.Write(key, nowNs);
        return wasCached;
    }
}
