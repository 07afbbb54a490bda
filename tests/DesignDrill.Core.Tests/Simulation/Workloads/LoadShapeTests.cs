using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Tests.Simulation.Workloads;

public sealed class LoadShapeTests
{
    private const long Second = SimTime.NanosecondsPerSecond;
    private const long Hour = 3_600 * Second;

    [Fact]
    public void Should_give_the_same_rate_at_every_time_for_a_constant_load()
    {
        // Given
        var shape = new ConstantLoad(1_200);

        // When / Then
        shape.RatePerSecond(0).ShouldBe(1_200);
        shape.RatePerSecond(365 * 24 * Hour).ShouldBe(1_200);
        shape.ExpectedArrivals(0, 60 * Second).ShouldBe(72_000, 1e-6);
    }

    [Theory]
    [InlineData(0, 1_428.571_428_571)]
    [InlineData(6, 1_000.0)]
    [InlineData(12, 571.428_571_429)]
    [InlineData(18, 1_000.0)]
    [InlineData(24, 1_428.571_428_571)]
    public void Should_follow_the_daily_sinusoid(int hour, double expected)
    {
        // Given: mean 1,000/s, peak-to-trough 2.5 (a = 1.5 / 3.5), peak at t = 0.
        var shape = new DiurnalLoad(1_000, 2.5);

        // When
        var rate = shape.RatePerSecond(hour * Hour);

        // Then
        rate.ShouldBe(expected, 1e-6);
    }

    [Fact]
    public void Should_have_the_set_peak_to_trough_ratio_and_phase()
    {
        // Given: peak at 20:00.
        var shape = new DiurnalLoad(500, 3, peakAtNs: 20 * Hour);

        // When
        var peak = shape.RatePerSecond(20 * Hour);
        var trough = shape.RatePerSecond(8 * Hour);

        // Then
        (peak / trough).ShouldBe(3, 1e-9);
        peak.ShouldBe(shape.PeakRatePerSecond, 1e-9);
        trough.ShouldBe(shape.TroughRatePerSecond, 1e-9);
    }

    [Theory]
    [InlineData(1.0, 0L)]
    [InlineData(2.5, 0L)]
    [InlineData(3.0, 7L)]
    [InlineData(1_000.0, 13L)]
    public void Should_average_the_base_rate_over_a_day(double ratio, long peakHour)
    {
        // Given
        var shape = new DiurnalLoad(2_000, ratio, peakAtNs: peakHour * Hour);

        // When: the analytic integral, and a Riemann sum of the rate at every minute (exact for a sinusoid).
        var analytic = shape.AverageRatePerSecond(0, 24 * Hour);
        var sampled = Enumerable.Range(0, 1_440).Average(minute => shape.RatePerSecond(minute * 60 * Second));
        var laterDay = shape.AverageRatePerSecond(100 * 24 * Hour + (5 * Hour), 101 * 24 * Hour + (5 * Hour));

        // Then
        analytic.ShouldBe(2_000, 1e-6);
        sampled.ShouldBe(2_000, 1e-6);
        laterDay.ShouldBe(2_000, 1e-6);
    }

    [Theory]
    [InlineData(0, 100.0)]
    [InlineData(10, 100.0)]
    [InlineData(40, 600.0)]
    [InlineData(70, 1_100.0)]
    [InlineData(100, 1_100.0)]
    public void Should_ramp_linearly_between_its_rates(int second, double expected)
    {
        // Given: 100/s until 10 s, then up to 1,100/s at 70 s.
        var shape = new RampLoad(100, 1_100, 60 * Second, startNs: 10 * Second);

        // When / Then
        shape.RatePerSecond(second * Second).ShouldBe(expected, 1e-9);
    }

    [Fact]
    public void Should_integrate_a_ramp_exactly()
    {
        // Given
        var shape = new RampLoad(100, 1_100, 60 * Second, startNs: 10 * Second);

        // When: 10 s at 100, 60 s averaging 600, 30 s at 1,100.
        var total = shape.ExpectedArrivals(0, 100 * Second);

        // Then
        total.ShouldBe(1_000 + 36_000 + 33_000, 1e-6);
    }

