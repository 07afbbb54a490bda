using System.Globalization;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Workloads;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation;

/// <summary>
/// Issue 5's cache criterion: the LRU hit ratio that emerges from a simulated Zipf keyspace agrees with Che's
/// approximation within 2 percentage points; LFU approaches the ideal top-C hit ratio under a stationary workload.
/// </summary>
public sealed class CacheAcceptanceTests(ITestOutputHelper output)
{
    private const long KeyCount = 100_000;
    private const int MeasuredRequests = 2_000_000;
    private const int Batches = 20;

    public static TheoryData<double, double> LruCases()
    {
        var cases = new TheoryData<double, double>();
        foreach (var s in new[] { 0.6, 0.8, 1.0, 1.2 })
        {
            foreach (var fraction in new[] { 0.01, 0.05, 0.20 })
            {
                cases.Add(s, fraction);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(LruCases))]
    public void Should_match_Che_approximation_within_two_points_for_LRU(double s, double capacityFraction)
    {
        // Given
        var capacity = (int)(KeyCount * capacityFraction);
        var che = CheApproximation.ForZipf(KeyCount, s, capacity);
        var cache = new LruCache(capacity);
        var warmUp = WarmUpRequests(che.CharacteristicTimeRequests, capacity);

        // When
        var (hitRatio, halfWidth) = Run(cache, s, warmUp, seed: 5);

        // Then
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LRU N={KeyCount} s={s} C={capacity}: simulated {hitRatio:P2} ± {halfWidth:P2} (95% CI, {Batches} batch means), Che {che.HitRatio:P2}, difference {(hitRatio - che.HitRatio) * 100:+0.00;-0.00} points, T = {che.CharacteristicTimeRequests:N0} requests, warm-up {warmUp:N0}"));
        Math.Abs(hitRatio - che.HitRatio).ShouldBeLessThan(0.02);
    }

    /// <remarks>
    /// In-cache LFU (Shah et al.) keeps counts only while an entry is cached, so the set of entries that gathered high
    /// counts early stays and newcomers, starting at 1, are the next victims: it closes most, not all, of the gap to the
    /// ideal (Breslau et al., INFOCOM 1999, call the ideal one Perfect-LFU). Measured gaps are 1–5 points here.
    /// </remarks>
    [Theory]
    [InlineData(0.8, 0.01)]
    [InlineData(0.8, 0.05)]
    [InlineData(1.0, 0.01)]
    [InlineData(1.0, 0.05)]
    [InlineData(1.2, 0.01)]
    public void Should_approach_the_ideal_top_C_hit_ratio_and_beat_LRU_with_LFU(double s, double capacityFraction)
    {
        // Given
        var capacity = (int)(KeyCount * capacityFraction);
        var sampler = new ZipfKeySampler(KeyCount, s, seed: 1);
        var ideal = 0.0;
        for (var rank = 0; rank < capacity; rank++)
        {
            ideal += sampler.Probability(rank);
        }

        var lru = CheApproximation.ForZipf(KeyCount, s, capacity).HitRatio;

        // When
        var (lfu, halfWidth) = Run(new LfuCache(capacity), s, warmUp: 2_000_000, seed: 9);

        // Then
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"LFU N={KeyCount} s={s} C={capacity}: simulated {lfu:P2} ± {halfWidth:P2}, ideal top-C {ideal:P2}, LRU (Che) {lru:P2}"));
        lfu.ShouldBeGreaterThan(lru + 0.02);
        lfu.ShouldBeLessThanOrEqualTo(ideal + (3 * halfWidth));
        (ideal - lfu).ShouldBeLessThan(0.05);
        ((lfu - lru) / (ideal - lru)).ShouldBeGreaterThan(0.6, "LFU should close most of the gap between LRU and the ideal top-C cache");
    }

    /// <summary>Five characteristic times, at least twice the capacity and 200K requests (rule of thumb: the LRU state mixes within a few T).</summary>
    private static int WarmUpRequests(double characteristicTimeRequests, int capacity) =>
        (int)Math.Max(200_000, Math.Max(2.0 * capacity, 5 * characteristicTimeRequests));

    /// <summary>Runs the warm-up, resets the counters, then measures in batches; returns the hit ratio and the 95% CI half-width of the batch means.</summary>
    private static (double HitRatio, double HalfWidth) Run(EvictingCache cache, double s, int warmUp, int seed)
    {
        var sampler = new ZipfKeySampler(KeyCount, s, seed);
        long nowNs = 0;
        for (var i = 0; i < warmUp; i++)
        {
            cache.Read(sampler.Next(), nowNs += 1_000);
        }

        cache.ResetCounters();
        var perBatch = MeasuredRequests / Batches;
        var means = new double[Batches];
        for (var b = 0; b < Batches; b++)
        {
            var before = cache.Counters.Hits;
            for (var i = 0; i < perBatch; i++)
            {
                cache.Read(sampler.Next(), nowNs += 1_000);
            }

            means[b] = (double)(cache.Counters.Hits - before) / perBatch;
        }

        var mean = means.Average();
        var variance = means.Sum(m => (m - mean) * (m - mean)) / (Batches - 1);
        var halfWidth = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, Batches - 1, 0.975) * Math.Sqrt(variance / Batches);
        return (cache.Counters.HitRatio, halfWidth);
    }
}
