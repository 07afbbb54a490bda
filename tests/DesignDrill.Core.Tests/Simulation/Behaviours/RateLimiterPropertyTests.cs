using DesignDrill.Core.Simulation.Behaviours;
using FsCheck;
using FsCheck.Fluent;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

/// <summary>Invariants over random arrival patterns, each property run with its own fixed seed.</summary>
public sealed class RateLimiterPropertyTests
{
    /// <summary>
    /// A limit of 1–20 per window of 1–10,000 ns and up to 600 arrivals whose gaps mix simultaneous requests, bursts
    /// near the limit's pace and long pauses, so patterns cross many window boundaries in every phase.
    /// </summary>
    private static readonly Arbitrary<(int Limit, int WindowNs, int[] GapsNs)> WindowCases =
        (from limit in Gen.Choose(1, 20)
         from windowNs in Gen.Choose(1, 10_000)
         from count in Gen.Choose(0, 600)
         from gaps in Gen.ArrayOf(Gen.Frequency(
             (3, Gen.Choose(0, 2)),
             (5, Gen.Choose(0, Math.Max(1, 2 * windowNs / limit))),
             (1, Gen.Choose(0, 3 * windowNs))), count)
         select (limit, windowNs, gaps)).ToArbitrary();

    /// <summary>A rate of 1e-3–1e9 per second, a burst of 1–30 and up to 400 arrivals with gaps up to 10 s.</summary>
    private static readonly Arbitrary<(double RatePerSecond, int Burst, int[] GapsMs, int[] GapsNs)> BucketCases =
        (from exponent in Gen.Choose(-3_000, 9_000)
         from burst in Gen.Choose(1, 30)
         from count in Gen.Choose(0, 400)
         from gapsMs in Gen.ArrayOf(Gen.Frequency((4, Gen.Constant(0)), (1, Gen.Choose(0, 10_000))), count)
         from gapsNs in Gen.ArrayOf(Gen.Choose(0, 1_000_000), count)
         select (Math.Round(Math.Pow(10, exponent / 1_000.0), 3), burst, gapsMs, gapsNs)).ToArbitrary();

    [Fact]
    public void Should_never_admit_more_than_the_limit_in_any_window_long_span_with_the_sliding_log()
    {
        Prop.ForAll(WindowCases, c =>
        {
            // Given
            var limiter = new SlidingWindowLogLimiter(c.Limit, c.WindowNs);

            // When
            var admitted = AdmittedTimes(limiter, ArrivalsFromGaps(0, c.GapsNs));

            // Then
            return MaxInAnySpan(admitted, c.WindowNs) <= c.Limit;
        }).Check(Seeded(20_250_501));
    }

    [Fact]
    public void Should_reject_with_the_sliding_log_only_when_the_window_already_holds_the_limit()
    {
        Prop.ForAll(WindowCases, c =>
        {
            // Given: a reference that scans every admission so far.
            var limiter = new SlidingWindowLogLimiter(c.Limit, c.WindowNs);
            var admitted = new List<long>();

            // When / Then: the log admits exactly when (t − window, t] holds fewer than the limit.
            foreach (var t in ArrivalsFromGaps(0, c.GapsNs))
            {
                var inWindow = admitted.Count(a => a > t - c.WindowNs);
                var expected = inWindow < c.Limit;
                if (limiter.TryAdmit(t) != expected)
                {
                    return false;
                }

                if (expected)
                {
                    admitted.Add(t);
                }
            }

            return limiter.CountInWindow <= c.Limit;
        }).Check(Seeded(20_250_502));
    }

    [Fact]
    public void Should_never_admit_more_than_the_limit_in_an_aligned_window_with_the_fixed_window()
    {
        Prop.ForAll(WindowCases, c =>
        {
            // Given
            var limiter = new FixedWindowLimiter(c.Limit, c.WindowNs);

            // When
            var admitted = AdmittedTimes(limiter, ArrivalsFromGaps(0, c.GapsNs));

            // Then: per aligned window at most the limit, and any span at most twice it.
            return admitted.GroupBy(t => t / c.WindowNs).All(g => g.Count() <= c.Limit) &&
                   MaxInAnySpan(admitted, c.WindowNs) <= 2 * c.Limit;
        }).Check(Seeded(20_250_503));
    }

