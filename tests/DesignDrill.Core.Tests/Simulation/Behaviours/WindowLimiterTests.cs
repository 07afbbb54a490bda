using DesignDrill.Core.Simulation.Behaviours;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class WindowLimiterTests
{
    private const int Limit = 100;
    private const long WindowNs = NsPerSecond;
    private const long BoundaryNs = 5 * WindowNs;

    /// <summary>
    /// 150 requests 1 µs apart ending just before the boundary at 5 s, and 150 starting at it: 300 requests within
    /// 300 µs, a span 3,333 times shorter than the one-second window.
    /// </summary>
    private static List<long> BoundaryBurst() =>
        [.. Enumerable.Range(0, 300).Select(i => BoundaryNs - (150 * NsPerMicrosecond) + (i * NsPerMicrosecond))];

    [Fact]
    public void Should_let_the_fixed_window_through_twice_the_limit_across_a_boundary()
    {
        // Given
        var limiter = new FixedWindowLimiter(Limit, WindowNs);

        // When
        var admitted = AdmittedTimes(limiter, BoundaryBurst());

        // Then: the limit before the boundary and again after it, all within 250 µs.
        admitted.Count.ShouldBe(2 * Limit);
        admitted.Count(t => t < BoundaryNs).ShouldBe(Limit);
        (admitted[^1] - admitted[0]).ShouldBeLessThan(250 * NsPerMicrosecond);
        MaxInAnySpan(admitted, WindowNs).ShouldBe(2 * Limit);
    }

    [Fact]
    public void Should_let_the_sliding_log_through_only_the_limit_across_a_boundary()
    {
        // Given
        var limiter = new SlidingWindowLogLimiter(Limit, WindowNs);

        // When
        var admitted = AdmittedTimes(limiter, BoundaryBurst());

        // Then
        admitted.Count.ShouldBe(Limit);
        limiter.RejectedCount.ShouldBe(200);
    }

    [Fact]
    public void Should_let_the_sliding_counter_through_only_the_limit_across_a_boundary()
    {
        // Given
        var limiter = new SlidingWindowCounterLimiter(Limit, WindowNs);

        // When
        var admitted = AdmittedTimes(limiter, BoundaryBurst());

        // Then: 150 µs into the new window the previous 100 still weigh 99.985, so the estimate stays below 100 for
        // exactly one more request; the next 149 see 100.985 or more.
        admitted.Count.ShouldBe(Limit + 1);
        admitted.Count(t => t >= BoundaryNs).ShouldBe(1);
    }

    [Fact]
    public void Should_reset_the_fixed_window_at_multiples_of_the_window()
    {
        // Given
        var limiter = new FixedWindowLimiter(limit: 2, windowNs: 10);

        // When
        long[] arrivals = [0, 3, 9, 10, 19, 19, 20, 35, 39, 39];
        var decisions = arrivals.Select(limiter.TryAdmit).ToList();

        // Then
        decisions.ShouldBe([true, true, false, true, true, false, true, true, true, false]);
    }

    [Fact]
    public void Should_admit_again_in_the_sliding_log_exactly_one_window_after_an_admission()
    {
        // Given
        var limiter = new SlidingWindowLogLimiter(limit: 2, windowNs: 10);

        // When
        long[] arrivals = [0, 4, 9, 10, 13, 14, 15, 24];
        var decisions = arrivals.Select(limiter.TryAdmit).ToList();

        // Then: the admission at 0 leaves the window (t − 10, t] at t = 10, the one at 4 at t = 14.
        decisions.ShouldBe([true, true, false, true, false, true, false, true]);
    }

    [Fact]
    public void Should_weigh_the_previous_window_by_its_overlap_in_the_sliding_counter()
    {
        // Given: 10 per 100 ns, and 10 admitted in the first window.
        var limiter = new SlidingWindowCounterLimiter(limit: 10, windowNs: 100);
        Enumerable.Range(0, 12).Count(_ => limiter.TryAdmit(50)).ShouldBe(10);

        // When / Then: at 130 the estimate is 10 × 0.7 + current; requests pass while it stays below 10.
        Enumerable.Range(0, 5).Count(_ => limiter.TryAdmit(130)).ShouldBe(3);

        // At 150 the estimate is 10 × 0.5 + 3 = 8: two more.
        Enumerable.Range(0, 5).Count(_ => limiter.TryAdmit(150)).ShouldBe(2);

        // Two windows later the old counts are gone.
        Enumerable.Range(0, 12).Count(_ => limiter.TryAdmit(300)).ShouldBe(10);
    }

    [Fact]
    public void Should_approach_but_never_exceed_twice_the_limit_in_the_sliding_counter()
    {
        // Given: the worst case — the limit admitted at the very end of a window, then a request every 100 µs.
        var limiter = new SlidingWindowCounterLimiter(Limit, WindowNs);
        var arrivals = Enumerable.Repeat(BoundaryNs - 1, Limit)
            .Concat(Enumerable.Range(0, 10_000).Select(i => BoundaryNs + (i * 100 * NsPerMicrosecond)));

        // When
        var admitted = AdmittedTimes(limiter, arrivals);

        // Then: the second window admits its 100th request once the first weighs less than one request (after
        // 99% of it), so a window-long span holds the full 2 × limit.
        admitted.Count.ShouldBe(2 * Limit);
        admitted[^1].ShouldBe(BoundaryNs + (9_901 * 100 * NsPerMicrosecond));
        MaxInAnySpan(admitted, WindowNs).ShouldBe(2 * Limit);
    }

    [Theory]
    [InlineData(100, 2)]
    [InlineData(100, 10)]
    [InlineData(100, 1_000)]
    [InlineData(7, 100)]
    public void Should_admit_exactly_the_limit_per_window_in_steady_overload_in_the_sliding_counter(
        int limit, int offeredPerLimit)
    {
        // Given / When: an even request stream at offeredPerLimit times the limit, for 100 windows.
        var perWindow = AdmittedPerWindow(new SlidingWindowCounterLimiter(limit, WindowNs), limit, offeredPerLimit);

        // Then
        perWindow.ShouldAllBe(n => n == limit);
    }

    [Fact]
    public void Should_reject_under_one_percent_of_an_even_stream_at_exactly_the_limit_in_the_sliding_counter()
    {
        // Given / When: 100 requests per one-second window, evenly spaced, for 100 windows.
        var perWindow = AdmittedPerWindow(new SlidingWindowCounterLimiter(Limit, WindowNs), Limit, 1);

        // Then: the approximation wrongly rejects a few conforming requests (measured mean 99.495 per window),
        // never more than one per window.
        perWindow[0].ShouldBe(Limit);
        perWindow.ShouldAllBe(n => n == Limit - 1 || n == Limit);
        perWindow.Average().ShouldBeInRange(Limit - 1, Limit - 0.4);
    }

    private static long[] AdmittedPerWindow(IRateLimiter limiter, int limit, int offeredPerLimit)
    {
        var stepNs = WindowNs / ((long)limit * offeredPerLimit);
        var perWindow = new long[100];
        for (var t = 0L; t < 100 * WindowNs; t += stepNs)
        {
            if (limiter.TryAdmit(t))
            {
                perWindow[t / WindowNs]++;
            }
        }

        return perWindow;
    }
}
