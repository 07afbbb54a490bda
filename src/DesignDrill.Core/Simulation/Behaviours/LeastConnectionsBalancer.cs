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
/// reason. A uniform choice among the tied nodes has the same effect without extra state: one pass finds the least
/// count and how many nodes share it (k), one draw picks r in [0, k), and a second pass returns the r-th tied node. When
/// only one node has the least count no random number is drawn.
/// </para>
/// <para>
/// Cost: O(N) per pick (two scans of the in-flight counts at most), which is a few nanoseconds per node; designs have
/// tens of replicas. −1 when no node is routable. No allocation.
/// </para>
/// </remarks>
public sealed class LeastConnectionsBalancer : LoadBalancerBase
{
    /// <summary>Creates a least-connections balancer.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="LoadBalancerBase.MaxNodeCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is out of range.</exception>
    public LeastConnectionsBalancer(int nodeCount)
        : base(nodeCount)
    {
    }

    /// <inheritdoc/>
    public override int Pick(long keyHash, SimRandom random)
    {
        var n = NodeCount;
        var least = int.MaxValue;
        var tied = 0;
        var first = -1;
        for (var node = 0; node < n; node++)
        {
            if (!RoutableAt(node))
            {
                continue;
            }

            var load = InFlightAt(node);
            if (load < least)
            {
                least = load;
                tied = 1;
                first = node;
            }
            else if (load == least)
            {
                tied++;
            }
        }

        if (tied <= 1)
        {
            return first;
        }

        var skip = random.Below(tied);
        for (var node = first; ; node++)
        {
            if (RoutableAt(node) && InFlightAt(node) == least && skip-- == 0)
            {
                return node;
            }
        }
    }
}