    [Fact]
    public void Should_find_the_fixed_window_over_its_limit_on_the_same_random_arrivals()
    {
        // Given: 200 patterns drawn from the generator the sliding-log properties use, with a fixed seed.
        var cases = WindowCases.Generator.Sample(50, new Rnd(20_250_507), 200);

        // When
        var overLimit = cases.Count(c => MaxInAnySpan(
            AdmittedTimes(new FixedWindowLimiter(c.Limit, c.WindowNs), ArrivalsFromGaps(0, c.GapsNs)),
            c.WindowNs) > c.Limit);
        var logOverLimit = cases.Count(c => MaxInAnySpan(
            AdmittedTimes(new SlidingWindowLogLimiter(c.Limit, c.WindowNs), ArrivalsFromGaps(0, c.GapsNs)),
            c.WindowNs) > c.Limit);

        // Then: the patterns do provoke boundary bursts (46 of the 200), so the sliding-log property can fail.
        overLimit.ShouldBeGreaterThan(20);
        logOverLimit.ShouldBe(0);
    }

    [Fact]
    public void Should_never_admit_more_than_twice_the_limit_in_any_span_with_the_sliding_counter()
    {
        Prop.ForAll(WindowCases, c =>
        {
            // Given
            var limiter = new SlidingWindowCounterLimiter(c.Limit, c.WindowNs);

            // When
            var admitted = AdmittedTimes(limiter, ArrivalsFromGaps(0, c.GapsNs));

            // Then
            return admitted.GroupBy(t => t / c.WindowNs).All(g => g.Count() <= c.Limit) &&
                   MaxInAnySpan(admitted, c.WindowNs) <= 2 * c.Limit;
        }).Check(Seeded(20_250_504));
    }

    [Fact]
    public void Should_never_admit_more_than_burst_plus_rate_times_t_in_any_interval_with_the_token_bucket()
    {
        Prop.ForAll(BucketCases, c =>
        {
            // Given
            var limiter = new TokenBucketLimiter(c.RatePerSecond, c.Burst);
            var arrivals = ArrivalsFromGaps(0, c.GapsMs.Zip(c.GapsNs, (ms, ns) => (int)Math.Min(int.MaxValue,
                ((long)ms * 1_000_000) + ns)));

            // When
            var admitted = AdmittedTimes(limiter, arrivals);

            // Then: for every pair of admissions i ≤ j, j − i + 1 ≤ burst + rate × (t_j − t_i), with exact decimals.
            for (var j = 0; j < admitted.Count; j++)
            {
                for (var i = 0; i <= j; i++)
                {
                    var allowed = c.Burst + ((decimal)c.RatePerSecond * (admitted[j] - admitted[i]) / NsPerSecond);
                    if (j - i + 1 > allowed)
                    {
                        return false;
                    }
                }
            }

            return true;
        }).Check(Seeded(20_250_505));
    }

    [Fact]
    public void Should_take_the_same_decisions_with_a_leaky_meter_and_a_token_bucket_of_the_same_size()
    {
        Prop.ForAll(BucketCases, c =>
        {
            // Given: GCRA's equivalence — a meter starting empty mirrors a bucket starting full.
            var leaky = new LeakyBucketLimiter(c.RatePerSecond, c.Burst);
            var token = new TokenBucketLimiter(c.RatePerSecond, c.Burst);
            var arrivals = ArrivalsFromGaps(0, c.GapsNs);

            // When / Then
            return arrivals.All(t => leaky.TryAdmit(t) == token.TryAdmit(t)) &&
                   leaky.AdmittedCount == token.AdmittedCount &&
                   leaky.AdmittedCount + leaky.RejectedCount == arrivals.Count;
        }).Check(Seeded(20_250_506));
    }
}
