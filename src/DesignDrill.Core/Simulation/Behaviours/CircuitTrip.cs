namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>What opens a closed <see cref="CircuitBreaker"/>.</summary>
public enum CircuitTrip
{
    /// <summary>
    /// The failure rate over the last N recorded calls (a count-based sliding window) reaches the threshold, once at
    /// least the minimum number of calls has been recorded: resilience4j's <c>COUNT_BASED</c> window, its default.
    /// </summary>
    FailureRate,

    /// <summary>
    /// A run of consecutive failures reaches the threshold; any success resets the run (Envoy's outlier detection
    /// <c>consecutive_5xx</c>, Polly v7's basic circuit breaker).
    /// </summary>
    ConsecutiveFailures,
}
