using DesignDrill.Core.Simulation.Behaviours;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class RateLimiterArgumentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1e-10)]
    [InlineData(1e19)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Should_reject_a_rate_outside_1e_minus_9_to_1e18_per_second(double ratePerSecond)
    {
        // Given / When
        var token = Should.Throw<ArgumentOutOfRangeException>(() => new TokenBucketLimiter(ratePerSecond, 10));
        var leaky = Should.Throw<ArgumentOutOfRangeException>(() => new LeakyBucketLimiter(ratePerSecond, 10));

        // Then
        token.ParamName.ShouldBe("ratePerSecond");
        token.Message.ShouldContain("requests per second between 1e-9");
        leaky.ParamName.ShouldBe("ratePerSecond");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(long.MinValue)]
    public void Should_reject_a_burst_or_capacity_below_one(long size)
    {
        // Given / When
        var token = Should.Throw<ArgumentOutOfRangeException>(() => new TokenBucketLimiter(100, size));
        var leaky = Should.Throw<ArgumentOutOfRangeException>(() => new LeakyBucketLimiter(100, size));

        // Then
        token.ParamName.ShouldBe("burst");
        token.Message.ShouldContain("at least 1");
        leaky.ParamName.ShouldBe("capacity");
    }

    [Theory]
    [InlineData(0, 1_000)]
    [InlineData(-1, 1_000)]
    [InlineData(10, 0)]
    [InlineData(10, -1_000)]
    public void Should_reject_a_window_limit_or_length_below_one(int limit, long windowNs)
    {
        // Given
        var expectedName = limit < 1 ? "limit" : "windowNs";
        Func<object>[] constructors =
        [
            () => new FixedWindowLimiter(limit, windowNs),
            () => new SlidingWindowLogLimiter(limit, windowNs),
            () => new SlidingWindowCounterLimiter(limit, windowNs),
        ];

        // When / Then
        foreach (var construct in constructors)
        {
            Should.Throw<ArgumentOutOfRangeException>(construct).ParamName.ShouldBe(expectedName);
        }
    }

    [Fact]
    public void Should_reject_a_sliding_log_larger_than_its_memory_bound()
    {
        // Given / When
        var error = Should.Throw<ArgumentOutOfRangeException>(
            () => new SlidingWindowLogLimiter(SlidingWindowLogLimiter.MaxLimit + 1, 1_000));

        // Then
        error.Message.ShouldContain("use the sliding-window counter");
    }

    [Fact]
    public void Should_accept_the_largest_limits_and_windows_without_overflow()
    {
        // Given
        IRateLimiter[] limiters =
        [
            new FixedWindowLimiter(long.MaxValue, long.MaxValue),
            new SlidingWindowLogLimiter(SlidingWindowLogLimiter.MaxLimit, long.MaxValue),
            new SlidingWindowCounterLimiter(long.MaxValue, long.MaxValue),
            new SlidingWindowCounterLimiter(long.MaxValue, 1),
        ];

        // When / Then: bursts at the start and at the end of simulated time all pass.
        foreach (var limiter in limiters)
        {
            Enumerable.Range(0, 1_000).All(_ => limiter.TryAdmit(0)).ShouldBeTrue();
            Enumerable.Range(0, 1_000).All(_ => limiter.TryAdmit(long.MaxValue)).ShouldBeTrue();
            limiter.AdmittedCount.ShouldBe(2_000);
        }
    }

    [Fact]
    public void Should_refuse_time_that_runs_backwards_or_is_negative()
    {
        // Given
        IRateLimiter[] limiters =
        [
            new TokenBucketLimiter(10, 5),
            new LeakyBucketLimiter(10, 5),
            new FixedWindowLimiter(5, 1_000),
            new SlidingWindowLogLimiter(5, 1_000),
            new SlidingWindowCounterLimiter(5, 1_000),
        ];

        foreach (var limiter in limiters)
        {
            // When
            var negative = Should.Throw<ArgumentOutOfRangeException>(() => limiter.TryAdmit(-1));
            limiter.TryAdmit(500);
            var backwards = Should.Throw<ArgumentOutOfRangeException>(() => limiter.TryAdmit(499));

            // Then: the message names the problem, and the refused calls were not counted.
            negative.Message.ShouldContain("negative time");
            backwards.Message.ShouldContain("previous request was at 500 ns");
            (limiter.AdmittedCount + limiter.RejectedCount).ShouldBe(1);
        }
    }
}
