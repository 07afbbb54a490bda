using DesignDrill.Core.Simulation;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class SimRandomTests
{
    [Fact]
    public void Should_give_the_same_sequence_for_the_same_seed()
    {
        // Given
        var first = new SimRandom(7);
        var second = new SimRandom(7);
        var other = new SimRandom(8);

        // When
        var a = Enumerable.Range(0, 1_000).Select(_ => first.NextDouble()).ToList();
        var b = Enumerable.Range(0, 1_000).Select(_ => second.NextDouble()).ToList();
        var c = Enumerable.Range(0, 1_000).Select(_ => other.NextDouble()).ToList();

        // Then
        a.ShouldBe(b);
        a.ShouldNotBe(c);
        first.Seed.ShouldBe(7);
    }

    [Fact]
    public void Should_draw_uniforms_in_the_unit_interval()
    {
        // Given
        var random = new SimRandom(1);

        // When
        var values = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToList();

        // Then: in [0, 1) with mean 1/2 (standard error 0.0009).
        values.ShouldAllBe(v => v >= 0 && v < 1);
        values.Average().ShouldBe(0.5, 0.005);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(4.0)]
    [InlineData(1e6)]
    public void Should_draw_exponentials_with_mean_one_over_the_rate(double rate)
    {
        // Given
        var random = new SimRandom(2);
        const int Samples = 200_000;

        // When
        double sum = 0;
        double sumOfSquares = 0;
        for (var i = 0; i < Samples; i++)
        {
            var x = random.Exponential(rate);
            x.ShouldBeGreaterThanOrEqualTo(0);
            sum += x;
            sumOfSquares += x * x;
        }

        // Then: mean 1/rate and variance 1/rate² (standard error of the mean 0.22%; tolerance 5 standard errors).
        var mean = sum / Samples;
        mean.ShouldBe(1 / rate, 0.011 / rate);
        ((sumOfSquares / Samples) - (mean * mean)).ShouldBe(1 / (rate * rate), 0.05 / (rate * rate));
    }

    [Fact]
    public void Should_draw_an_exponential_with_a_mean_like_one_with_the_rate()
    {
        // Given
        var byRate = new SimRandom(3);
        var byMean = new SimRandom(3);

        // When / Then
        for (var i = 0; i < 1_000; i++)
        {
            byMean.ExponentialWithMean(250).ShouldBe(byRate.Exponential(1 / 250.0), 1e-9);
        }
    }

    [Fact]
    public void Should_draw_integers_below_the_bound_evenly()
    {
        // Given
        var random = new SimRandom(4);
        var counts = new int[6];

        // When
        for (var i = 0; i < 60_000; i++)
        {
            counts[random.Below(6)]++;
        }

        // Then: each face 10,000 ± 5 standard deviations (91).
        counts.ShouldAllBe(c => Math.Abs(c - 10_000) < 460);
        random.Below(1).ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => random.Below(0));
    }
}
