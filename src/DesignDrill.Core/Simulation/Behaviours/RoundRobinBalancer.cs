namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Round robin: requests go to nodes 0, 1, …, N − 1, 0, 1, … in turn, skipping nodes marked down. It ignores load and
/// keys and draws no random numbers.
/// </summary>
/// <remarks>
/// The cursor remembers the node after the last one picked, so with all nodes up each node gets every N-th request
/// exactly, and when a node goes down its turn passes to the next routable node (which therefore gets two turns in a
/// row): the classic behaviour of nginx's and HAProxy's unweighted round robin. Cost: O(1) per pick while all nodes are
/// up; a run of d consecutive down nodes costs d extra steps; −1 at once when none is routable. No allocation.
/// </remarks>
public sealed class RoundRobinBalancer : LoadBalancerBase
{
    private int _next;

    /// <summary>Creates a round-robin balancer; the first pick is node 0.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="LoadBalancerBase.MaxNodeCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is out of range.</exception>
    public RoundRobinBalancer(int nodeCount)
        : base(nodeCount)
    {
    }

    /// <inheritdoc/>
    public override int Pick(long keyHash, SimRandom random)
    {
        if (RoutableCount == 0)
        {
            return -1;
        }

        var n = NodeCount;
        var node = _next;
        while (!RoutableAt(node))
        {
            node = node + 1 == n ? 0 : node + 1;
        }

        _next = node + 1 == n ? 0 : node + 1;
        return node;
    }
}
