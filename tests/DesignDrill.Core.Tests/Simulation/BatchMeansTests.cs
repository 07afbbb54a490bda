using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class BatchMeansTests
{
    [Fact]
    public void Should_give_the_mean_and_a_t_interval_from_the_batches()
    {
        // Given: 60 observations in 30 batches of 2; batch b holds b and b + 2, so its mean is b + 1.
        var stats = new BatchMeans(batchCount: 30);
        for (var b = 0; b < 30; b++)
        {
            stats.Add(b);
            stats.Add(b + 2);
        }

        // When
        var mean = stats.Mean();

        // Then: batch means 1 … 30, mean 15.5, sd √77.5, SE √(77.5/30), t(0.975, 29) = 2.0452.
        stats.BatchSize.ShouldBe(2);
        mean.Batches.ShouldBe(30);
        mean.Observations.ShouldBe(60);
        mean.Value.ShouldBe(15.5, 1e-12);
        mean.StandardError.ShouldBe(Math.Sqrt(77.5 / 30), 1e-12);
        mean.HalfWidth95.ShouldBe(2.04523 * Math.Sqrt(77.5 / 30), 1e-4);
    }

    [Fact]
    public void Should_double_the_batch_size_and_keep_between_k_and_2k_batches()
    {
        // Given
        var stats = new BatchMeans(batchCount: 10);

        // When
        for (var i = 0; i < 1_000; i++)
        {
            stats.Add(i);
        }

        // Then: batches of 64 (1,000 / 64 = 15 full batches); the point estimate uses all 1,000.
        stats.BatchSize.ShouldBe(64);
        stats.FullBatches.ShouldBe(15);
        stats.Mean().Value.ShouldBe(499.5, 1e-9);
        stats.Mean().Batches.ShouldBe(15);
    }

    [Fact]
    public void Should_discard_the_warm_up_by_count_and_by_time()
    {
        // Given
        var byCount = new BatchMeans(warmUp: WarmUp.FirstObservations(100));
        var byTime = new BatchMeans(warmUp: WarmUp.UntilTime(SimTime.FromSeconds(10)));

        // When: 100 observations of 1,000 then 1,000 of 1, one per simulated second.
        for (var i = 0; i < 1_100; i++)
        {
            var value = i < 100 ? 1_000 : 1;
            byCount.Add(value);
            byTime.Add(i < 10 ? 1_000 : 1, SimTime.FromSeconds(i));
        }

        // Then
        byCount.Discarded.ShouldBe(100);
        byCount.Count.ShouldBe(1_000);
        byCount.Mean().Value.ShouldBe(1);
        byTime.Discarded.ShouldBe(10);
        byTime.Mean().Value.ShouldBe(1);
    }

    [Fact]
    public void Should_estimate_the_fraction_of_positive_observations()
    {
        // Given: three zeros in every four observations.
        var stats = new BatchMeans();
        for (var i = 0; i < 4_000; i++)
        {
            stats.Add(i % 4 == 0 ? 0.5 : 0);
        }

        // When
        var fraction = stats.FractionPositive();

        // Then
        fraction.Value.ShouldBe(0.25, 1e-12);
        fraction.HalfWidth95.ShouldBe(0, 1e-12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void Should_estimate_percentiles_within_the_histogram_error(double quantile)
    {
        // Given: 1,000,000 exponential observations with mean 1, whose quantile is −ln(1 − q).
        var random = new SimRandom(5);
        var stats = new BatchMeans(trackPercentiles: true);
        for (var i = 0; i < 1_000_000; i++)
        {
            stats.Add(random.Exponential(1));
        }

        // When
        var estimate = stats.Percentile(quantile);

        // Then: within 4 standard errors of the exact value, and the interval is about as wide as theory says
        // (sqrt(q(1 − q)/n) / f(x) for independent observations).
        var exact = -Math.Log(1 - quantile);
        var theoreticalError = Math.Sqrt(quantile * (1 - quantile) / 1_000_000) / (1 - quantile);
        Math.Abs(estimate.Value - exact).ShouldBeLessThan(4 * theoreticalError);
        estimate.StandardError.ShouldBe(theoreticalError, theoreticalError * 0.5);
    }

    [Fact]
    public void Should_find_percentiles_of_exact_values_to_within_the_bucket_width()
    {
        // Given: the values 1 … 10,000 (ms-like magnitudes) and 0.
        var stats = new BatchMeans(trackPercentiles: true);
        stats.Add(0);
        for (var i = 1; i <= 10_000; i++)
        {
            stats.Add(i);
        }

        // When / Then: 0.39% relative error at most (half of the 1/128 bucket width) plus interpolation.
        stats.Percentile(0.5).Value.ShouldBe(5_000, 5_000 * 0.004);
        stats.Percentile(0.99).Value.ShouldBe(9_900, 9_900 * 0.004);
        stats.Percentile(0.00001).Value.ShouldBe(0);
    }

    [Fact]
    public void Should_report_an_infinite_interval_with_fewer_than_two_batches()
    {
        // Given
        var stats = new BatchMeans(batchCount: 30);
        stats.Add(3);

        // When
        var mean = stats.Mean();

        // Then
        mean.Value.ShouldBe(3);
        double.IsPositiveInfinity(mean.HalfWidth95).ShouldBeTrue();
        double.IsNaN(new BatchMeans().Mean().Value).ShouldBeTrue();
    }

    [Fact]
    public void Should_reject_percentiles_it_does_not_keep_and_negative_values_when_it_does()
    {
        // Given
        var plain = new BatchMeans();
        var withPercentiles = new BatchMeans(trackPercentiles: true);

        // When / Then
        Should.Throw<InvalidOperationException>(() => plain.Percentile(0.5));
        Should.Throw<ArgumentOutOfRangeException>(() => withPercentiles.Add(-1));
        Should.Throw<ArgumentOutOfRangeException>(() => withPercentiles.Add(double.NaN));
        Should.Throw<ArgumentOutOfRangeException>(() => withPercentiles.Percentile(1));
        Should.Throw<ArgumentOutOfRangeException>(() => new BatchMeans(batchCount: 1));
    }
}
