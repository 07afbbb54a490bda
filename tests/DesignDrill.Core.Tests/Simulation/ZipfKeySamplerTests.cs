using DesignDrill.Core.Simulation.Workloads;
using MathNet.Numerics.Distributions;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class ZipfKeySamplerTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    [InlineData(0.99)]
    [InlineData(1.0)]
    [InlineData(1.01)]
    [InlineData(1.5)]
    [InlineData(3.0)]
    public void Should_draw_the_top_ranks_with_the_zipf_frequencies(double s)
    {
        // Given: 1,000 keys, the 30 top ranks counted one by one and the rest pooled.
        const int keys = 1_000;
        const int draws = 1_000_000;
        const int topRanks = 30;
        var sampler = new ZipfKeySampler(keys, s, seed: 42);
        var counts = new long[topRanks + 1];
        long lowest = long.MaxValue;
        long highest = long.MinValue;

        // When
        for (var i = 0; i < draws; i++)
        {
            var rank = sampler.Next();
            lowest = Math.Min(lowest, rank);
            highest = Math.Max(highest, rank);
            counts[Math.Min(rank, topRanks)]++;
        }

        lowest.ShouldBe(0);
        highest.ShouldBeLessThan(keys);

        // Then: Pearson's chi-square over 31 cells stays under its 99.9% quantile (fixed seed, so this cannot flake).
        var chiSquare = 0.0;
        var rest = 1.0;
        for (var rank = 0; rank < topRanks; rank++)
        {
            var expected = draws * sampler.Probability(rank);
            rest -= sampler.Probability(rank);
            chiSquare += (counts[rank] - expected) * (counts[rank] - expected) / expected;
        }

        var expectedRest = draws * rest;
        chiSquare += (counts[topRanks] - expectedRest) * (counts[topRanks] - expectedRest) / expectedRest;
        chiSquare.ShouldBeLessThan(ChiSquared.InvCDF(topRanks, 0.999));
    }

    [Fact]
    public void Should_be_uniform_when_the_exponent_is_zero()
    {
        // Given
        const int keys = 50;
        const int draws = 500_000;
        var sampler = new ZipfKeySampler(keys, 0, seed: 3);
        var counts = new long[keys];

        // When
        for (var i = 0; i < draws; i++)
        {
            counts[sampler.Next()]++;
        }

        // Then: every key within 4.5 standard errors of draws / keys, and the chi-square under its 99.9% quantile.
        const double expected = (double)draws / keys;
        var standardError = Math.Sqrt(expected * (1 - (1.0 / keys)));
        counts.ShouldAllBe(c => Math.Abs(c - expected) < 4.5 * standardError);
        counts.Sum(c => (c - expected) * (c - expected) / expected).ShouldBeLessThan(ChiSquared.InvCDF(keys - 1, 0.999));
        sampler.Probability(17).ShouldBe(1.0 / keys, 1e-15);
    }

    [Fact]
    public void Should_sample_a_hundred_million_keys_without_allocating_per_key()
    {
        // Given
        const long keys = 100_000_000;
        const int draws = 1_000_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sampler = new ZipfKeySampler(keys, 0.9, seed: 7);
        long top = 0;
        long beyondTenMillion = 0;
        long lowest = long.MaxValue;
        long highest = long.MinValue;

        // When
        for (var i = 0; i < draws; i++)
        {
            var rank = sampler.Next();
            lowest = Math.Min(lowest, rank);
            highest = Math.Max(highest, rank);
            top += rank == 0 ? 1 : 0;
            beyondTenMillion += rank >= 10_000_000 ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then: a few hundred bytes for the sampler and its generator, nothing per key or per draw.
        allocated.ShouldBeLessThan(65_536); // a million draws: one allocation each would be tens of megabytes
        lowest.ShouldBe(0);
        highest.ShouldBeLessThan(keys);
        var p0 = sampler.Probability(0);
        Math.Abs(top - (draws * p0)).ShouldBeLessThan(4 * Math.Sqrt(draws * p0 * (1 - p0)));
        var tail = 1 - (ZipfKeySampler.GeneralizedHarmonic(10_000_000, 0.9) / ZipfKeySampler.GeneralizedHarmonic(keys, 0.9));
        Math.Abs(beyondTenMillion - (draws * tail)).ShouldBeLessThan(4 * Math.Sqrt(draws * tail * (1 - tail)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Should_give_the_same_probabilities_as_MathNet_Zipf(double s)
    {
        // Given
        const int keys = 2_000;
        var sampler = new ZipfKeySampler(keys, s, seed: 1);

        // When / Then: MathNet ranks from 1.
        foreach (var rank in new[] { 0, 1, 9, 99, 1_999 })
        {
            sampler.Probability(rank).ShouldBe(Zipf.PMF(s, keys, rank + 1), 1e-12 * Zipf.PMF(s, keys, rank + 1));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(1.0)]
    [InlineData(1.3)]
    public void Should_compute_large_harmonic_numbers_like_the_direct_sum(double s)
    {
        // Given
        const int n = 3_000_000;
        var direct = 0.0;
        for (var k = n; k >= 1; k--)
        {
            direct += Math.Pow(k, -s);
        }

        // When
        var harmonic = ZipfKeySampler.GeneralizedHarmonic(n, s);

        // Then
        harmonic.ShouldBe(direct, 1e-11 * direct);
    }

    [Fact]
    public void Should_repeat_the_same_ranks_for_the_same_seed()
    {
        // Given
        var first = new ZipfKeySampler(1_000_000, 1.1, seed: 99);
        var second = new ZipfKeySampler(1_000_000, 1.1, seed: 99);
        var other = new ZipfKeySampler(1_000_000, 1.1, seed: 100);

        // When
        var a = Enumerable.Range(0, 1_000).Select(_ => first.Next()).ToArray();
        var b = Enumerable.Range(0, 1_000).Select(_ => second.Next()).ToArray();
        var c = Enumerable.Range(0, 1_000).Select(_ => other.Next()).ToArray();

        // Then
        b.ShouldBe(a);
        c.ShouldNotBe(a);
    }

    [Fact]
    public void Should_always_draw_the_only_key_of_a_one_key_space()
    {
        // Given
        var sampler = new ZipfKeySampler(1, 1.0, seed: 5);

        // When / Then
        Enumerable.Range(0, 1_000).Select(_ => sampler.Next()).ShouldAllBe(rank => rank == 0);
        sampler.Probability(0).ShouldBe(1.0);
    }

    [Theory]
    [InlineData(0L, 1.0)]
    [InlineData(-5L, 1.0)]
    [InlineData(10L, -0.1)]
    [InlineData(10L, double.NaN)]
    [InlineData(10L, double.PositiveInfinity)]
    public void Should_reject_an_empty_keyspace_or_an_invalid_exponent(long keys, double s)
    {
        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new ZipfKeySampler(keys, s, seed: 1));
    }
}
