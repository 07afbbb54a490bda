namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// The common part of the simulator's load balancers: the routable flags, the requests in flight per node, and a dense
/// list of the routable nodes so a strategy can draw a uniform routable node in O(1). A subclass supplies only
/// <see cref="Pick"/>.
/// </summary>
/// <remarks>
/// Memory: three <see cref="int"/> arrays and one <see cref="bool"/> array of N entries (13 bytes per node). Marking a
/// node up or down is O(1): the dense list swaps the node with its last entry, so its order is not the index order.
/// </remarks>
public abstract class LoadBalancerBase : ILoadBalancer
{
    private readonly bool[] _routable;
    private readonly int[] _inFlight;
    private readonly int[] _routableNodes;
    private readonly int[] _positionInRoutable;

    /// <summary>Creates a balancer over <paramref name="nodeCount"/> nodes, all routable and idle.</summary>
    /// <param name="nodeCount">The number of nodes N; from 1 to <see cref="MaxNodeCount"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nodeCount"/> is out of range.</exception>
    protected LoadBalancerBase(int nodeCount)
    {
        if (nodeCount is < 1 or > MaxNodeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(nodeCount), nodeCount,
                $"A load balancer needs between 1 and {MaxNodeCount:N0} nodes (replicas) behind it.");
        }

        _routable = new bool[nodeCount];
        _inFlight = new int[nodeCount];
        _routableNodes = new int[nodeCount];
        _positionInRoutable = new int[nodeCount];
        for (var i = 0; i < nodeCount; i++)
        {
            _routable[i] = true;
            _routableNodes[i] = i;
            _positionInRoutable[i] = i;
        }

        RoutableCount = nodeCount;
    }

    /// <summary>
    /// The most nodes one balancer takes: 1,048,576 (2^20). Rule of thumb: a thousand times the largest replica counts
    /// of interview designs; an absurd replica count ends in a clear message instead of exhausting memory.
    /// </summary>
    public const int MaxNodeCount = 1 << 20;

    /// <inheritdoc/>
    public int NodeCount => _routable.Length;

    /// <inheritdoc/>
    public int RoutableCount { get; private set; }

    /// <inheritdoc/>
    public abstract int Pick(long keyHash, SimRandom random);

    /// <inheritdoc/>
    public void OnStart(int node)
    {
        CheckNode(node);
        _inFlight[node]++;
    }

    /// <inheritdoc/>
    public void OnFinish(int node)
    {
        CheckNode(node);
        if (_inFlight[node] == 0)
        {
            throw new InvalidOperationException(
                $"Node {node} has no request in flight: every OnFinish must follow an OnStart on the same node.");
        }

        _inFlight[node]--;
    }

    /// <inheritdoc/>
    public bool IsRoutable(int node)
    {
        CheckNode(node);
        return _routable[node];
    }

    /// <inheritdoc/>
    public void SetRoutable(int node, bool routable)
    {
        CheckNode(node);
        if (_routable[node] == routable)
        {
            return;
        }

        _routable[node] = routable;
        if (routable)
        {
            _routableNodes[RoutableCount] = node;
            _positionInRoutable[node] = RoutableCount;
            RoutableCount++;
        }
        else
        {
            RoutableCount--;
            var last = _routableNodes[RoutableCount];
            var position = _positionInRoutable[node];
            _routableNodes[position] = last;
            _positionInRoutable[last] = position;
        }
    }

    /// <inheritdoc/>
    public int InFlight(int node)
    {
        CheckNode(node);
        return _inFlight[node];
    }

    /// <summary>Whether node <paramref name="node"/> is routable, without the range check (for strategies' loops).</summary>
    /// <param name="node">The node index; in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The flag.</returns>
    protected bool RoutableAt(int node) => _routable[node];

    /// <summary>The in-flight count of <paramref name="node"/>, without the range check (for strategies' loops).</summary>
    /// <param name="node">The node index; in [0, <see cref="NodeCount"/>).</param>
    /// <returns>The count.</returns>
    protected int InFlightAt(int node) => _inFlight[node];

    /// <summary>The routable flag of every node, indexed by node (for strategies' scans, without range checks).</summary>
    protected ReadOnlySpan<bool> RoutableFlags => _routable;

    /// <summary>The in-flight count of every node, indexed by node (for strategies' scans, without range checks).</summary>
    protected ReadOnlySpan<int> InFlightCounts => _inFlight;

    /// <summary>
    /// The <paramref name="index"/>-th routable node in the dense list (an arbitrary but deterministic order), so a
    /// uniform index in [0, <see cref="RoutableCount"/>) gives a uniform routable node.
    /// </summary>
    /// <param name="index">In [0, <see cref="RoutableCount"/>).</param>
    /// <returns>The node index.</returns>
    protected int RoutableNode(int index) => _routableNodes[index];

    private void CheckNode(int node)
    {
        if (node < 0 || node >= _routable.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(node), node,
                $"Nodes are numbered 0 to {_routable.Length - 1}.");
        }
    }
}
