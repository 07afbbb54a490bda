using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// <c>transient-errors COMPONENT [fraction] P at T [for D]</c>: each request the component handles fails fast with a
/// retryable error (an HTTP 503, a throttling response) with probability <see cref="Fraction"/>, independently of
/// every other request and of earlier attempts — so a retry succeeds with probability 1 − P. The failed request
/// still costs a short service time. Clients with retries turn this into extra load (amplification).
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="Fraction">The probability that a request fails; above 0 and at most 1.</param>
/// <param name="StartNs">When the errors start, in nanoseconds.</param>
/// <param name="DurationNs">How long they last, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record TransientErrorsFault(string Component, double Fraction, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.TransientErrors;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("fraction", FaultFormat.Number(Fraction))];
}

/// <summary>
/// <c>bad-config COMPONENT [fraction] P at T [for D]</c>: a bad configuration is pushed to every replica at once at
/// <see cref="FaultSpec.StartNs"/> (no canary). A fraction <see cref="Fraction"/> of requests — chosen by request, not
/// by attempt — fail with a non-retryable error: retrying the same request fails again, so retries only add load.
/// Health checks pass, so no replica is removed. The config is rolled back at <see cref="FaultSpec.EndNs"/>.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="Fraction">The fraction of requests that fail; above 0 and at most 1.</param>
/// <param name="StartNs">When the config is pushed, in nanoseconds.</param>
/// <param name="DurationNs">How long until the rollback, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record BadConfigFault(string Component, double Fraction, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.BadConfig;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("fraction", FaultFormat.Number(Fraction))];
}

/// <summary>
/// <c>traffic-spike [factor] F [ramp D] at T [for D]</c>: every flow's offered rate is multiplied by
/// <see cref="Factor"/> for the window (a flash crowd, a marketing push, a retry storm from outside), climbing linearly
/// from 1x over <see cref="RampUpNs"/> and dropping back at once at the end: the workload becomes
/// <c>shape.WithSpike(Factor, StartNs, duration, RampUpNs)</c> (<see cref="Workloads.SpikeLoad"/>). A factor below 1
/// is a dip. Without <c>for</c> the load stays multiplied until the end of the run.
/// </summary>
/// <param name="Factor">The load multiplier; above 0.</param>
/// <param name="RampUpNs">How long the multiplier takes to climb from 1, in nanoseconds; at most the duration.</param>
/// <param name="StartNs">When the spike starts, in nanoseconds.</param>
/// <param name="DurationNs">How long it lasts, ramp included, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record TrafficSpikeFault(double Factor, long RampUpNs, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.TrafficSpike;

    /// <inheritdoc/>
    protected override string? TargetText() => null;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() =>
        [("factor", FaultFormat.Number(Factor)), ("ramp", FaultFormat.Duration(RampUpNs))];
}
