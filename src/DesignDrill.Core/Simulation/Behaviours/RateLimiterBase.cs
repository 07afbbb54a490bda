namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// The common part of the simulator's rate limiters: checks that simulated time never runs backwards and keeps the
/// admitted and rejected counters. A subclass supplies only the decision, <see cref="Decide"/>.
/// </summary>
public abstract class RateLimiterBase : IRateLimiter
{
    private long _lastNs;

    /// <inheritdoc/>
    public long AdmittedCount { get; private set; }

    /// <inheritdoc/>
    public long RejectedCount { get; private set; }

    /// <inheritdoc/>
    public bool TryAdmit(long nowNs)
    {
        if (nowNs < _lastNs)
        {
            throw new ArgumentOutOfRangeException(nameof(nowNs), nowNs, nowNs < 0
                ? "Simulated time starts at 0 ns; a rate limiter cannot be asked about a negative time."
                : $"Simulated time must not run backwards: the previous request was at {_lastNs} ns.");
        }

        _lastNs = nowNs;
        if (Decide(nowNs))
        {
            AdmittedCount++;
            return true;
        }

        RejectedCount++;
        return false;
    }

    /// <summary>
    /// Decides whether a request arriving at <paramref name="nowNs"/> is admitted and updates the algorithm's state.
    /// </summary>
    /// <param name="nowNs">
    /// The arrival time in nanoseconds; already checked to be at least 0 and at least the previous call's time.
    /// </param>
    /// <returns><see langword="true"/> to admit the request.</returns>
    protected abstract bool Decide(long nowNs);
}
