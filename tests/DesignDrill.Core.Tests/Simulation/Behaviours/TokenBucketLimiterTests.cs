using DesignDrill.Core.Simulation.Behaviours;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class TokenBucketLimiterTests
{
    /// <summary>
    /// (rate per second, burst, interval, offered step, expected = burst + ⌊rate × t⌋). The step is at most
    /// (burst − 1) / rate, so after the first request the bucket never fills and no refill is lost to the cap.
    /// </summary>
    public static TheoryData<double, long, long, long, long> Overloads => new()
    {
        // The figure: a request every microsecond for 10 s at 100/s with burst 20.
        { 100, 20, 10 * NsPerSecond, NsPerMicrosecond, 1_020 },
        // rate × t = 23.1: the fraction of a token is not admitted.
        { 3.3, 5, 7 * NsPerSecond, NsPerMicrosecond, 28 },
        // rate × t = 7 with a rate below one per second, offered every millisecond.
        { 0.7, 2, 10 * NsPerSecond, NsPerMillisecond, 9 },
        // rate × t = 3,703.7034.
        { 1_234.5678, 50, 3 * NsPerSecond, NsPerMicrosecond, 3_753 },
        // rate × t = 375,000.75 at a quarter of a million per second, offered every 100 ns.
        { 250_000.5, 3, 1_500 * NsPerMillisecond, 100, 375_003 },
        // Ten days at 0.123456789/s: rate × t = 106,666.665696; no drift over 8.6 million calls.
        { 0.123456789, 4, 864_000 * NsPerSecond, 100 * NsPerMillisecond, 106_670 },
    };

    [Theory]
    [MemberData(nameof(Overloads))]
    public void Should_admit_exactly_burst_plus_rate_times_t_under_overload(
        double ratePerSecond, long burst, long intervalNs, long stepNs, long expected)
    {
        // Given
        var limiter = new TokenBucketLimiter(ratePerSecond, burst);

        // When
        var admitted = CountAdmittedEvery(limiter, 0, intervalNs, stepNs);

        // Then
        var formula = burst + (long)decimal.Floor((decimal)ratePerSecond * intervalNs / NsPerSecond);
        formula.ShouldBe(expected);
        admitted.ShouldBe(expected);
        limiter.AdmittedCount.ShouldBe(expected);
        (limiter.AdmittedCount + limiter.RejectedCount).ShouldBe((intervalNs / stepNs) + 1);
    }

    [Fact]
    public void Should_admit_the_whole_burst_at_one_instant_and_no_more()
    {
        // Given
        var limiter = new TokenBucketLimiter(ratePerSecond: 10, burst: 20);

        // When
        var admitted = Enumerable.Range(0, 25).Count(_ => limiter.TryAdmit(5 * NsPerSecond));

        // Then
        admitted.ShouldBe(20);
        limiter.Tokens.ShouldBe(0);
    }

    [Fact]
    public void Should_refill_one_token_after_exactly_one_over_rate()
    {
        // Given: 3 tokens per second (one every 333,333,333.33 ns), a bucket of 2 drained at 0.
        var limiter = new TokenBucketLimiter(ratePerSecond: 3, burst: 2);
        Enumerable.Range(0, 3).Count(_ => limiter.TryAdmit(0)).ShouldBe(2);

        // When / Then: a token is whole only once 1/3 s has passed, and the fractions carry over exactly.
        limiter.TryAdmit(333_333_333).ShouldBeFalse();
        limiter.TryAdmit(333_333_334).ShouldBeTrue();
        limiter.TryAdmit(666_666_666).ShouldBeFalse();
        limiter.TryAdmit(666_666_667).ShouldBeTrue();
        limiter.TryAdmit(NsPerSecond - 1).ShouldBeFalse();
        limiter.TryAdmit(NsPerSecond).ShouldBeTrue();
        limiter.Tokens.ShouldBe(0);
    }

    [Fact]
    public void Should_lose_the_refill_beyond_the_burst_while_nobody_asks()
    {
        // Given: a bucket of one token at 3/s, drained at 0.
        var limiter = new TokenBucketLimiter(ratePerSecond: 3, burst: 1);
        limiter.TryAdmit(0).ShouldBeTrue();

        // When: the next request comes 1 ns after the token was whole; the extra nanosecond of refill is capped.
        limiter.TryAdmit(333_333_335).ShouldBeTrue();

        // Then: the following token is whole a full 333,333,334 ns later, not at 666,666,667 ns.
        limiter.TryAdmit(666_666_667).ShouldBeFalse();
        limiter.TryAdmit(666_666_668).ShouldBeFalse();
        limiter.TryAdmit(666_666_669).ShouldBeTrue();
    }

    [Fact]
    public void Should_not_store_more_than_burst_after_a_long_idle_time()
    {
        // Given: a 1/s bucket left idle for a year after being drained.
        var limiter = new TokenBucketLimiter(ratePerSecond: 1, burst: 5);
        Enumerable.Range(0, 5).Count(_ => limiter.TryAdmit(0)).ShouldBe(5);

        // When
        var yearNs = 365L * 24 * 3_600 * NsPerSecond;
        var admitted = Enumerable.Range(0, 10).Count(_ => limiter.TryAdmit(yearNs));

        // Then
        admitted.ShouldBe(5);
    }

    [Fact]
    public void Should_handle_an_absurd_rate_of_1e15_per_second_without_overflow()
    {
        // Given: a million tokens per nanosecond, and the largest possible burst.
        var small = new TokenBucketLimiter(ratePerSecond: 1e15, burst: 1);
        var huge = new TokenBucketLimiter(ratePerSecond: 1e15, burst: long.MaxValue);

        // When
        var smallAdmitted = CountAdmittedEvery(small, 0, 1_000, 1);
        long[] far = [0, long.MaxValue / 2, long.MaxValue - 1, long.MaxValue];
        var hugeAdmitted = far.Count(huge.TryAdmit);

        // Then: every nanosecond brings far more than the one token the bucket can hold.
        smallAdmitted.ShouldBe(1_001);
        hugeAdmitted.ShouldBe(4);
        small.RatePerSecond.ShouldBe(1e15);
        huge.Tokens.ShouldBe(long.MaxValue - 1.0, tolerance: 1e4);
    }

    [Fact]
    public void Should_handle_the_slowest_rate_over_the_longest_time()
    {
        // Given: one token per 31.7 years, drained at 0.
        var limiter = new TokenBucketLimiter(ratePerSecond: 1e-9, burst: 1);
        limiter.TryAdmit(0).ShouldBeTrue();

        // When / Then: 1e18 ns later the next token is whole; the end of simulated time is reachable.
        limiter.TryAdmit(999_999_999_999_999_999).ShouldBeFalse();
        limiter.TryAdmit(1_000_000_000_000_000_000).ShouldBeTrue();
        limiter.TryAdmit(long.MaxValue).ShouldBeTrue();
    }
}
