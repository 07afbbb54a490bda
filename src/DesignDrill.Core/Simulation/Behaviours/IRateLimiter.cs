namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A rate limiter in the simulator: for each request it decides, at the simulated time the request arrives, whether
/// the request is admitted or rejected (HTTP 429 in a real system). Implementations are deterministic, hold no
/// timers and read no clock: time is whatever the caller passes, so the simulation engine drives them directly.
/// </summary>
/// <remarks>
/// <para>
/// Calls must come in non-decreasing simulated time from one thread, as the engine's event loop produces them. The
/// counters <see cref="AdmittedCount"/> and <see cref="RejectedCount"/> count every decision since construction;
/// their sum is the offered load seen by the limiter.
/// </para>
/// <para>Implementations: <see cref="TokenBucketLimiter"/>, <see cref="LeakyBucketLimiter"/>,
/// <see cref="FixedWindowLimiter"/>, <see cref="SlidingWindowLogLimiter"/> and
/// <see cref="SlidingWindowCounterLimiter"/>; docs/simulation-rate-limiters.md compares their burst behaviour.</para>
/// </remarks>
public interface IRateLimiter
{
    /// <summary>The number of requests admitted since construction; never negative.</summary>
    long AdmittedCount { get; }

    /// <summary>The number of requests rejected since construction; never negative.</summary>
    long RejectedCount { get; }

    /// <summary>Decides whether a request arriving at <paramref name="nowNs"/> is admitted, and counts it.</summary>
    /// <param name="nowNs">
    /// The simulated time of the arrival in nanoseconds since the start of the run; at least 0 and at least the time
    /// of the previous call.
    /// </param>
    /// <returns><see langword="true"/> when the request is admitted, <see langword="false"/> when it is rejected.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nowNs"/> is negative or earlier than the previous call's time (a bug in the caller: simulated
    /// time never runs backwards).
    /// </exception>
    bool TryAdmit(long nowNs);
}