    [Theory]
    [InlineData(29_999, 1.0)]
    [InlineData(30_000, 1.0)]
    [InlineData(32_500, 2.0)]
    [InlineData(35_000, 3.0)]
    [InlineData(49_999, 3.0)]
    [InlineData(50_000, 1.0)]
    public void Should_multiply_the_base_inside_the_spike_window(long millisecond, double multiplier)
    {
        // Given: 3x from 30 s for 20 s, with a 5 s ramp-up, over 400/s.
        var shape = new ConstantLoad(400).WithSpike(3, 30 * Second, 20 * Second, rampUpNs: 5 * Second);

        // When
        var rate = shape.RatePerSecond(millisecond * SimTime.NanosecondsPerMillisecond);

        // Then
        rate.ShouldBe(400 * multiplier, 1e-9);
    }

    [Fact]
    public void Should_compose_a_spike_with_a_diurnal_base_and_integrate_it()
    {
        // Given: a 2x spike for an hour at the trough (12:00) of a diurnal curve, with a 10-minute ramp.
        var diurnal = new DiurnalLoad(1_000, 2.5);
        var shape = diurnal.WithSpike(2, 12 * Hour, Hour, rampUpNs: 10 * 60 * Second);

        // When
        var spikeArrivals = shape.ExpectedArrivals(12 * Hour, 13 * Hour);
        var baseArrivals = diurnal.ExpectedArrivals(12 * Hour, 13 * Hour);
        var outside = shape.ExpectedArrivals(0, 12 * Hour);

        // Then: between 1x and 2x the base (the ramp), and untouched outside the window.
        shape.RatePerSecond(12 * Hour + (30 * 60 * Second)).ShouldBe(2 * diurnal.RatePerSecond(12 * Hour + (30 * 60 * Second)), 1e-9);
        spikeArrivals.ShouldBeGreaterThan(1.85 * baseArrivals);
        spikeArrivals.ShouldBeLessThan(2 * baseArrivals);
        outside.ShouldBe(diurnal.ExpectedArrivals(0, 12 * Hour), 1e-6);
    }

    [Fact]
    public void Should_bound_the_rate_over_every_piece()
    {
        // Given: shapes that vary, sampled every 7 s over two days.
        LoadShape[] shapes =
        [
            new DiurnalLoad(1_000, 3, peakAtNs: 5 * Hour),
            new RampLoad(5_000, 0, 10 * Hour, startNs: Hour),
            new DiurnalLoad(100, 2).WithSpike(4, 3 * Hour, 2 * Hour, rampUpNs: Hour).Scale(1.5),
        ];

        foreach (var shape in shapes)
        {
            for (var t = 0L; t < 48 * Hour; t += 7 * Second)
            {
                // When
                var bound = shape.RateBound(t, out var untilNs);

                // Then
                untilNs.ShouldBeGreaterThan(t);
                shape.RatePerSecond(t).ShouldBeLessThanOrEqualTo(bound);
                shape.RatePerSecond(Math.Min(untilNs - 1, 48 * Hour)).ShouldBeLessThanOrEqualTo(
                    shape.RateBound(Math.Min(untilNs - 1, 48 * Hour), out _));
            }
        }
    }

    [Theory]
    [InlineData(1e15)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Should_refuse_an_absurd_rate_with_a_clear_message(double rate)
    {
        // Given / When
        var error = Should.Throw<ArgumentOutOfRangeException>(() => new ConstantLoad(rate));

        // Then
        error.ParamName.ShouldBe("ratePerSecond");
        error.Message.ShouldContain("requests per second between 0 and 10^9");
    }

    [Fact]
    public void Should_refuse_a_multiplier_that_takes_the_peak_past_the_limit()
    {
        // Given
        var shape = new ConstantLoad(100_000);

        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => shape.Scale(1e10)).Message.ShouldContain("above the limit");
        Should.Throw<ArgumentOutOfRangeException>(() => shape.WithSpike(1e6, 0, Second)).ParamName.ShouldBe("factor");
        Should.Throw<ArgumentOutOfRangeException>(() => new DiurnalLoad(1e9, 3)).ParamName.ShouldBe("meanRatePerSecond");
    }
}
