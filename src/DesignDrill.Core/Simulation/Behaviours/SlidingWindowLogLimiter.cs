namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// An exact sliding window: it keeps the times of the requests it admitted in the last <see cref="WindowNs"/>, and
/// admits a request at time t when fewer than <see cref="Limit"/> were admitted in (t − window, t]. So no interval
/// of length window, wherever it starts, ever holds more than <see cref="Limit"/> admissions: there is no boundary
/// burst, unlike <see cref="FixedWindowLimiter"/>.
/// </summary>
/// <remarks>
/// <para>
/// The "sliding window log" of Xu, <i>System Design Interview — An Insider's Guide</i>, 2020, ch. 4, and of Figma's
/// engineering blog "An alternative approach to rate limiting" (2017), here counting admitted requests only (a
/// rejected request does not extend the client's penalty).
/// </para>
/// <para>
/// The log is a ring buffer of admission times, grown by doubling up to <see cref="Limit"/> entries, so memory is at
/// most 8 × limit bytes and tracks what is actually in the window. Each call is amortised O(1): every time is
/// appended once and evicted once. No allocation once the buffer has reached its working size.
/// </para>
/// </remarks>
public sealed class SlidingWindowLogLimiter : RateLimiterBase
{
    /// <summary>
    /// The largest limit accepted, 16,777,216 (2^24): a log of at most 128 MiB (rule of thumb, to keep one limiter
    /// within the simulator's memory budget). Larger limits should use <see cref="SlidingWindowCounterLimiter"/>,
    /// whose memory does not depend on the limit.
    /// </summary>
    public const int MaxLimit = 1 << 24;

    /// <summary>The first buffer size, 16 entries (rule of thumb); the buffer doubles as the window fills.</summary>
    private const int InitialCapacity = 16;

    private long[] _admittedNs;
    private int _head;
    private int _count;

    /// <summary>Creates an empty sliding-window log.</summary>
    /// <param name="limit">The most requests admitted in any window; between 1 and <see cref="MaxLimit"/>.</param>
    /// <param name="windowNs">The window length in nanoseconds; at least 1 (1,000,000,000 is one second).</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="limit"/> is below 1 or above <see cref="MaxLimit"/>, or <paramref name="windowNs"/> is below 1.
    /// </exception>
    public SlidingWindowLogLimiter(int limit, long windowNs)
    {
        WindowArguments.CheckLimit(limit, nameof(limit));
        if (limit > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit,
                $"A sliding-window log keeps one time per admitted request, so its limit is at most {MaxLimit:N0} " +
                "per window; use the sliding-window counter for larger limits.");
        }

        Limit = limit;
        WindowNs = WindowArguments.CheckWindow(windowNs, nameof(windowNs));
        _admittedNs = new long[Math.Min(limit, InitialCapacity)];
    }

    /// <summary>The most requests admitted in any window of length <see cref="WindowNs"/>.</summary>
    public int Limit { get; }

    /// <summary>The window length in nanoseconds.</summary>
    public long WindowNs { get; }

    /// <summary>The number of admissions in the window that ended at the last call; between 0 and <see cref="Limit"/>.</summary>
    public int CountInWindow => _count;

    /// <inheritdoc/>
    protected override bool Decide(long nowNs)
    {
        // nowNs ≥ 0 and WindowNs ≥ 1, so the subtraction cannot overflow.
        var expiredAtOrBeforeNs = nowNs - WindowNs;
        while (_count > 0 && _admittedNs[_head] <= expiredAtOrBeforeNs)
        {
            _head = _head + 1 == _admittedNs.Length ? 0 : _head + 1;
            _count--;
        }

        if (_count >= Limit)
        {
            return false;
        }

        if (_count == _admittedNs.Length)
        {
            Grow();
        }

        var tail = _head + _count;
        _admittedNs[tail >= _admittedNs.Length ? tail - _admittedNs.Length : tail] = nowNs;
        _count++;
        return true;
    }

    private void Grow()
    {
        // Only called when _count == length < Limit ≤ 2^24, so the doubling cannot overflow.
        var grown = new long[Math.Min(Limit, _admittedNs.Length * 2)];
        var firstPart = _admittedNs.Length - _head;
        Array.Copy(_admittedNs, _head, grown, 0, firstPart);
        Array.Copy(_admittedNs, 0, grown, firstPart, _head);
        _admittedNs = grown;
        _head = 0;
    }
}
