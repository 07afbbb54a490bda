using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Workloads;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class EvictionTests
{
    /// <summary>A capacity of 1–6 and 0–300 reads or writes of keys 0–11 (a write when the flag is set).</summary>
    private static readonly Arbitrary<(int Capacity, (bool Write, int Key)[] Operations)> Scripts =
        (from capacity in Gen.Choose(1, 6)
         from operations in Gen.ArrayOf(Gen.Choose(0, 11).Zip(Gen.Choose(0, 9)).Select(t => (t.Item2 == 0, t.Item1)))
         select (capacity, operations)).ToArbitrary();

    [Fact]
    public void Should_evict_the_least_recently_used_entry()
    {
        // Given
        var cache = new LruCache(2);
        cache.Read(1, 0);
        cache.Read(2, 1);
        cache.Read(1, 2);

        // When
        cache.Read(3, 3);

        // Then
        cache.Contains(1, 4).ShouldBeTrue();
        cache.Contains(2, 4).ShouldBeFalse();
        cache.Contains(3, 4).ShouldBeTrue();
        cache.Counters.ShouldBe(new CacheCounters(Hits: 1, Misses: 3, Evictions: 1, Expirations: 0, Writes: 0,
            Invalidations: 0, StoreWrites: 0, WriteBacks: 0, LostWrites: 0));
    }

    [Fact]
    public void Should_evict_the_least_frequently_used_entry_and_the_oldest_among_equals()
    {
        // Given: key 1 read three times, key 2 twice, keys 3 and 4 once (3 first).
        var cache = new LfuCache(4);
        long[] reads = [1, 1, 1, 2, 2, 3, 4];
        foreach (var key in reads)
        {
            cache.Read(key, 0);
        }

        // When
        cache.Read(5, 1);
        cache.Read(5, 2);
        cache.Read(6, 3);

        // Then: 5 displaced 3 (count 1, older than 4), then 6 displaced 4.
        cache.Contains(3, 4).ShouldBeFalse();
        cache.Contains(4, 4).ShouldBeFalse();
        cache.AccessCount(1).ShouldBe(3);
        cache.AccessCount(2).ShouldBe(2);
        cache.AccessCount(5).ShouldBe(2);
        cache.AccessCount(6).ShouldBe(1);
        cache.Counters.Evictions.ShouldBe(2);
    }

    [Fact]
    public void Should_behave_like_a_list_based_LRU()
    {
        Prop.ForAll(Scripts, script =>
        {
            // Given
            var cache = new LruCache(script.Capacity, CachePolicy.WriteThrough);
            var model = new List<long>();

            // When / Then: the same hits, and the same keys held after every step.
            foreach (var (write, key) in script.Operations)
            {
                var position = model.IndexOf(key);
                if (!write && cache.Read(key, 0) != position >= 0)
                {
                    return false;
                }

                if (write)
                {
                    cache.Write(key, 0);
                }

                if (position >= 0)
                {
                    model.RemoveAt(position);
                }
                else if (model.Count == script.Capacity)
                {
                    model.RemoveAt(model.Count - 1);
                }

                model.Insert(0, key);
                if (cache.Count != model.Count || !model.All(k => cache.Contains(k, 0)))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_behave_like_a_counting_LFU()
    {
        Prop.ForAll(Scripts, script =>
        {
            // Given: the model keeps (key, count, arrival at that count) and evicts the lowest count, then the earliest arrival.
            var cache = new LfuCache(script.Capacity, CachePolicy.WriteBack);
            var model = new Dictionary<long, (long Count, long Arrival)>();
            long clock = 0;

            // When / Then
            foreach (var (write, key) in script.Operations)
            {
                clock++;
                var held = model.TryGetValue(key, out var entry);
                if (!write && cache.Read(key, 0) != held)
                {
                    return false;
                }

                if (write)
                {
                    cache.Write(key, 0);
                }

                if (held)
                {
                    model[key] = (entry.Count + 1, clock);
                }
                else
                {
                    if (model.Count == script.Capacity)
                    {
                        var victim = model.OrderBy(e => e.Value.Count).ThenBy(e => e.Value.Arrival).First().Key;
                        model.Remove(victim);
                    }

                    model[key] = (1, clock);
                }

                if (cache.Count != model.Count || model.Any(e => cache.AccessCount(e.Key) != e.Value.Count))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_cache_nothing_with_zero_capacity()
    {
        // Given
        var lru = new LruCache(0, CachePolicy.WriteBack);
        var lfu = new LfuCache(0, CachePolicy.WriteThrough);

        // When
        for (var i = 0; i < 10; i++)
        {
            lru.Read(1, i);
            lru.Write(1, i);
            lfu.Read(1, i);
            lfu.Write(1, i);
        }

        // Then
        lru.Counters.Hits.ShouldBe(0);
        lru.Counters.WriteBacks.ShouldBe(10);
        lfu.Counters.Hits.ShouldBe(0);
        lfu.Counters.StoreWrites.ShouldBe(10);
        lru.Count.ShouldBe(0);
    }

    [Fact]
    public void Should_not_allocate_per_access_once_full()
    {
        // Given: caches filled past capacity, and the keys drawn in advance.
        var keys = new long[1_000_000];
        var sampler = new ZipfKeySampler(200_000, 0.9, seed: 11);
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = sampler.Next();
        }

        var lru = new LruCache(20_000, CachePolicy.WriteBack, defaultTtlNs: 50_000_000);
        var lfu = new LfuCache(20_000, CachePolicy.WriteBack, defaultTtlNs: 50_000_000);
        foreach (var key in keys)
        {
            lru.Read(key, 0);
            lfu.Read(key, 0);
        }

        // When: reads, writes, evictions and expiries.
        var before = GC.GetAllocatedBytesForCurrentThread();
        long nowNs = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            nowNs += 100;
            if (i % 10 == 0)
            {
                lru.Write(keys[i], nowNs);
                lfu.Write(keys[i], nowNs);
            }
            else
            {
                lru.Read(keys[i], nowNs);
                lfu.Read(keys[i], nowNs);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        // Nothing per operation: a stray one-off runtime allocation (tiered JIT, on-stack replacement) stays far below a byte an operation.
        allocated.ShouldBeLessThan(65_536); // a million operations: one allocation each would be tens of megabytes
        lru.Counters.Evictions.ShouldBeGreaterThan(0);
        lru.Counters.Expirations.ShouldBeGreaterThan(0);
        lfu.Counters.Evictions.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Should_reject_a_capacity_or_time_to_live_out_of_range()
    {
        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new LruCache(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => new LfuCache(EvictingCache.MaxCapacity + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new LruCache(10, CachePolicy.CacheAside, defaultTtlNs: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new LruCache(10, (CachePolicy)7));
        Should.Throw<ArgumentOutOfRangeException>(() => new LruCache(10).Read(1, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => new LfuCache(10).Write(1, 0, ttlNs: -5));
    }
}
