using System.Runtime.CompilerServices;

namespace DesignDrill.Core.Simulation;

/// <summary>
/// Enforces <see cref="SimulationLimits"/> inside an event loop: cheap checks of the event count, simulated time and
/// queue length on every event, and of the wall clock and cancellation token every
/// <see cref="SimulationLimits.CheckIntervalEvents"/> events.
/// </summary>
/// <remarks>The wall clock is read through a <see cref="TimeProvider"/>, so tests can drive it.</remarks>
public sealed class SimulationBudget
{
    private readonly SimulationLimits _limits;
    private readonly CancellationToken _cancellation;
    private readonly TimeProvider _clock;
    private readonly long _startTimestamp;
    private long _nextSlowCheck;

    /// <summary>Starts the budget of a run (and its wall clock).</summary>
    /// <param name="limits">The limits.</param>
    /// <param name="cancellation">Stops the run when cancelled.</param>
    /// <param name="clock">The wall clock; <see cref="TimeProvider.System"/> when <c>null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range (<see cref="SimulationLimits.Validate"/>).</exception>
    public SimulationBudget(SimulationLimits limits, CancellationToken cancellation = default, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(limits);
        limits.Validate();
        _limits = limits;
        _cancellation = cancellation;
        _clock = clock ?? TimeProvider.System;
        _startTimestamp = _clock.GetTimestamp();
        _nextSlowCheck = limits.CheckIntervalEvents;
    }

    /// <summary>The limits being enforced.</summary>
    public SimulationLimits Limits => _limits;

    /// <summary>Checks the limits before processing an event.</summary>
    /// <param name="eventsProcessed">Events processed so far, not counting the one about to be processed.</param>
    /// <param name="nextTimeNs">The simulated time of the event about to be processed, in nanoseconds.</param>
    /// <param name="status">The limit reached; <see cref="SimulationStatus.Completed"/> when none.</param>
    /// <returns>Whether the run must stop.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool ShouldStop(long eventsProcessed, long nextTimeNs, out SimulationStatus status)
    {
        if (eventsProcessed >= _limits.MaxEvents)
        {
            status = SimulationStatus.StoppedAtEventLimit;
            return true;
        }

        if (nextTimeNs > _limits.MaxSimulatedTimeNs)
        {
            status = SimulationStatus.StoppedAtSimulatedTimeLimit;
            return true;
        }

        if (eventsProcessed >= _nextSlowCheck)
        {
            _nextSlowCheck = eventsProcessed + _limits.CheckIntervalEvents;
            return CheckSlow(out status);
        }

        status = SimulationStatus.Completed;
        return false;
    }

    /// <summary>Checks a queue's length against <see cref="SimulationLimits.MaxQueuedItems"/>.</summary>
    /// <param name="length">The number of entries the queue would hold.</param>
    /// <returns>Whether the length exceeds the limit (the run must stop with <see cref="SimulationStatus.StoppedAtMemoryLimit"/>).</returns>
    public bool IsOverQueueLimit(long length) => length > _limits.MaxQueuedItems;

    /// <summary>Checks the cancellation token and the wall clock now, whatever the event count.</summary>
    /// <param name="status">The limit reached; <see cref="SimulationStatus.Completed"/> when none.</param>
    /// <returns>Whether the run must stop.</returns>
    public bool CheckSlow(out SimulationStatus status)
    {
        if (_cancellation.IsCancellationRequested)
        {
            status = SimulationStatus.Cancelled;
            return true;
        }

        if (_limits.WallClockBudget is { } budget && _clock.GetElapsedTime(_startTimestamp) >= budget)
        {
            status = SimulationStatus.StoppedAtWallClock;
            return true;
        }

        status = SimulationStatus.Completed;
        return false;
    }
}
