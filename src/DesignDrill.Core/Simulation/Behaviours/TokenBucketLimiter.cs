namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A token bucket: tokens drip in continuously at <see cref="RatePerSecond"/> up to <see cref="Burst"/>, and each
/// admitted request takes one whole token; a request that finds less than one token is rejected (it is not queued).
/// The bucket starts full, so an idle client may send <see cref="Burst"/> requests at once and then
/// <see cref="RatePerSecond"/> on average: over any interval of length t it admits at most burst + rate × t, and a
/// client that keeps it busy gets exactly burst + ⌊rate × t⌋ in [0, t].
/// </summary>
/// <remarks>
/// <para>
/// The model is the token bucket of RFC 2697 (single-rate three-colour marker; its committed bucket with CIR and CBS)
/// with only the green/red outcome, and of Tanenbaum and Wetherall, <i>Computer Networks</i>, 5th ed., 2011,
/// §5.4.2; it is the algorithm AWS documents for API Gateway throttling ("rate" and "burst").
/// </para>
/// <para>
/// Arithmetic is exact: the rate is rounded to a multiple of 1e-9 requests per second and the level is an integer
/// count of 1e-18 requests, so refill never drifts however many days are simulated. Cost: O(1) time and memory per
/// call, no allocation.
/// </para>
/// </remarks>
public sealed class TokenBucketLimiter : RateLimiterBase
{
    private readonly Int128 _nanoRequestsPerSecond;
    private readonly Int128 _capacityUnits;
    private readonly long _nsToFill;
    private Int128 _levelUnits;
    private long _lastRefillNs;

    /// <summary>Creates a full token bucket.</summary>
    /// <param name="ratePerSecond">
    /// The refill rate in tokens (requests) per second; between 1e-9 and 1e18, rounded to a multiple of 1e-9.
    /// </param>
    /// <param name="burst">The bucket size in tokens: the largest burst admitted at once; at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="ratePerSecond"/> is NaN, infinite, below 1e-9 or above 1e18, or <paramref name="burst"/> is
    /// below 1.
    /// </exception>
    public TokenBucketLimiter(double ratePerSecond, long burst)
    {
        _nanoRequestsPerSecond = RateArithmetic.ToNanoRequestsPerSecond(ratePerSecond, nameof(ratePerSecond));
        if (burst < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(burst), burst,
                "The burst is the bucket size in requests and must be at least 1; with 1 the bucket admits no burst " +
                "beyond the steady rate.");
        }

        Burst = burst;
        _capacityUnits = burst * RateArithmetic.UnitsPerRequest;
        _nsToFill = RateArithmetic.NanosecondsToMove(_capacityUnits, _nanoRequestsPerSecond);
        _levelUnits = _capacityUnits;
    }

    /// <summary>The refill rate in requests per second, after rounding to a multiple of 1e-9.</summary>
    public double RatePerSecond => RateArithmetic.ToRatePerSecond(_nanoRequestsPerSecond);

    /// <summary>The bucket size in requests: the largest burst admitted at once.</summary>
    public long Burst { get; }

    /// <summary>
    /// The tokens in the bucket after the last decision (or <see cref="Burst"/> before the first), in requests; between
    /// 0 and <see cref="Burst"/>. Rounded to a <see cref="double"/> for reporting; the decisions use the exact value.
    /// </summary>
    public double Tokens => (double)_levelUnits / (double)RateArithmetic.UnitsPerRequest;

    /// <inheritdoc/>
    protected override bool Decide(long nowNs)
    {
        var elapsedNs = nowNs - _lastRefillNs;
        _lastRefillNs = nowNs;
        if (elapsedNs >= _nsToFill)
        {
            _levelUnits = _capacityUnits;
        }
        else if (elapsedNs > 0)
        {
            // elapsedNs < _nsToFill, so the product is below capacity + rate ≤ 9.3e36, far inside Int128 (1.7e38):
            // unchecked skips the slow checked 128-bit multiply without risk.
            _levelUnits = unchecked(_levelUnits + (elapsedNs * _nanoRequestsPerSecond));
            if (_levelUnits > _capacityUnits)
            {
                _levelUnits = _capacityUnits;
            }
        }

        if (_levelUnits < RateArithmetic.UnitsPerRequest)
        {
            return false;
        }

        _levelUnits -= RateArithmetic.UnitsPerRequest;
        return true;
    }
}
