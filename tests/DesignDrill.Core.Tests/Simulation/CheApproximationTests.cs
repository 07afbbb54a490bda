using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class CheApproximationTests
{
    [Theory]
    [InlineData(0.6, 0.001)]
    [InlineData(0.9, 0.01)]
    [InlineData(1.0, 0.05)]
    [InlineData(1.2, 0.2)]
    public void Should_integrate_the_tail_of_a_large_keyspace_as_accurately_as_the_exact_sum(double s, double capacityFraction)
    {
        // Given: 3M keys, past the 2^20 ranks summed exactly.
        const int keys = 3_000_000;
        var capacity = (long)(keys * capacityFraction);
        var normaliser = ZipfKeySampler.GeneralizedHarmonic(keys, s);
        var probabilities = new double[keys];
        for (var k = 0; k < keys; k++)
        {
            probabilities[k] = Math.Pow(k + 1, -s) / normaliser;
        }

        // When
        var integrated = CheApproximation.ForZipf(keys, s, capacity);
        var exact = CheApproximation.ForProbabilities(probabilities, capacity);

        // Then
        integrated.HitRatio.ShouldBe(exact.HitRatio, 1e-9);
        integrated.CharacteristicTimeRequests.ShouldBe(exact.CharacteristicTimeRequests, 1e-7 * exact.CharacteristicTimeRequests);
    }

    [Theory]
    [InlineData(1_000, 10)]
    [InlineData(100_000, 25_000)]
    [InlineData(50_000_000, 1_000_000)]
    public void Should_give_the_capacity_fraction_for_a_uniform_keyspace(long keys, long capacity)
    {
        // Given / When
        var estimate = CheApproximation.ForZipf(keys, 0, capacity);

        // Then: with equal probabilities N (1 − e^{−T/N}) = C, so the hit ratio is exactly C / N.
        estimate.HitRatio.ShouldBe((double)capacity / keys, 1e-8);
    }

    [Fact]
    public void Should_rise_with_capacity_and_skew()
    {
        // Given
        long[] capacities = [1, 10, 100, 1_000, 10_000, 99_999];
        double[] exponents = [0.5, 0.8, 1.0, 1.2];

        // When
        var table = exponents.Select(s => capacities.Select(c => CheApproximation.ForZipf(100_000, s, c).HitRatio).ToArray()).ToArray();

        // Then
        foreach (var row in table)
        {
            row.Zip(row.Skip(1)).ShouldAllBe(pair => pair.Second > pair.First);
        }

        for (var i = 1; i < table.Length; i++)
        {
            table[i].Zip(table[i - 1]).ShouldAllBe(pair => pair.First > pair.Second);
        }
    }

    [Fact]
    public void Should_handle_an_empty_or_a_complete_cache()
    {
        // Given / When / Then
        CheApproximation.ForZipf(1_000, 1.0, 0).HitRatio.ShouldBe(0);
        CheApproximation.ForZipf(1_000, 1.0, 1_000).HitRatio.ShouldBe(1);
        CheApproximation.ForZipf(1_000, 1.0, 5_000).CharacteristicTimeRequests.ShouldBe(double.PositiveInfinity);
        Should.Throw<ArgumentOutOfRangeException>(() => CheApproximation.ForZipf(1_000, 1.0, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => CheApproximation.ForZipf(0, 1.0, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => CheApproximation.ForZipf(10, double.NaN, 1));
    }

    [Fact]
    public void Should_solve_a_two_key_cache_of_one_entry_in_closed_form()
    {
        // Given: p = (0.75, 0.25), C = 1; the occupancy equation 2 − e^{−0.75T} − e^{−0.25T} = 1 becomes the cubic
        // x³ + x − 1 = 0 in x = e^{−0.25T}.
        var x = 0.6823278038280193;
        var time = -4 * Math.Log(x);

        // When
        var estimate = CheApproximation.ForProbabilities([0.75, 0.25], 1);

        // Then
        estimate.CharacteristicTimeRequests.ShouldBe(time, 1e-8);
        estimate.HitRatio.ShouldBe((0.75 * (1 - Math.Pow(x, 3))) + (0.25 * (1 - x)), 1e-9);
    }
}
