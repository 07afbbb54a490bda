using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// <c>edge-latency FROM-&gt;TO [added] D at T [for D]</c>: every call from <see cref="EdgeRef.From"/> to
/// <see cref="EdgeRef.To"/> takes <see cref="AddedLatencyNs"/> longer, added once to the round trip (a congested link,
/// a cross-region detour). Calls the other way and on other edges are unchanged; callers whose timeout is shorter than
/// the new latency time out.
/// </summary>
/// <param name="Edge">The edge.</param>
/// <param name="AddedLatencyNs">The latency added to each call's round trip, in nanoseconds.</param>
/// <param name="StartNs">When the latency appears, in nanoseconds.</param>
/// <param name="DurationNs">How long it lasts, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record EdgeLatencyFault(EdgeRef Edge, long AddedLatencyNs, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.EdgeLatency;

    /// <inheritdoc/>
    protected override string? TargetText() => Edge.ToString();

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("added", FaultFormat.Duration(AddedLatencyNs))];
}

/// <summary>
/// <c>packet-loss COMPONENT|FROM-&gt;TO [fraction] P at T [for D]</c>: each call into the component (or on the edge)
/// has its packets lost with probability <see cref="Fraction"/>, independently per attempt. A lost attempt costs one
/// TCP retransmission timeout before it is sent again — 200 ms, Linux's minimum RTO (<c>TCP_RTO_MIN</c>; RFC 6298 §2.4
/// recommends 1 s) — doubling on each further loss (RFC 6298 §5.5), so loss shows as a heavy latency tail, and calls
/// fail when the caller's timeout fires first.
/// </summary>
/// <param name="Component">The component whose incoming calls lose packets, or <see langword="null"/> when <paramref name="Edge"/> is set.</param>
/// <param name="Edge">The edge whose calls lose packets, or <see langword="null"/> when <paramref name="Component"/> is set.</param>
/// <param name="Fraction">The probability that an attempt is lost; above 0 and at most 1.</param>
/// <param name="StartNs">When the loss starts, in nanoseconds.</param>
/// <param name="DurationNs">How long it lasts, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record PacketLossFault(string? Component, EdgeRef? Edge, double Fraction, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.PacketLoss;

    /// <inheritdoc/>
    protected override string? TargetText() => Edge?.ToString() ?? Component;

    /// <inheritdoc/>
    protected override IEnumerable<(string Key, string Value)> ParameterTexts() => [("fraction", FaultFormat.Number(Fraction))];
}

/// <summary>
/// <c>partition A,B,... at T [for D]</c>: a network partition cuts <see cref="Components"/> off from every other
/// component. Calls across the cut get no answer (callers wait for their timeouts; health checks across it fail, so
/// balancers on one side mark the other side down); calls within each side work. A database whose primary and
/// replicas end up on different sides keeps its primary; replicas cut off from it stop replicating and serve ever
/// staler reads. Listing one component isolates it.
/// </summary>
/// <param name="Components">The components on one side of the cut; at least one, no repeats.</param>
/// <param name="StartNs">When the network splits, in nanoseconds.</param>
/// <param name="DurationNs">How long until it heals, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record PartitionFault(IReadOnlyList<string> Components, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.Partition;

    /// <summary>Equal when the times, span and components (in order) are equal.</summary>
    /// <param name="other">The other fault.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(PartitionFault? other) =>
        other is not null && base.Equals(other) && Components.SequenceEqual(other.Components, StringComparer.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(base.GetHashCode());
        foreach (var component in Components)
        {
            hash.Add(component, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    protected override string? TargetText() => string.Join(',', Components);
}

/// <summary>
/// <c>dependency-timeout COMPONENT at T [for D]</c>: the component accepts connections and requests but never answers
/// (a hung process, a full accept queue behind a live load balancer). Every caller waits for its own timeout and then
/// fails or retries; a caller without a timeout holds a worker until the fault ends, so the stall spreads upstream as
/// thread-pool exhaustion. Health checks that only open a connection still pass.
/// </summary>
/// <param name="Component">The component's name in the design.</param>
/// <param name="StartNs">When it stops answering, in nanoseconds.</param>
/// <param name="DurationNs">How long, in nanoseconds; null for the rest of the run.</param>
/// <param name="Span">Where the fault was written.</param>
public sealed record DependencyTimeoutFault(string Component, long StartNs, long? DurationNs, SourceSpan Span)
    : FaultSpec(StartNs, DurationNs, Span)
{
    /// <inheritdoc/>
    public override FaultKind Kind => FaultKind.DependencyTimeout;

    /// <inheritdoc/>
    protected override string? TargetText() => Component;
}
