namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>The state of a <see cref="CircuitBreaker"/> (M. Nygard, <i>Release It!</i>, 2nd ed., 2018, "Circuit Breaker").</summary>
public enum CircuitState
{
    /// <summary>Calls pass and their outcomes are counted; too many failures open the circuit.</summary>
    Closed,

    /// <summary>Calls are rejected at once, without reaching the dependency, until the open duration has passed.</summary>
    Open,

    /// <summary>A few probe calls pass to test the dependency; their successes close the circuit, a failure reopens it.</summary>
    HalfOpen,
}
