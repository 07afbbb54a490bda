using System.Globalization;

namespace DesignDrill.Core.Simulation;

/// <summary>How a run ended, with a message for the person who ran it.</summary>
/// <param name="Status">Why the run stopped.</param>
/// <param name="Message">One sentence: what happened and, for a limit, what to change.</param>
/// <param name="EventsProcessed">The number of events the run processed.</param>
/// <param name="SimulatedTimeNs">The simulated time the run reached, in nanoseconds.</param>
public sealed record SimulationOutcome(SimulationStatus Status, string Message, long EventsProcessed, long SimulatedTimeNs)
{
    /// <summary>Whether the run simulated everything it was asked to.</summary>
    public bool IsComplete => Status == SimulationStatus.Completed;

    /// <summary>Builds the outcome of a run, with the standard message for its status.</summary>
    /// <param name="status">Why the run stopped.</param>
    /// <param name="limits">The limits the run had.</param>
    /// <param name="eventsProcessed">The number of events processed.</param>
    /// <param name="simulatedTimeNs">The simulated time reached, in nanoseconds.</param>
    /// <returns>The outcome.</returns>
    public static SimulationOutcome Create(SimulationStatus status, SimulationLimits limits, long eventsProcessed, long simulatedTimeNs)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var at = string.Create(CultureInfo.InvariantCulture,
            $"after {eventsProcessed:N0} events and {SimTime.ToSeconds(simulatedTimeNs):0.###} simulated seconds");
        var message = status switch
        {
            SimulationStatus.Completed => $"The run completed {at}.",
            SimulationStatus.StoppedAtEventLimit => string.Create(CultureInfo.InvariantCulture,
                $"The run stopped at its limit of {limits.MaxEvents:N0} events {at}; simulate fewer requests or raise the event limit."),
            SimulationStatus.StoppedAtSimulatedTimeLimit => string.Create(CultureInfo.InvariantCulture,
                $"The run stopped at its limit of {SimTime.ToSeconds(limits.MaxSimulatedTimeNs):0.###} simulated seconds {at}; the arrival rate may be too low for the number of requests asked for."),
            SimulationStatus.StoppedAtWallClock => string.Create(CultureInfo.InvariantCulture,
                $"The run stopped when its wall-clock budget of {limits.WallClockBudget?.TotalSeconds:0.###} s ran out {at}; simulate fewer requests or allow more time."),
            SimulationStatus.Cancelled => $"The run was cancelled {at}.",
            SimulationStatus.StoppedAtMemoryLimit => string.Create(CultureInfo.InvariantCulture,
                $"The run stopped when a queue reached its limit of {limits.MaxQueuedItems:N0} entries {at}; the load probably exceeds the capacity (utilisation at or above 1)."),
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown simulation status."),
        };
        return new SimulationOutcome(status, message, eventsProcessed, simulatedTimeNs);
    }
}
