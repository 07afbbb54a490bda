namespace DesignDrill.Core.Simulation;

/// <summary>
/// Bounds on one simulation run, so that no input can hang the process or exhaust its memory. A run that reaches one
/// stops cleanly and reports it (<see cref="SimulationStatus"/>, <see cref="SimulationOutcome"/>).
/// </summary>
/// <param name="MaxEvents">The most events a run processes; at least 1. Default 10^10 (rule of thumb: about 20 minutes at 8M events/s).</param>
/// <param name="MaxSimulatedTimeNs">
/// The latest simulated time a run reaches, in nanoseconds; at least 1. Default <see cref="SimTime.MaxNs"/> (≈ 292 years).
/// </param>
/// <param name="WallClockBudget">The wall-clock time a run may take; <c>null</c> for none (the default).</param>
/// <param name="MaxQueuedItems">
/// The most entries any one queue of the model (waiting customers, the event list) may hold; at least 1. Default
/// 10,000,000 (rule of thumb: 80–250 MB at 8–24 bytes an entry), reached only by an overloaded or unbounded model.
/// </param>
/// <param name="CheckIntervalEvents">
/// How many events pass between checks of the wall clock and the cancellation token; at least 1. Default 16,384 (rule
/// of thumb: a few milliseconds of work, so a stop is prompt and the checks cost nothing measurable).
/// </param>
public sealed record SimulationLimits(
    long MaxEvents = SimulationLimits.DefaultMaxEvents,
    long MaxSimulatedTimeNs = SimTime.MaxNs,
    TimeSpan? WallClockBudget = null,
    int MaxQueuedItems = SimulationLimits.DefaultMaxQueuedItems,
    int CheckIntervalEvents = SimulationLimits.DefaultCheckIntervalEvents)
{
    /// <summary>The default <see cref="MaxEvents"/>: 10^10 (rule of thumb).</summary>
    public const long DefaultMaxEvents = 10_000_000_000;

    /// <summary>The default <see cref="MaxQueuedItems"/>: 10,000,000 (rule of thumb).</summary>
    public const int DefaultMaxQueuedItems = 10_000_000;

    /// <summary>The default <see cref="CheckIntervalEvents"/>: 16,384 (rule of thumb).</summary>
    public const int DefaultCheckIntervalEvents = 16_384;

    /// <summary>The defaults: 10^10 events, ≈ 292 years, no wall-clock budget, 10M queued items.</summary>
    public static SimulationLimits Default { get; } = new();

    /// <summary>Checks that every limit is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is below 1 or the wall-clock budget is negative.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEvents, 1, nameof(MaxEvents));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSimulatedTimeNs, 1, nameof(MaxSimulatedTimeNs));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxQueuedItems, 1, nameof(MaxQueuedItems));
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckIntervalEvents, 1, nameof(CheckIntervalEvents));
        if (WallClockBudget is { } budget && budget < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(WallClockBudget), budget, "The wall-clock budget must not be negative.");
        }
    }
}
