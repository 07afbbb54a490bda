namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// The kinds of fault a simulation can inject, each written in scenarios as its kebab-case name
/// (<see cref="FaultCatalog"/>); the effect of each is documented on its <see cref="FaultSpec"/> record.
/// </summary>
public enum FaultKind
{
    /// <summary><c>kill-replicas</c>: some replicas of a component crash (<see cref="KillReplicasFault"/>).</summary>
    KillReplicas = 0,

    /// <summary><c>kill-node</c>: one replica, by index, crashes (<see cref="KillNodeFault"/>).</summary>
    KillNode,

    /// <summary><c>lose-zone</c>: an availability zone goes dark (<see cref="LoseZoneFault"/>).</summary>
    LoseZone,

    /// <summary><c>slow-node</c>: one replica serves slower (<see cref="SlowNodeFault"/>).</summary>
    SlowNode,

    /// <summary><c>edge-latency</c>: calls on one edge take longer (<see cref="EdgeLatencyFault"/>).</summary>
    EdgeLatency,

    /// <summary><c>packet-loss</c>: packets to a component or on an edge are lost (<see cref="PacketLossFault"/>).</summary>
    PacketLoss,

    /// <summary><c>partition</c>: a set of components is cut off from the rest (<see cref="PartitionFault"/>).</summary>
    Partition,

    /// <summary><c>cache-flush</c>: a cache loses its contents (<see cref="CacheFlushFault"/>).</summary>
    CacheFlush,

    /// <summary><c>primary-failure</c>: a database primary dies and a replica is promoted (<see cref="PrimaryFailureFault"/>).</summary>
    PrimaryFailure,

    /// <summary><c>replication-lag</c>: replicas fall behind the primary (<see cref="ReplicationLagFault"/>).</summary>
    ReplicationLag,

    /// <summary><c>disk-full</c>: writes fail for lack of space (<see cref="DiskFullFault"/>).</summary>
    DiskFull,

    /// <summary><c>consumer-stopped</c>: the consumers of a queue or stream stop (<see cref="ConsumerStoppedFault"/>).</summary>
    ConsumerStopped,

    /// <summary><c>thread-pool-exhaustion</c>: most workers of a component are stuck (<see cref="ThreadPoolExhaustionFault"/>).</summary>
    ThreadPoolExhaustion,

    /// <summary><c>transient-errors</c>: a fraction of requests fail with retryable errors (<see cref="TransientErrorsFault"/>).</summary>
    TransientErrors,

    /// <summary><c>dependency-timeout</c>: a component accepts calls and never answers (<see cref="DependencyTimeoutFault"/>).</summary>
    DependencyTimeout,

    /// <summary><c>hot-key</c>: one key takes a share of the traffic (<see cref="HotKeyFault"/>).</summary>
    HotKey,

    /// <summary><c>thundering-herd</c>: a cache's keys expire together (<see cref="ThunderingHerdFault"/>).</summary>
    ThunderingHerd,

    /// <summary><c>rolling-deploy</c>: replicas restart batch by batch (<see cref="RollingDeployFault"/>).</summary>
    RollingDeploy,

    /// <summary><c>bad-config</c>: a bad configuration makes a fraction of requests fail for good (<see cref="BadConfigFault"/>).</summary>
    BadConfig,

    /// <summary><c>traffic-spike</c>: every flow's offered load is multiplied (<see cref="TrafficSpikeFault"/>).</summary>
    TrafficSpike,
}
