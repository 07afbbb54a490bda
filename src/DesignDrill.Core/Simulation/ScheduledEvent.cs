namespace DesignDrill.Core.Simulation;

/// <summary>An entry of an <see cref="EventQueue{TPayload}"/>: when it fires, its place among events at the same time, and what it carries.</summary>
/// <typeparam name="TPayload">The model's event data, a value type.</typeparam>
/// <param name="TimeNs">The simulated time at which the event fires, in nanoseconds (<see cref="SimTime"/>).</param>
/// <param name="Sequence">
/// The order in which the event was scheduled (0 for the first); among events with equal <paramref name="TimeNs"/> the
/// smaller sequence fires first, so ties are first-in first-out and runs are deterministic.
/// </param>
/// <param name="Payload">The model's event data.</param>
public readonly record struct ScheduledEvent<TPayload>(long TimeNs, long Sequence, TPayload Payload)
    where TPayload : struct;
