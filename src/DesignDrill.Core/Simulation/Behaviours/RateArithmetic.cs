namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Exact integer arithmetic for rates, shared by the bucket limiters. A rate is held as a whole number of
/// nano-requests per second (1e-9 requests per second), and a bucket level in units of 1e-18 requests, so that one
/// nanosecond at the rate adds exactly <c>rate in nano-requests per second</c> units. Sums and products are
/// <see cref="Int128"/>: no rounding and no drift however long the run.
/// </summary>
internal static class RateArithmetic
{
    /// <summary>Units of bucket level in one request: 1e18 (1e9 ns per second × 1e9 rate quanta per request).</summary>
    public static readonly Int128 UnitsPerRequest = 1_000_000_000_000_000_000;

    /// <summary>The resolution of a rate, 1e-9 requests per second: a rate is rounded to a multiple of it.</summary>
    public const double RateResolutionPerSecond = 1e-9;

    /// <summary>
    /// The largest rate accepted, 1e18 requests per second: a billion times the busiest real endpoints (rule of
    /// thumb), and small enough that every product stays far inside <see cref="Int128"/>.
    /// </summary>
    public const double MaxRatePerSecond = 1e18;

    /// <summary>
    /// Converts a rate in requests per second to whole nano-requests per second (rounded to nearest), validating it.
    /// </summary>
    /// <param name="ratePerSecond">The rate; finite, at least 1e-9 and at most 1e18 requests per second.</param>
    /// <param name="parameterName">The caller's parameter name, for the exception.</param>
    /// <returns>The rate in nano-requests per second; between 1 and 1e27.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The rate is NaN, infinite or out of range.</exception>
    public static Int128 ToNanoRequestsPerSecond(double ratePerSecond, string parameterName)
    {
        if (!(ratePerSecond >= RateResolutionPerSecond) || !(ratePerSecond <= MaxRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(parameterName, ratePerSecond,
                "The rate must be a number of requests per second between 1e-9 (one request every 31.7 years) and " +
                "1e18; write for example 100 for 100 requests per second.");
        }

        // Through decimal: a double converts to its shortest round-trip decimal (3.3, not 3.2999999999999998), so
        // the rate is exactly what the person wrote, to the nearest 1e-9 per second.
        return (Int128)decimal.Round((decimal)ratePerSecond * 1_000_000_000m, MidpointRounding.ToEven);
    }

    /// <summary>Converts a rate in nano-requests per second back to requests per second, for reporting.</summary>
    /// <param name="nanoRequestsPerSecond">The rate in nano-requests per second; between 1 and 1e27.</param>
    /// <returns>The rate in requests per second, rounded to the nearest <see cref="double"/>.</returns>
    public static double ToRatePerSecond(Int128 nanoRequestsPerSecond) =>
        (double)((decimal)nanoRequestsPerSecond / 1_000_000_000m);

    /// <summary>
    /// The time in whole nanoseconds for the rate to move a bucket through <paramref name="levelUnits"/>: the
    /// smallest n with n × rate ≥ level.
    /// </summary>
    /// <param name="levelUnits">A bucket level in units of 1e-18 requests; at least 0.</param>
    /// <param name="nanoRequestsPerSecond">The rate in nano-requests per second; at least 1.</param>
    /// <returns>
    /// The time in nanoseconds, saturated at <see cref="long.MaxValue"/> (longer than any run of 292 years).
    /// </returns>
    public static long NanosecondsToMove(Int128 levelUnits, Int128 nanoRequestsPerSecond)
    {
        var ns = (levelUnits + nanoRequestsPerSecond - 1) / nanoRequestsPerSecond;
        return ns > long.MaxValue ? long.MaxValue : (long)ns;
    }
}
