namespace DesignDrill.Core.Simulation.Faults;

/// <summary>What a fault kind is aimed at: the word (or words) written right after the kind.</summary>
public enum FaultTargetKind
{
    /// <summary>Nothing: the fault applies to the whole run (<c>traffic-spike factor 3 at 30s</c>).</summary>
    None = 0,

    /// <summary>A component of the design, by name (<c>cache-flush cache at 60s</c>).</summary>
    Component,

    /// <summary>An availability zone, by name (<c>lose-zone us-east-1a at 60s</c>).</summary>
    Zone,

    /// <summary>An edge between two components, <c>from-&gt;to</c> (<c>edge-latency api-&gt;db 50ms at 10s</c>).</summary>
    Edge,

    /// <summary>A component or an edge (<c>packet-loss db 5% at 10s</c>, <c>packet-loss api-&gt;db 5% at 10s</c>).</summary>
    ComponentOrEdge,

    /// <summary>One or more components separated by commas (<c>partition cache,db at 30s</c>).</summary>
    ComponentSet,
}
