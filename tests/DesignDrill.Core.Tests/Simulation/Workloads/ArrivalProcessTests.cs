using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Workloads;
using MathNet.Numerics.Distributions;

namespace DesignDrill.Core.Tests.Simulation.Workloads;

public sealed class ArrivalProcessTests
{
    private const long Second = SimTime.NanosecondsPerSecond;
    private const long Hour = 3_600 * Second;

    /// <summary>Counts arrivals per interval of <paramref name="intervalNs"/> over [0, <paramref name="endNs"/>).</summary>
    private static long[] CountArrivals(ArrivalProcess process, long endNs, long intervalNs, int seed)
    {
        var counts = new long[endNs / intervalNs];
        var random = new SimRandom(seed);
        var t = 0L;
        while (true)
        {
            t = process.NextArrivalNs(t, random);
            if (t >= endNs)
            {
                return counts;
            }

            counts[t / intervalNs]++;
        }
    }

    public static TheoryData<string, LoadShape> VaryingShapes => new()
    {
        { "constant", new ConstantLoad(800) },
        { "ramp 0 to 2,000/s", new RampLoad(0, 2_000, 100 * Second, startNs: 20 * Second) },
        { "spike 5x with ramp-up", new ConstantLoad(300).WithSpike(5, 40 * Second, 30 * Second, rampUpNs: 10 * Second) },
        { "diurnal, 2-minute period", new DiurnalLoad(1_000, 3, periodNs: 120 * Second, peakAtNs: 30 * Second) },
        { "diurnal x spike x 2", new DiurnalLoad(400, 2.5, periodNs: 60 * Second).WithSpike(3, 50 * Second, 20 * Second).Scale(2) },
    };

    [Theory]
    [MemberData(nameof(VaryingShapes))]
    public void Should_give_poisson_counts_per_interval_around_the_integral_of_the_rate(string name, LoadShape shape)
    {
        // Given: 150 s cut into 1 s intervals; each count is Poisson with mean ∫λ over its interval.
        var process = new ArrivalProcess(shape);
        const int intervals = 150;

        // When
        var counts = CountArrivals(process, intervals * Second, Second, seed: 17);

        // Then: every count within 4.5 standard errors, the total within 3, and the chi-square under its 99.9% quantile.
        var chiSquare = 0.0;
        var used = 0;
        for (var i = 0; i < intervals; i++)
        {
            var expected = shape.ExpectedArrivals(i * Second, (i + 1) * Second);
            if (expected < 5)
            {
                counts[i].ShouldBeLessThan(20, name);
                continue;
            }

            var z = (counts[i] - expected) / Math.Sqrt(expected);
            Math.Abs(z).ShouldBeLessThan(4.5, $"{name}, interval {i}: {counts[i]} vs {expected:F1}");
            chiSquare += z * z;
            used++;
        }

        var total = shape.ExpectedArrivals(0, intervals * Second);
        Math.Abs(counts.Sum() - total).ShouldBeLessThan(3 * Math.Sqrt(total), name);
        chiSquare.ShouldBeLessThan(ChiSquared.InvCDF(used, 0.999), name);
    }

    [Fact]
    public void Should_give_poisson_gaps_with_the_exponential_mean_and_variance()
    {
        // Given
        var process = new ArrivalProcess(new ConstantLoad(10_000));
        var random = new SimRandom(5);
        const int arrivals = 200_000;

        // When
        var t = 0L;
        var sum = 0.0;
        var sumSquares = 0.0;
        for (var i = 0; i < arrivals; i++)
        {
            var next = process.NextArrivalNs(t, random);
            var gapSeconds = SimTime.ToSeconds(next - t);
            sum += gapSeconds;
            sumSquares += gapSeconds * gapSeconds;
            t = next;
        }

        // Then: mean 1e-4 s (standard error 1e-4/√n), coefficient of variation 1.
        var mean = sum / arrivals;
        var variance = (sumSquares / arrivals) - (mean * mean);
        Math.Abs(mean - 1e-4).ShouldBeLessThan(3 * 1e-4 / Math.Sqrt(arrivals));
        (Math.Sqrt(variance) / mean).ShouldBe(1, 0.01);
    }

    [Fact]
    public void Should_match_the_diurnal_mean_over_a_day()
    {
        // Given: a day at a mean of 10/s.
        var shape = new DiurnalLoad(10, 2.5);
        var process = new ArrivalProcess(shape);

        // When
        var counts = CountArrivals(process, 24 * Hour, Hour, seed: 99);

        // Then: 864,000 expected, standard error √864,000 ≈ 930; the peak hour busier than the trough hour.
        ((double)Math.Abs(counts.Sum() - 864_000)).ShouldBeLessThan(3 * Math.Sqrt(864_000));
        counts[0].ShouldBeGreaterThan(counts[12] * 2);
    }

