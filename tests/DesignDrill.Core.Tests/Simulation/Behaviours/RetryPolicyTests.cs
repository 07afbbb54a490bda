using System.Numerics;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class RetryPolicyTests
{
    private const long Ms = NsPerMillisecond;

    /// <summary>
    /// The first three delays of each jitter kind at seed 42 (exponential, 100 ms to 1 s): within [0, 100 ms],
    /// [0, 200 ms], [0, 400 ms] (full); [50, 100], [100, 200], [200, 400] ms (equal); and [100, 300], [100, 350.3],
    /// [100, 584.6] ms (decorrelated, each bounded by three times the one before).
    /// </summary>
    private static readonly long[] PinnedFull = [8_386_297, 75_796_050, 272_017_365];
    private static readonly long[] PinnedEqual = [54_193_148, 137_898_025, 336_008_682];
    private static readonly long[] PinnedDecorrelated = [116_772_594, 194_865_496, 429_546_649];

    public static TheoryData<BackoffKind, int, long> CeilingsWithoutJitter => new()
    {
        // Exponential from 100 ms, capped at 1 s: 100, 200, 400, 800, then the cap.
        { BackoffKind.Exponential, 1, 100 * Ms },
        { BackoffKind.Exponential, 2, 200 * Ms },
        { BackoffKind.Exponential, 3, 400 * Ms },
        { BackoffKind.Exponential, 4, 800 * Ms },
        { BackoffKind.Exponential, 5, 1_000 * Ms },
        { BackoffKind.Exponential, 9, 1_000 * Ms },
        { BackoffKind.Constant, 1, 100 * Ms },
        { BackoffKind.Constant, 9, 100 * Ms },
        { BackoffKind.None, 1, 0 },
        { BackoffKind.None, 9, 0 },
    };

    [Theory]
    [MemberData(nameof(CeilingsWithoutJitter))]
    public void Should_wait_exactly_the_backoff_ceiling_without_jitter(BackoffKind backoff, int attempt, long expectedNs)
    {
        // Given
        var policy = new RetryPolicy(maxAttempts: 10, backoff: backoff, jitter: JitterKind.None,
            baseDelayNs: 100 * Ms, maxDelayNs: 1_000 * Ms);

        // When
        var delay = policy.NextDelayNs(attempt, 0, new SimRandom(1));

        // Then
        delay.ShouldBe(expectedNs);
        policy.BackoffCeilingNs(attempt).ShouldBe(expectedNs);
    }

    [Fact]
    public void Should_draw_the_documented_delays_for_each_jitter_with_a_fixed_seed()
    {
        // Given: exponential from 100 ms to 1 s, seed 42; the reference draws the same uniforms and applies Brooker's
        // formulas in exact big-integer arithmetic.
        foreach (var jitter in new[] { JitterKind.Full, JitterKind.Equal, JitterKind.Decorrelated })
        {
            var policy = new RetryPolicy(maxAttempts: 8, jitter: jitter, baseDelayNs: 100 * Ms, maxDelayNs: 1_000 * Ms);
            var random = new SimRandom(42);
            var reference = new SimRandom(42);
            long previous = 0;
            var delays = new List<long>();

            // When
            for (var attempt = 1; attempt < 8; attempt++)
            {
                var delay = policy.NextDelayNs(attempt, previous, random)!.Value;
                var ceiling = Math.Min(1_000 * Ms, (100 * Ms) << (attempt - 1));
                var expected = jitter switch
                {
                    JitterKind.Full => Uniform(reference, 0, ceiling),
                    JitterKind.Equal => ceiling - (ceiling / 2) + Uniform(reference, 0, ceiling / 2),
                    _ => Math.Min(1_000 * Ms, Uniform(reference, 100 * Ms, 3 * Math.Max(previous, 100 * Ms))),
                };

                // Then
                delay.ShouldBe(expected, $"{jitter}, attempt {attempt}");
                delays.Add(delay);
                previous = delay;
            }

            // And the first three, pinned, so a change to the arithmetic shows up here.
            delays.Take(3).ToArray().ShouldBe(jitter switch
            {
                JitterKind.Full => PinnedFull,
                JitterKind.Equal => PinnedEqual,
                _ => PinnedDecorrelated,
            }, $"{jitter}");
        }
    }

    [Fact]
    public void Should_give_up_after_the_last_attempt()
    {
        // Given
        var policy = new RetryPolicy(maxAttempts: 3, backoff: BackoffKind.None);
        var random = new SimRandom(7);

        // When / Then: attempts 1 and 2 may be retried; after the third the policy gives up.
        policy.NextDelayNs(1, 0, random).ShouldBe(0);
        policy.NextDelayNs(2, 0, random).ShouldBe(0);
        policy.NextDelayNs(3, 0, random).ShouldBeNull();
        policy.NextDelayNs(1_000, 0, random).ShouldBeNull();
        RetryPolicy.NoRetries.NextDelayNs(1, 0, random).ShouldBeNull();
    }

    [Fact]
    public void Should_cap_the_exponential_ceiling_without_overflow_for_any_attempt()
    {
        // Given: a base of 1 ns and no real cap, and a base near half of long.MaxValue.
        var tiny = new RetryPolicy(maxAttempts: RetryPolicy.MaxAllowedAttempts, jitter: JitterKind.None,
            baseDelayNs: 1, maxDelayNs: long.MaxValue);
        var huge = new RetryPolicy(maxAttempts: RetryPolicy.MaxAllowedAttempts, jitter: JitterKind.None,
            baseDelayNs: long.MaxValue / 2, maxDelayNs: long.MaxValue);

        // When / Then: 2^62 is the last power of two below long.MaxValue; beyond it the cap.
        tiny.BackoffCeilingNs(63).ShouldBe(1L << 62);
        tiny.BackoffCeilingNs(64).ShouldBe(long.MaxValue);
        tiny.NextDelayNs(1_000, 0, new SimRandom(1)).ShouldBe(long.MaxValue);
        tiny.BackoffCeilingNs(int.MaxValue).ShouldBe(long.MaxValue);
        huge.BackoffCeilingNs(1).ShouldBe(long.MaxValue / 2);
        huge.BackoffCeilingNs(2).ShouldBe(long.MaxValue - 1);
        huge.BackoffCeilingNs(3).ShouldBe(long.MaxValue);
        huge.NextDelayNs(1_000, 0, new SimRandom(1)).ShouldBe(long.MaxValue);
    }

    [Theory]
    [InlineData(JitterKind.Full)]
    [InlineData(JitterKind.Equal)]
    [InlineData(JitterKind.Decorrelated)]
    public void Should_stay_within_bounds_with_huge_delays_and_attempt_one_thousand(JitterKind jitter)
    {
        // Given: delays up to long.MaxValue, so every product and the decorrelated 3 × previous must saturate.
        var policy = new RetryPolicy(maxAttempts: 2_000, jitter: jitter, baseDelayNs: long.MaxValue / 3,
            maxDelayNs: long.MaxValue);
        var random = new SimRandom(3);

        // When
        var delays = Enumerable.Range(0, 1_000)
            .Select(i => policy.NextDelayNs(1_000, i % 2 == 0 ? long.MaxValue : 0, random)!.Value)
            .ToList();

        // Then
        var low = jitter switch
        {
            JitterKind.Full => 0,
            JitterKind.Equal => (long.MaxValue / 2) + 1,
            _ => long.MaxValue / 3,
        };
        delays.ShouldAllBe(d => d >= low && d <= long.MaxValue);
        delays.Distinct().Count().ShouldBeGreaterThan(990);
    }

    [Fact]
    public void Should_average_half_the_ceiling_with_full_jitter_and_three_quarters_with_equal_jitter()
    {
        // Given: ceiling 800 ms (attempt 4 from 100 ms), 20,000 draws each.
        var full = new RetryPolicy(maxAttempts: 5, jitter: JitterKind.Full, baseDelayNs: 100 * Ms, maxDelayNs: 10_000 * Ms);
        var equal = new RetryPolicy(maxAttempts: 5, jitter: JitterKind.Equal, baseDelayNs: 100 * Ms, maxDelayNs: 10_000 * Ms);
        var random = new SimRandom(11);

        // When
        var fullMean = Enumerable.Range(0, 20_000).Average(_ => (double)full.NextDelayNs(4, 0, random)!.Value);
        var equalMean = Enumerable.Range(0, 20_000).Average(_ => (double)equal.NextDelayNs(4, 0, random)!.Value);

        // Then: the standard error of a uniform mean over 800 ms is 800 / √(12 × 20,000) ≈ 1.6 ms; allow 5 of them.
        fullMean.ShouldBe(400 * Ms, 8 * Ms);
        equalMean.ShouldBe(600 * Ms, 4 * Ms);
    }

    [Fact]
    public void Should_ignore_jitter_and_delays_when_retrying_immediately()
    {
        // Given
        var policy = new RetryPolicy(maxAttempts: 5, backoff: BackoffKind.None, jitter: JitterKind.Full);

        // When / Then
        policy.Jitter.ShouldBe(JitterKind.None);
        policy.BaseDelayNs.ShouldBe(0);
        policy.MaxDelayNs.ShouldBe(0);
        Enumerable.Range(1, 4).Select(a => policy.NextDelayNs(a, 0, new SimRandom(a))).ShouldAllBe(d => d == 0);
    }

    [Fact]
    public void Should_use_the_documented_defaults()
    {
        // Given
        var policy = RetryPolicy.Default;

        // When / Then
        policy.MaxAttempts.ShouldBe(3);
        policy.AttemptTimeoutNs.ShouldBe(10 * NsPerSecond);
        policy.Backoff.ShouldBe(BackoffKind.Exponential);
        policy.Jitter.ShouldBe(JitterKind.Full);
        policy.BaseDelayNs.ShouldBe(NsPerSecond);
        policy.MaxDelayNs.ShouldBe(20 * NsPerSecond);
        policy.RetryBudgetRatio.ShouldBeNull();
        policy.CreateRetryBudget().ShouldBeNull();
        new RetryPolicy(retryBudgetRatio: RetryBudget.SreRetryRatio).CreateRetryBudget()!.RetryRatio.ShouldBe(0.1);
    }

    [Fact]
    public void Should_refuse_absurd_settings_with_a_message_naming_the_parameter()
    {
        // Given / When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(maxAttempts: 0)).ParamName.ShouldBe("maxAttempts");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(maxAttempts: 10_001)).ParamName.ShouldBe("maxAttempts");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(attemptTimeoutNs: 0)).ParamName.ShouldBe("attemptTimeoutNs");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(baseDelayNs: 0)).ParamName.ShouldBe("baseDelayNs");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(baseDelayNs: 10, maxDelayNs: 9)).ParamName.ShouldBe("maxDelayNs");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(backoff: (BackoffKind)7)).ParamName.ShouldBe("backoff");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(jitter: (JitterKind)7)).ParamName.ShouldBe("jitter");
        Should.Throw<ArgumentException>(() => new RetryPolicy(backoff: BackoffKind.Constant, jitter: JitterKind.Decorrelated))
            .Message.ShouldContain("BackoffKind.Exponential");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(retryBudgetRatio: 0)).ParamName.ShouldBe("retryBudgetRatio");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(retryBudgetRatio: double.NaN)).ParamName.ShouldBe("retryBudgetRatio");
        Should.Throw<ArgumentOutOfRangeException>(() => new RetryPolicy(retryBudgetMaxTokens: 0)).ParamName.ShouldBe("retryBudgetMaxTokens");
        Should.Throw<ArgumentOutOfRangeException>(() => RetryPolicy.Default.NextDelayNs(0, 0, new SimRandom(1)));
        Should.Throw<ArgumentOutOfRangeException>(() => RetryPolicy.Default.NextDelayNs(1, -1, new SimRandom(1)));
        Should.Throw<ArgumentNullException>(() => RetryPolicy.Default.NextDelayNs(1, 0, null!));
    }

    /// <summary>
    /// The reference uniform whole number in [low, high]: the 53-bit integer k behind <see cref="SimRandom.NextDouble"/>
    /// scaled by the span, in <see cref="BigInteger"/>.
    /// </summary>
    internal static long Uniform(SimRandom random, long low, long high)
    {
        var k = new BigInteger(random.NextDouble() * 9_007_199_254_740_992.0);
        var span = new BigInteger(high) - low + 1;
        return (long)(low + (k * span / (BigInteger.One << 53)));
    }
}
