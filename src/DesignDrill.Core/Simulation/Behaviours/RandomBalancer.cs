namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Random: each request goes to a routable node drawn uniformly, independently of load and key. The baseline that
/// <see cref="PowerOfTwoChoicesBalancer"/> improves on: with m requests on n nodes and none finishing (balls into bins),
/// the busiest node holds about m/n + √(2 (m/n) ln n) (Raab and Steger, "Balls into bins — a simple and tight analysis",
/// RANDOM 1998), so its excess over the mean grows with m.
/// </summary>
/// <remarks>Cost: one uniform draw and O(1) per pick; −1 when no node is routable. No allocation.</remarks>
public sealed class RandomBalancer : LoadBalancerBase
{
    /// <summary>Creates a random balancer.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="LoadBalancerBase.MaxNodeCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is out of range.</exception>
    public RandomBalancer(int nodeCount)
        : base(nodeCount)
    {
    }

    /// <inheritdoc/>
    public override int Pick(long keyHash, SimRandom random) =>
        RoutableCount == 0 ? -1 : RoutableNode(random.Below(RoutableCount));
}
