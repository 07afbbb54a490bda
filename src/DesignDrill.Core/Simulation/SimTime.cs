namespace DesignDrill.Core.Simulation;

/// <summary>
/// Simulated time: a <see cref="long"/> count of nanoseconds since the start of a run (the convention of every part of
/// the simulator; parameters and fields holding it end in <c>Ns</c>). This gives nanosecond resolution and a range of
/// <see cref="long.MaxValue"/> ns ≈ 9.22 × 10^18 ns ≈ 292 years, so a run of days or years cannot overflow.
/// </summary>
/// <remarks>
/// The conversions from seconds round to the nearest nanosecond and are checked: a value that does not fit in the
/// range (or is NaN) throws instead of wrapping around. Models that turn random samples into delays use
/// <see cref="FromSecondsSaturating"/> and <see cref="AddSaturating"/>, which clamp to <see cref="MaxNs"/>, and stop at
/// the simulated-time limit (<see cref="SimulationLimits.MaxSimulatedTimeNs"/>) long before the clamp matters.
/// </remarks>
public static class SimTime
{
    /// <summary>Nanoseconds in one second: 1,000,000,000 (SI definition).</summary>
    public const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>Nanoseconds in one millisecond: 1,000,000 (SI definition).</summary>
    public const long NanosecondsPerMillisecond = 1_000_000;

    /// <summary>The largest representable time, <see cref="long.MaxValue"/> ns ≈ 292.3 years (365.25-day years).</summary>
    public const long MaxNs = long.MaxValue;

    /// <summary>The largest representable time in seconds, ≈ 9.22 × 10^9 s (about 292 years).</summary>
    public const double MaxSeconds = MaxNs / (double)NanosecondsPerSecond;

    /// <summary>Converts a duration or instant in seconds to nanoseconds, rounded to the nearest nanosecond.</summary>
    /// <param name="seconds">The time in seconds; finite and within ± <see cref="MaxSeconds"/>.</param>
    /// <returns>The time in nanoseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="seconds"/> is NaN, infinite or outside ± <see cref="MaxSeconds"/> (the result would overflow).
    /// </exception>
    public static long FromSeconds(double seconds) => FromScaled(seconds, NanosecondsPerSecond, nameof(seconds));

    /// <summary>Converts a duration or instant in milliseconds to nanoseconds, rounded to the nearest nanosecond.</summary>
    /// <param name="milliseconds">The time in milliseconds; finite and within ± <see cref="MaxSeconds"/> × 1,000.</param>
    /// <returns>The time in nanoseconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="milliseconds"/> is NaN, infinite or out of range (the result would overflow).
    /// </exception>
    public static long FromMilliseconds(double milliseconds) =>
        FromScaled(milliseconds, NanosecondsPerMillisecond, nameof(milliseconds));

    /// <summary>Converts nanoseconds to seconds (exact below 2^53 ns ≈ 104 days; beyond, within 1 ulp of a double).</summary>
    /// <param name="timeNs">The time in nanoseconds; any value.</param>
    /// <returns>The time in seconds.</returns>
    public static double ToSeconds(long timeNs) => timeNs / (double)NanosecondsPerSecond;

    /// <summary>
    /// Converts a non-negative duration in seconds to nanoseconds, rounded to the nearest nanosecond and clamped to
    /// [0, <see cref="MaxNs"/>]; for delays drawn from distributions, where a huge sample must not crash the run.
    /// </summary>
    /// <param name="seconds">The duration in seconds; NaN and negative values give 0, +∞ gives <see cref="MaxNs"/>.</param>
    /// <returns>The duration in nanoseconds, in [0, <see cref="MaxNs"/>].</returns>
    public static long FromSecondsSaturating(double seconds) => RoundSaturating(seconds * NanosecondsPerSecond);

    /// <summary>
    /// Rounds a non-negative number of nanoseconds held in a double (e.g. an exponential sample scaled to nanoseconds)
    /// to the nearest whole nanosecond, clamped to [0, <see cref="MaxNs"/>].
    /// </summary>
    /// <param name="nanoseconds">The duration in nanoseconds; NaN and negative values give 0, +∞ gives <see cref="MaxNs"/>.</param>
    /// <returns>The duration in nanoseconds, in [0, <see cref="MaxNs"/>].</returns>
    public static long RoundSaturating(double nanoseconds)
    {
        var ns = nanoseconds + 0.5;

        // 2^63 is exactly representable; every double below it converts to a long without overflow.
        if (ns < TwoToThe63)
        {
            return ns >= 1 ? (long)ns : 0;
        }

        return double.IsNaN(ns) ? 0 : MaxNs;
    }

    /// <summary>Adds a non-negative delay to a time, clamping at <see cref="MaxNs"/> instead of overflowing.</summary>
    /// <param name="timeNs">The time in nanoseconds; at least 0.</param>
    /// <param name="delayNs">The delay in nanoseconds; at least 0.</param>
    /// <returns><paramref name="timeNs"/> + <paramref name="delayNs"/>, or <see cref="MaxNs"/> if that would overflow.</returns>
    public static long AddSaturating(long timeNs, long delayNs) =>
        delayNs > MaxNs - timeNs ? MaxNs : timeNs + delayNs;

    private const double TwoToThe63 = 9_223_372_036_854_775_808.0;

    private static long FromScaled(double value, long nanosecondsPerUnit, string parameter)
    {
        var ns = Math.Round(value * nanosecondsPerUnit, MidpointRounding.AwayFromZero);

        // Every double of magnitude below 2^63 (exactly representable) converts to a long without overflow.
        if (!(ns < TwoToThe63 && ns >= -TwoToThe63))
        {
            throw new ArgumentOutOfRangeException(parameter, value,
                $"The time must be a finite number within ±{MaxSeconds:E3} seconds (about 292 years); larger values overflow a 64-bit nanosecond count.");
        }

        return (long)ns;
    }
}
