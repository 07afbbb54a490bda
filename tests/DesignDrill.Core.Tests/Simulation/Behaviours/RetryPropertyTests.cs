using System.Numerics;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using FsCheck;
using FsCheck.Fluent;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

/// <summary>Bounds of every jitter kind over random settings, each property run with its own fixed seed.</summary>
public sealed class RetryPropertyTests
{
    /// <summary>
    /// A base from 1 ns to about 9.2 × 10^18 ns (log-uniform), a cap from the base to long.MaxValue, an attempt from 1
    /// to 2,000, a previous delay from 0 to long.MaxValue and a seed for the draw.
    /// </summary>
    private static readonly Arbitrary<(long BaseNs, long CapNs, int Attempt, long PreviousNs, int Seed)> Cases =
        (from baseExponent in Gen.Choose(0, 6_296)
         from capExponent in Gen.Choose(0, 6_296)
         from attempt in Gen.Frequency((3, Gen.Choose(1, 70)), (1, Gen.Choose(1, 2_000)))
         from previousExponent in Gen.Choose(-1, 6_296)
         from seed in Gen.Choose(int.MinValue, int.MaxValue)
         let baseNs = LogUniform(baseExponent)
         let capNs = Math.Max(baseNs, LogUniform(capExponent))
         select (baseNs, capNs, attempt, previousExponent < 0 ? 0 : LogUniform(previousExponent), seed)).ToArbitrary();

    [Fact]
    public void Should_draw_full_jitter_between_zero_and_the_exponential_ceiling()
    {
        Prop.ForAll(Cases, c =>
        {
            // Given
            var policy = Policy(c, JitterKind.Full);

            // When
            var delay = policy.NextDelayNs(c.Attempt, c.PreviousNs, new SimRandom(c.Seed))!.Value;

            // Then: 0 ≤ delay ≤ min(cap, base × 2^(attempt − 1)), the ceiling computed in big integers.
            return delay >= 0 && delay <= Ceiling(c) && policy.BackoffCeilingNs(c.Attempt) == Ceiling(c);
        }).Check(Seeded(20_250_601, 500));
    }

    [Fact]
    public void Should_draw_equal_jitter_between_half_the_ceiling_and_the_ceiling()
    {
        Prop.ForAll(Cases, c =>
        {
            // Given
            var policy = Policy(c, JitterKind.Equal);

            // When
            var delay = policy.NextDelayNs(c.Attempt, c.PreviousNs, new SimRandom(c.Seed))!.Value;

            // Then: ceiling / 2 ≤ delay ≤ ceiling, in exact integers.
            var ceiling = Ceiling(c);
            return 2 * new BigInteger(delay) >= ceiling && delay <= ceiling;
        }).Check(Seeded(20_250_602, 500));
    }

    [Fact]
    public void Should_draw_decorrelated_jitter_between_the_base_and_three_times_the_previous_delay()
    {
        Prop.ForAll(Cases, c =>
        {
            // Given
            var policy = Policy(c, JitterKind.Decorrelated);

            // When
            var delay = policy.NextDelayNs(c.Attempt, c.PreviousNs, new SimRandom(c.Seed))!.Value;

            // Then: base ≤ delay ≤ min(cap, 3 × max(previous, base)), in big integers (3 × previous may pass 2^63).
            var high = BigInteger.Min(c.CapNs, 3 * new BigInteger(Math.Max(c.PreviousNs, c.BaseNs)));
            return delay >= c.BaseNs && delay <= high;
        }).Check(Seeded(20_250_603, 500));
    }

    [Fact]
    public void Should_keep_a_decorrelated_sequence_within_base_and_cap_when_each_delay_feeds_the_next()
    {
        Prop.ForAll(Cases, c =>
        {
            // Given
            var policy = Policy(c, JitterKind.Decorrelated);
            var random = new SimRandom(c.Seed);

            // When: twenty retries, each fed the delay before it.
            long previous = 0;
            for (var attempt = 1; attempt <= 20; attempt++)
            {
                var delay = policy.NextDelayNs(attempt, previous, random)!.Value;

                // Then
                if (delay < c.BaseNs || delay > c.CapNs || delay > 3 * new BigInteger(Math.Max(previous, c.BaseNs)))
                {
                    return false;
                }

                previous = delay;
            }

            return true;
        }).Check(Seeded(20_250_604, 300));
    }

    [Fact]
    public void Should_grant_at_most_the_capacity_plus_ratio_times_requests_from_a_retry_budget()
    {
        var budgetCases = (from ratioMicros in Gen.Choose(1, 3_000_000)
                           from maxTokens in Gen.Choose(1, 50)
                           from ops in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (3, Gen.Constant(false))), 400)
                           select (ratioMicros, maxTokens, ops)).ToArbitrary();
        Prop.ForAll(budgetCases, c =>
        {
            // Given: a ratio that is an exact number of millionths, and a random mix of requests (true) and retries.
            var budget = new RetryBudget(c.ratioMicros / 1_000_000.0, c.maxTokens);

            // When / Then: after every operation, granted ≤ capacity + ⌊ratio × requests⌋.
            foreach (var isRequest in c.ops)
            {
                if (isRequest)
                {
                    budget.RecordRequest();
                }
                else
                {
                    budget.TryWithdrawRetry();
                }

                if (budget.RetryCount > c.maxTokens + (budget.RequestCount * c.ratioMicros / 1_000_000))
                {
                    return false;
                }
            }

            return budget.RetryCount + budget.ThrottledCount == c.ops.Count(o => !o);
        }).Check(Seeded(20_250_605, 300));
    }

    private static RetryPolicy Policy((long BaseNs, long CapNs, int Attempt, long PreviousNs, int Seed) c, JitterKind jitter) =>
        new(maxAttempts: 2_001, jitter: jitter, baseDelayNs: c.BaseNs, maxDelayNs: c.CapNs);

    /// <summary>min(cap, base × 2^(attempt − 1)) in big integers.</summary>
    private static long Ceiling((long BaseNs, long CapNs, int Attempt, long PreviousNs, int Seed) c) =>
        (long)BigInteger.Min(c.CapNs, new BigInteger(c.BaseNs) << (c.Attempt - 1));

    /// <summary>10^(exponent / 332), from 1 to about 9.2 × 10^18, below long.MaxValue.</summary>
    private static long LogUniform(int exponent) => (long)Math.Min(9.2e18, Math.Pow(10, exponent / 332.0));
}