    [Fact]
    public void Should_space_deterministic_arrivals_exactly_at_a_constant_rate()
    {
        // Given: 3 per second, a gap of 333,333,333⅓ ns that does not fit whole nanoseconds.
        var process = new ArrivalProcess(new ConstantLoad(3), ArrivalPattern.Deterministic);

        // When: 10,000 seconds.
        var counts = CountArrivals(process, 10_000 * Second, Second, seed: 1);

        // Then: arrivals at k/3 s; the first second holds 2 (1/3 and 2/3), every later second exactly 3 (no drift).
        counts[0].ShouldBe(2);
        counts.Skip(1).ShouldAllBe(count => count == 3);
    }

    [Fact]
    public void Should_space_deterministic_arrivals_exactly_through_a_spike()
    {
        // Given: 100/s, 5x from 10 s for 10 s.
        var shape = new ConstantLoad(100).WithSpike(5, 10 * Second, 10 * Second);
        var process = new ArrivalProcess(shape, ArrivalPattern.Deterministic);

        // When
        var counts = CountArrivals(process, 30 * Second, Second, seed: 1);

        // Then
        counts[0].ShouldBe(99);
        counts[1..10].ShouldAllBe(count => count == 100);
        counts[10..20].ShouldAllBe(count => count == 500);
        counts[20..30].ShouldAllBe(count => count == 100);
    }

    [Fact]
    public void Should_follow_a_ramp_with_deterministic_arrivals()
    {
        // Given: 0 → 1,000/s over 100 s (a rate of exactly 0 at the start).
        var shape = new RampLoad(0, 1_000, 100 * Second);
        var process = new ArrivalProcess(shape, ArrivalPattern.Deterministic);

        // When
        var counts = CountArrivals(process, 120 * Second, 10 * Second, seed: 1);

        // Then: each 10 s within 1% (or 2 arrivals) of ∫λ, and the plateau exact.
        for (var i = 0; i < counts.Length; i++)
        {
            var expected = shape.ExpectedArrivals(i * 10 * Second, (i + 1) * 10 * Second);
            Math.Abs(counts[i] - expected).ShouldBeLessThanOrEqualTo(Math.Max(2, 0.01 * expected), $"interval {i}");
        }

        counts[^1].ShouldBe(10_000);
    }

    [Theory]
    [InlineData(ArrivalPattern.Poisson)]
    [InlineData(ArrivalPattern.Deterministic)]
    public void Should_send_nothing_while_the_rate_is_zero_and_resume_after(ArrivalPattern pattern)
    {
        // Given: 200/s with a dip to 0 from 5 s for 1 hour.
        var shape = new ConstantLoad(200).WithSpike(0, 5 * Second, Hour);
        var process = new ArrivalProcess(shape, pattern);
        var random = new SimRandom(3);

        // When
        var first = process.NextArrivalNs(5 * Second, random);
        var never = new ArrivalProcess(new ConstantLoad(0), pattern).NextArrivalNs(0, random);
        var stopped = new ArrivalProcess(new ConstantLoad(10).Scale(0), pattern).NextArrivalNs(0, random);

        // Then
        first.ShouldBeGreaterThanOrEqualTo(5 * Second + Hour);
        first.ShouldBeLessThan(5 * Second + Hour + Second);
        never.ShouldBe(ArrivalProcess.NoArrival);
        stopped.ShouldBe(ArrivalProcess.NoArrival);
    }

    [Fact]
    public void Should_give_the_same_arrivals_for_the_same_seed()
    {
        // Given
        var shape = new DiurnalLoad(5_000, 2, periodNs: 10 * Second).WithSpike(2, Second, Second);

        // When
        var first = CountArrivals(new ArrivalProcess(shape), 5 * Second, Second / 100, seed: 8);
        var second = CountArrivals(new ArrivalProcess(shape), 5 * Second, Second / 100, seed: 8);

        // Then
        first.ShouldBe(second);
    }

    [Theory]
    [InlineData(ArrivalPattern.Poisson)]
    [InlineData(ArrivalPattern.Deterministic)]
    public void Should_not_allocate_per_arrival(ArrivalPattern pattern)
    {
        // Given: a composed shape, warmed up.
        var shape = new DiurnalLoad(50_000, 2.5, periodNs: 3_600 * Second).WithSpike(3, Second, Second, Second / 2).Scale(2);
        var process = new ArrivalProcess(shape, pattern);
        var random = new SimRandom(11);
        var t = process.NextArrivalNs(0, random);

        // When
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            t = process.NextArrivalNs(t, random);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        allocated.ShouldBe(0);
        t.ShouldBeGreaterThan(Second / 5);
    }

    [Fact]
    public void Should_run_at_the_highest_rate_without_hanging()
    {
        // Given: the cap, one arrival per nanosecond on average.
        var random = new SimRandom(2);
        var poisson = new ArrivalProcess(new ConstantLoad(LoadShape.MaxRatePerSecond));
        var deterministic = new ArrivalProcess(new ConstantLoad(LoadShape.MaxRatePerSecond), ArrivalPattern.Deterministic);

        // When
        var t = 0L;
        var d = 0L;
        for (var i = 0; i < 10_000; i++)
        {
            t = poisson.NextArrivalNs(t, random);
            d = deterministic.NextArrivalNs(d, random);
        }

        // Then
        d.ShouldBe(10_000);
        t.ShouldBeInRange(9_700, 10_300);
    }
}
