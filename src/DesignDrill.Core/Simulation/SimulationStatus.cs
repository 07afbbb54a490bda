namespace DesignDrill.Core.Simulation;

/// <summary>How a simulation run ended.</summary>
public enum SimulationStatus
{
    /// <summary>The run simulated everything it was asked to.</summary>
    Completed,

    /// <summary>The run stopped after <see cref="SimulationLimits.MaxEvents"/> events.</summary>
    StoppedAtEventLimit,

    /// <summary>The run stopped at <see cref="SimulationLimits.MaxSimulatedTimeNs"/> of simulated time.</summary>
    StoppedAtSimulatedTimeLimit,

    /// <summary>The run stopped when its wall-clock budget, <see cref="SimulationLimits.WallClockBudget"/>, ran out.</summary>
    StoppedAtWallClock,

    /// <summary>The caller's cancellation token was cancelled.</summary>
    Cancelled,

    /// <summary>A queue reached <see cref="SimulationLimits.MaxQueuedItems"/> entries (the model is overloaded or unbounded).</summary>
    StoppedAtMemoryLimit,
}
