namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Least connections: each request goes to the routable node with the fewest requests in flight
/// (<see cref="ILoadBalancer.InFlight"/>); ties are broken uniformly at random among the tied nodes.
/// </summary>
/// <remarks>
/// <para>
/// <b>Ties.</b> Breaking ties by lowest index would send every request of a lightly loaded system (where most nodes sit
/// at 0 in flight) to node 0, and its utilisation would differ from its peers' for no reason in the model; HAProxy's
/// <c>leastconn</c> rotates among equal nodes and nginx's <c>least_conn</c> falls back to round robin for the same
/// reason. A uniform choice among the tied nodes has the same effect: one pass finds the least count and lists the
/// nodes that share it (k of them) in a buffer of N entries allocated once, and one draw picks among them. When only
/// one node has the least count no random number is drawn.
/// </para>
/// <para>
/// Cost: O(N) per pick (one scan of the flags and in-flight counts), about 1–3 ns per node; designs have
/// tens of replicas. −1 when no node is routable. No allocation.
/// </para>
/// </remarks>
public sealed class LeastConnectionsBalancer : LoadBalancerBase
{
    private readonly int[] _tied;

    /// <summary>Creates a least-connections balancer.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="LoadBalancerBase.MaxNodeCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is out of range.</exception>
    public LeastConnectionsBalancer(int nodeCount)
        : base(nodeCount)
    {
        _tied = new int[nodeCount];
    }

    /// <inheritdoc/>
    public override int Pick(long keyHash, SimRandom random)
    {
        var routable = RoutableFlags;
        var inFlight = InFlightCounts;
        var tied = _tied;
        var least = int.MaxValue;
        var tiedCount = 0;
        for (var node = 0; node < routable.Length && node < inFlight.Length; node++)
        {
            if (!routable[node])
            {
                continue;
            }

            var load = inFlight[node];
            if (load < least)
            {
                least = load;
                tiedCount = 0;
            }

            if (load == least && tiedCount < tied.Length)
            {
                tied[tiedCount] = node;
                tiedCount++;
            }
        }

        return tiedCount switch
        {
            0 => -1,
            1 => tied[0],
            _ => tied[random.Below(tiedCount)],
        };
    }
}
