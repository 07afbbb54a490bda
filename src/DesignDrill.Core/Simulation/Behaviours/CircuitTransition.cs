namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>A change of a <see cref="CircuitBreaker"/>'s state, for the simulator's event log.</summary>
/// <param name="TimeNs">
/// When it happened, in simulated nanoseconds: the time of the call or outcome that caused it, or for
/// <see cref="CircuitState.Open"/> → <see cref="CircuitState.HalfOpen"/> the instant the open duration ended.
/// </param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
public readonly record struct CircuitTransition(long TimeNs, CircuitState From, CircuitState To);
