namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A load balancer in the simulator: it spreads requests over <see cref="NodeCount"/> nodes (replicas of a service,
/// numbered 0 to N − 1), sending each request only to nodes marked routable. The routable flags are kept by the caller,
/// usually from a <see cref="HealthChecker"/>, so a node that has died keeps receiving requests until its health checks
/// notice (the detection delay). Implementations are deterministic, read no clock and allocate nothing per pick.
/// </summary>
/// <remarks>
/// <para>
/// The engine calls <see cref="Pick"/> for each request, then <see cref="OnStart"/> on the node it sends the request to
/// and <see cref="OnFinish"/> when the response (or a timeout) comes back, so the balancer knows each node's requests in
/// flight; strategies that ignore load (round robin, random, consistent hashing) keep the counts too, for reporting.
/// Calls come from one thread, as the engine's event loop makes them.
/// </para>
/// <para>Implementations: <see cref="RoundRobinBalancer"/>, <see cref="RandomBalancer"/>,
/// <see cref="LeastConnectionsBalancer"/>, <see cref="PowerOfTwoChoicesBalancer"/> and
/// <see cref="ConsistentHashBalancer"/>; docs/simulation-load-balancing.md compares them.</para>
/// </remarks>
public interface ILoadBalancer
{
    /// <summary>The number of nodes N behind the balancer; at least 1.</summary>
    int NodeCount { get; }

    /// <summary>The number of nodes currently marked routable; between 0 and <see cref="NodeCount"/>.</summary>
    int RoutableCount { get; }

    /// <summary>Chooses the node for the next request.</summary>
    /// <param name="keyHash">
    /// The request's key (or any 64-bit hash of it), used only by key-affine strategies such as consistent hashing;
    /// other strategies ignore it. The same key always reaches the same node while the routable set is unchanged.
    /// </param>
    /// <param name="random">The run's random source, drawn from only by randomised strategies.</param>
    /// <returns>A node index in [0, <see cref="NodeCount"/>) that is routable, or −1 when no node is routable.</returns>
    int Pick(long keyHash, SimRandom random);

    /// <summary>Records that a request was sent to <paramref name="node"/> (one more in flight).</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    void OnStart(int node);

    /// <summary>Records that a request on <paramref name="node"/> finished (one fewer in flight).</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    /// <exception cref="InvalidOperationException">
    /// The node has no request in flight (a bug in the caller: every finish must follow a start).
    /// </exception>
    void OnFinish(int node);

    /// <summary>Whether <paramref name="node"/> is currently marked routable (all nodes start routable).</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <returns><see langword="true"/> when <see cref="Pick"/> may choose the node.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    bool IsRoutable(int node);

    /// <summary>Marks <paramref name="node"/> routable (up) or not (down); the health checker's verdict.</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <param name="routable"><see langword="true"/> to send requests to the node again.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    void SetRoutable(int node, bool routable);

    /// <summary>The requests in flight on <paramref name="node"/>: starts minus finishes.</summary>
    /// <param name="node">The node index, in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The count; never negative.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    int InFlight(int node);
}
