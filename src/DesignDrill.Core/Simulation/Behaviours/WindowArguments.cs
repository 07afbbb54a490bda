namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>Validation shared by the window limiters, with messages written for the person who set the limit.</summary>
internal static class WindowArguments
{
    /// <summary>Checks a per-window limit.</summary>
    /// <param name="limit">The most requests per window; at least 1.</param>
    /// <param name="parameterName">The caller's parameter name, for the exception.</param>
    /// <returns><paramref name="limit"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is below 1.</exception>
    public static long CheckLimit(long limit, string parameterName) =>
        limit >= 1
            ? limit
            : throw new ArgumentOutOfRangeException(parameterName, limit,
                "The limit is the number of requests admitted per window and must be at least 1.");

    /// <summary>Checks a window length.</summary>
    /// <param name="windowNs">The window length in nanoseconds; at least 1.</param>
    /// <param name="parameterName">The caller's parameter name, for the exception.</param>
    /// <returns><paramref name="windowNs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="windowNs"/> is below 1.</exception>
    public static long CheckWindow(long windowNs, string parameterName) =>
        windowNs >= 1
            ? windowNs
            : throw new ArgumentOutOfRangeException(parameterName, windowNs,
                "The window length must be at least 1 ns; write 1,000,000,000 for one second.");
}
