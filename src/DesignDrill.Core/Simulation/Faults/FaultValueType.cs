namespace DesignDrill.Core.Simulation.Faults;

/// <summary>How a fault parameter's value is written and read.</summary>
public enum FaultValueType
{
    /// <summary>A whole number of things: <c>count 2</c>, <c>workers 0</c>.</summary>
    Count = 0,

    /// <summary>A 0-based position: <c>index 3</c> is the fourth replica.</summary>
    Index,

    /// <summary>A multiplier, with or without a trailing <c>x</c>: <c>factor 5</c>, <c>factor 2.5x</c>.</summary>
    Factor,

    /// <summary>A fraction as a decimal or a percentage: <c>fraction 0.05</c>, <c>fraction 5%</c>.</summary>
    Fraction,

    /// <summary>A duration (<see cref="DurationText"/>): <c>lag 5s</c>, <c>added 50ms</c>.</summary>
    Duration,
}
