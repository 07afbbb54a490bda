namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// The sliding-window counter: two fixed-window counters (the current window and the one before it, aligned to
/// multiples of <see cref="WindowNs"/>) estimate the count in the sliding window (t − window, t] as
/// previous × (window − elapsed) / window + current, assuming the previous window's requests were spread evenly. A
/// request is admitted while that estimate is below <see cref="Limit"/>.
/// </summary>
/// <remarks>
/// <para>
/// The approximation popularised by Cloudflare (J. Desgats, "How we built rate limiting capable of scaling to
/// millions of domains", blog.cloudflare.com, 2017) and by Xu, <i>System Design Interview — An Insider's Guide</i>,
/// 2020, ch. 4; counting admitted requests only.
/// </para>
/// <para>
/// Error of the approximation: each aligned window admits at most <see cref="Limit"/> (the estimate is at least
/// the current count), so any interval of length window, which overlaps at most two aligned windows, holds at most
/// 2 × limit admissions — and the bound is reached: the limit at the very end of one window, then a steady stream in
/// the next, which gets its last request in once the previous window weighs less than one request. Across a
/// boundary burst it admits limit + 1 (the fraction of a request the previous window no longer weighs). In steady
/// overload (2× to 1,000× the limit, evenly spaced) it admits exactly the limit per window; offered exactly the
/// limit, evenly spaced, it wrongly rejects at most one request per window (0.5% at limit 100). The tests pin these
/// figures; docs/simulation-rate-limiters.md gives them.
/// </para>
/// <para>Memory is two counters whatever the limit; exact integer arithmetic in <see cref="Int128"/>; O(1) per call.</para>
/// </remarks>
public sealed class SlidingWindowCounterLimiter : RateLimiterBase
{
    private readonly Int128 _limitTimesWindow;
    private long _windowIndex;
    private long _currentCount;
    private long _previousCount;

    /// <summary>Creates a sliding-window counter whose first window starts at time 0.</summary>
    /// <param name="limit">The most requests admitted per window, as estimated; at least 1.</param>
    /// <param name="windowNs">The window length in nanoseconds; at least 1 (1,000,000,000 is one second).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="limit"/> or <paramref name="windowNs"/> is below 1.
    /// </exception>
    public SlidingWindowCounterLimiter(long limit, long windowNs)
    {
        Limit = WindowArguments.CheckLimit(limit, nameof(limit));
        WindowNs = WindowArguments.CheckWindow(windowNs, nameof(windowNs));
        _limitTimesWindow = (Int128)limit * windowNs;
    }

    /// <summary>The most requests admitted per window, as estimated.</summary>
    public long Limit { get; }

    /// <summary>The window length in nanoseconds.</summary>
    public long WindowNs { get; }

    /// <inheritdoc/>
    protected override bool Decide(long nowNs)
    {
        var windowIndex = nowNs / WindowNs;
        if (windowIndex != _windowIndex)
        {
            _previousCount = windowIndex == _windowIndex + 1 ? _currentCount : 0;
            _currentCount = 0;
            _windowIndex = windowIndex;
        }

        // previous × (window − elapsed) / window + current < limit, multiplied through by window: exact in Int128.
        // Both counts are at most the limit, so each product is below 2^126 and their sum below 2^127: unchecked is
        // safe and skips the slow checked 128-bit multiply.
        var elapsedNs = nowNs - (windowIndex * WindowNs);
        var weighted = unchecked(((Int128)_previousCount * (WindowNs - elapsedNs)) + ((Int128)_currentCount * WindowNs));
        if (weighted >= _limitTimesWindow)
        {
            return false;
        }

        _currentCount++;
        return true;
    }
}
