namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A fixed-window counter: time is cut into windows [k × window, (k + 1) × window) aligned to multiples of
/// <see cref="WindowNs"/>, and at most <see cref="Limit"/> requests are admitted in each; the counter resets at every
/// boundary. Its known flaw is the boundary burst: <see cref="Limit"/> requests just before a boundary and
/// <see cref="Limit"/> just after are all admitted, so up to 2 × limit pass within a span far shorter than a window.
/// </summary>
/// <remarks>
/// The model of Xu, <i>System Design Interview — An Insider's Guide</i>, 2020, ch. 4 ("fixed window counter"), and
/// of per-minute counters keyed by the window's start (Redis <c>INCR</c> + <c>EXPIRE</c>). Counts only admitted
/// requests. O(1) per call, no allocation.
/// </remarks>
public sealed class FixedWindowLimiter : RateLimiterBase
{
    private long _windowIndex;
    private long _countInWindow;

    /// <summary>Creates a fixed-window counter whose first window starts at time 0.</summary>
    /// <param name="limit">The most requests admitted in one window; at least 1.</param>
    /// <param name="windowNs">The window length in nanoseconds; at least 1 (1,000,000,000 is one second).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="limit"/> or <paramref name="windowNs"/> is below 1.
    /// </exception>
    public FixedWindowLimiter(long limit, long windowNs)
    {
        Limit = WindowArguments.CheckLimit(limit, nameof(limit));
        WindowNs = WindowArguments.CheckWindow(windowNs, nameof(windowNs));
    }

    /// <summary>The most requests admitted in one window.</summary>
    public long Limit { get; }

    /// <summary>The window length in nanoseconds.</summary>
    public long WindowNs { get; }

    /// <inheritdoc/>
    protected override bool Decide(long nowNs)
    {
        var windowIndex = nowNs / WindowNs;
        if (windowIndex != _windowIndex)
        {
            _windowIndex = windowIndex;
            _countInWindow = 0;
        }

        if (_countInWindow >= Limit)
        {
            return false;
        }

        _countInWindow++;
        return true;
    }
}
