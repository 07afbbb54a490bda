namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A leaky bucket used as a meter: each admitted request pours one unit into a bucket of <see cref="Capacity"/>
/// units that drains continuously at <see cref="RatePerSecond"/>; a request is admitted while level + 1 ≤ capacity
/// and rejected otherwise. The bucket starts empty, so a burst of <see cref="Capacity"/> requests is admitted at once,
/// after which admissions follow the drain rate: over any interval of length t at most capacity + rate × t.
/// </summary>
/// <remarks>
/// <para>
/// Two classic algorithms share the name. This is the <b>meter</b> (leaky bucket as a counter): it decides
/// conforming or not and never delays — the continuous-state leaky bucket of ITU-T Recommendation I.371 (Traffic
/// control and congestion control in B-ISDN, Annex A; the same decisions as its virtual-scheduling form, the Generic
/// Cell Rate Algorithm GCRA(T, τ) with T = 1/rate and τ = (capacity − 1) × T). NGINX's <c>limit_req</c> with
/// <c>burst=b nodelay</c> behaves like it with capacity b + 1 (nginx.org, ngx_http_limit_req_module). The other is
/// the <b>queue</b> (Turner, "New directions in communications", IEEE Communications Magazine 24(10), 1986;
/// Tanenbaum and Wetherall, <i>Computer Networks</i>, 5th ed., 2011, §5.4.2):
/// requests wait in a FIFO of that capacity and leave at the constant rate, which shapes rather than polices
/// traffic; in the simulator that is a server with a bounded queue, not a limiter.
/// </para>
/// <para>
/// A meter of capacity c starting empty takes exactly the decisions of a <see cref="TokenBucketLimiter"/> of burst c
/// starting full (the bucket level here is the token bucket's missing tokens); the tests check that the two agree.
/// Arithmetic is exact integers, as in <see cref="TokenBucketLimiter"/>: no drift. O(1) per call, no allocation.
/// </para>
/// </remarks>
public sealed class LeakyBucketLimiter : RateLimiterBase
{
    private readonly Int128 _nanoRequestsPerSecond;
    private readonly Int128 _limitUnits;
    private readonly long _nsToDrain;
    private Int128 _levelUnits;
    private long _lastLeakNs;

    /// <summary>Creates an empty leaky bucket.</summary>
    /// <param name="ratePerSecond">
    /// The drain rate in requests per second; between 1e-9 and 1e18, rounded to a multiple of 1e-9.
    /// </param>
    /// <param name="capacity">
    /// The bucket capacity in requests: the largest burst admitted at once (ITU-T I.371's τ/T + 1); at least 1.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="ratePerSecond"/> is NaN, infinite, below 1e-9 or above 1e18, or <paramref name="capacity"/>
    /// is below 1.
    /// </exception>
    public LeakyBucketLimiter(double ratePerSecond, long capacity)
    {
        _nanoRequestsPerSecond = RateArithmetic.ToNanoRequestsPerSecond(ratePerSecond, nameof(ratePerSecond));
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                "The capacity is the bucket size in requests and must be at least 1; with 1 requests are admitted " +
                "no closer together than 1 / rate.");
        }

        Capacity = capacity;
        var capacityUnits = capacity * RateArithmetic.UnitsPerRequest;
        _limitUnits = capacityUnits - RateArithmetic.UnitsPerRequest;
        _nsToDrain = RateArithmetic.NanosecondsToMove(capacityUnits, _nanoRequestsPerSecond);
    }

    /// <summary>The drain rate in requests per second, after rounding to a multiple of 1e-9.</summary>
    public double RatePerSecond => RateArithmetic.ToRatePerSecond(_nanoRequestsPerSecond);

    /// <summary>The bucket capacity in requests: the largest burst admitted at once.</summary>
    public long Capacity { get; }

    /// <summary>
    /// The bucket level after the last decision (0 before the first), in requests; between 0 and
    /// <see cref="Capacity"/>. Rounded to a <see cref="double"/> for reporting; the decisions use the exact value.
    /// </summary>
    public double Level => (double)_levelUnits / (double)RateArithmetic.UnitsPerRequest;

    /// <inheritdoc/>
    protected override bool Decide(long nowNs)
    {
        var elapsedNs = nowNs - _lastLeakNs;
        _lastLeakNs = nowNs;
        if (elapsedNs >= _nsToDrain)
        {
            _levelUnits = 0;
        }
        else if (elapsedNs > 0)
        {
            // elapsedNs < _nsToDrain, so the product is below capacity + rate ≤ 9.3e36, far inside Int128 (1.7e38):
            // unchecked skips the slow checked 128-bit multiply without risk.
            _levelUnits = unchecked(_levelUnits - (elapsedNs * _nanoRequestsPerSecond));
            if (_levelUnits < 0)
            {
                _levelUnits = 0;
            }
        }

        // Admit while level + 1 ≤ capacity, i.e. level ≤ capacity − 1 (I.371: non-conforming when X' > L).
        if (_levelUnits > _limitUnits)
        {
            return false;
        }

        _levelUnits += RateArithmetic.UnitsPerRequest;
        return true;
    }
}
