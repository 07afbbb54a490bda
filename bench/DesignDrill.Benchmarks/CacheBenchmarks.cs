using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Speed of the simulator's cache behaviours: 10M Zipf(0.9) accesses over 1M keys through a 100K-entry cache (10% of the
/// keyspace), already warm, so every access is a steady-state hit or miss-with-eviction. The keys are drawn once in the
/// setup for the cache-only benchmarks; <see cref="ZipfSampling"/> measures the draws alone and
/// <see cref="LruWithSampling"/> both together, as the simulator runs them. Each figure is per access.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CacheBenchmarks
{
    private const int Accesses = 10_000_000;
    private const long KeyCount = 1_000_000;
    private const int Capacity = 100_000;
    private const double Exponent = 0.9;

    private long[] _keys = [];
    private LruCache _lru = new(0);
    private LfuCache _lfu = new(0);
    private ZipfKeySampler _sampler = new(1, 0, seed: 1);
    private long _nowNs;

    /// <summary>Draws the keys and warms both caches with one pass over them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sampler = new ZipfKeySampler(KeyCount, Exponent, seed: 1);
        _keys = new long[Accesses];
        for (var i = 0; i < _keys.Length; i++)
        {
            _keys[i] = _sampler.Next();
        }

        _lru = new LruCache(Capacity);
        _lfu = new LfuCache(Capacity);
        foreach (var key in _keys)
        {
            _lru.Read(key, 0);
            _lfu.Read(key, 0);
        }
    }

    /// <summary>10M reads of pre-drawn keys through <see cref="LruCache"/>.</summary>
    /// <returns>The hits, so the work is not optimised away.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Accesses)]
    public long LruReads()
    {
        long hits = 0;
        var keys = _keys;
        for (var i = 0; i < keys.Length; i++)
        {
            hits += _lru.Read(keys[i], _nowNs += 1_000) ? 1 : 0;
        }

        return hits;
    }

    /// <summary>10M reads of pre-drawn keys through <see cref="LfuCache"/>.</summary>
    /// <returns>The hits.</returns>
    [Benchmark(OperationsPerInvoke = Accesses)]
    public long LfuReads()
    {
        long hits = 0;
        var keys = _keys;
        for (var i = 0; i < keys.Length; i++)
        {
            hits += _lfu.Read(keys[i], _nowNs += 1_000) ? 1 : 0;
        }

        return hits;
    }

    /// <summary>10M draws from <see cref="ZipfKeySampler"/> alone.</summary>
    /// <returns>The sum of the ranks.</returns>
    [Benchmark(OperationsPerInvoke = Accesses)]
    public long ZipfSampling()
    {
        long sum = 0;
        for (var i = 0; i < Accesses; i++)
        {
            sum += _sampler.Next();
        }

        return sum;
    }

    /// <summary>10M accesses drawn and read through <see cref="LruCache"/>, as the simulator does them.</summary>
    /// <returns>The hits.</returns>
    [Benchmark(OperationsPerInvoke = Accesses)]
    public long LruWithSampling()
    {
        long hits = 0;
        for (var i = 0; i < Accesses; i++)
        {
            hits += _lru.Read(_sampler.Next(), _nowNs += 1_000) ? 1 : 0;
        }

        return hits;
    }
}
