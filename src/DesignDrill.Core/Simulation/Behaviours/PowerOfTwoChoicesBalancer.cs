namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Power of two choices: each request draws two distinct routable nodes uniformly at random and goes to the one with
/// fewer requests in flight (the first drawn on a tie). With one routable node it goes there.
/// </summary>
/// <remarks>
/// <para>
/// M. Mitzenmacher, "The power of two choices in randomized load balancing", IEEE Transactions on Parallel and
/// Distributed Systems 12(10):1094–1104, 2001: in the supermarket model (Poisson arrivals, exponential service, n
/// queues) two choices make the tail of queue lengths fall doubly exponentially instead of geometrically. For m requests
/// on n nodes with none finishing (balls into bins), the busiest node exceeds the mean by ln ln n / ln 2 + O(1) whatever
/// m is (Azar, Broder, Karlin and Upfal, "Balanced allocations", SIAM J. Computing 29(1), 1999; Berenbrink, Czumaj,
/// Steger and Vöcking, STOC 2000, for m ≫ n), against about √(2 (m/n) ln n) for one random choice
/// (<see cref="RandomBalancer"/>). It is the default of Envoy's and Finagle's least-request balancers because it needs
/// only two counters per request, not a scan of all N like <see cref="LeastConnectionsBalancer"/>.
/// </para>
/// <para>Cost: two uniform draws and O(1) per pick; −1 when no node is routable. No allocation.</para>
/// </remarks>
public sealed class PowerOfTwoChoicesBalancer : LoadBalancerBase
{
    /// <summary>Creates a power-of-two-choices balancer.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="LoadBalancerBase.MaxNodeCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is out of range.</exception>
    public PowerOfTwoChoicesBalancer(int nodeCount)
        : base(nodeCount)
    {
    }

    /// <inheritdoc/>
    public override int Pick(long keyHash, SimRandom random)
    {
        var k = RoutableCount;
        if (k <= 1)
        {
            return k == 0 ? -1 : RoutableNode(0);
        }

        // Two distinct positions: the second is drawn from the k − 1 others by skipping over the first.
        var i = random.Below(k);
        var j = random.Below(k - 1);
        if (j >= i)
        {
            j++;
        }

        var a = RoutableNode(i);
        var b = RoutableNode(j);
        return InFlightAt(b) < InFlightAt(a) ? b : a;
    }
}
