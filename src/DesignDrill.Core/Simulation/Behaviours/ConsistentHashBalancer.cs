namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// Consistent hashing: each node owns <see cref="VirtualNodesPerNode"/> points on a 64-bit hash ring, a request's key
/// is hashed onto the ring, and the request goes to the owner of the first point clockwise (at or after the key's
/// position, wrapping past 2^64 − 1 to 0). A down node's points are skipped, so its keys go to the next routable point
/// clockwise and no other key moves.
/// </summary>
/// <remarks>
/// <para>
/// <b>Model.</b> D. Karger, E. Lehman, T. Leighton, R. Panigrahy, M. Levine and D. Lewin, "Consistent hashing and random
/// trees", STOC 1997: with V points per node each node's share of the ring concentrates around 1/N (Karger et al. take
/// V = O(log N) copies), and adding or removing a node moves only the keys it gains or loses, about 1/N of them. The
/// default V = 160 is ketama's (R. Jones, libketama for memcached clients, Last.fm 2007: 40 MD5 digests per server, four
/// 32-bit points from each), the de-facto standard of memcached and Redis client libraries. A node's share of the ring
/// is the sum of V gaps between consecutive points, whose relative standard deviation is about 1/√V (7.9 % at V = 160).
/// </para>
/// <para>
/// <b>Hashing.</b> Node j's i-th point is the 64-bit SplitMix64 finaliser (S. Vigna, after Stafford's "Mix13") of
/// j × 2^32 + i; a key's position is the same finaliser of the key hash XOR a different constant, so consecutive
/// integer keys (0, 1, 2, …) scatter over the ring. The finaliser is a bijection, so distinct points never collide.
/// Unlike ketama there is no MD5 and the ring is 64-bit, so no two nodes share a point; node identity is the index, so a
/// balancer over N + 1 nodes has all the points of the one over N plus the new node's.
/// </para>
/// <para>
/// <b>Cost.</b> The points are one sorted <see cref="ulong"/> array with a parallel array of owners (12 bytes a point);
/// a pick is a binary search, O(log(N·V)), plus one step per consecutive point of a down node (about V·d/(N − d)
/// steps … in expectation 1/(1 − d/N) points with d of N nodes down). −1 when no node is routable. No allocation.
/// </para>
/// </remarks>
public sealed class ConsistentHashBalancer : LoadBalancerBase
{
    /// <summary>The default points per node: 160, as in ketama (libketama, Last.fm 2007).</summary>
    public const int DefaultVirtualNodesPerNode = 160;

    /// <summary>
    /// The most points on one ring: 16,777,216 (2^24), 192 MiB of ring. Rule of thumb: 100,000 nodes at the default
    /// 160 points, far beyond any interview design, while an absurd replica count ends in a clear message.
    /// </summary>
    public const int MaxRingPoints = 1 << 24;

    private const ulong KeySalt = 0x5851F42D4C957F2D;

    private readonly ulong[] _points;
    private readonly int[] _owners;

    /// <summary>Creates the ring: all nodes routable.</summary>
    /// <param name="nodeCount">The number of nodes N; at least 1.</param>
    /// <param name="virtualNodesPerNode">
    /// The points per node V; at least 1, default <see cref="DefaultVirtualNodesPerNode"/> (160).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="nodeCount"/> or <paramref name="virtualNodesPerNode"/> is below 1, or N × V exceeds
    /// <see cref="MaxRingPoints"/>.
    /// </exception>
    public ConsistentHashBalancer(int nodeCount, int virtualNodesPerNode = DefaultVirtualNodesPerNode)
        : base(nodeCount)
    {
        if (virtualNodesPerNode < 1 || (long)nodeCount * virtualNodesPerNode > MaxRingPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(virtualNodesPerNode), virtualNodesPerNode,
                $"Each node needs at least 1 point on the ring, and nodes × points may be at most {MaxRingPoints:N0} " +
                $"(here {nodeCount:N0} nodes); ketama uses 160 points per node.");
        }

        VirtualNodesPerNode = virtualNodesPerNode;
        var count = nodeCount * virtualNodesPerNode;
        _points = new ulong[count];
        _owners = new int[count];
        var p = 0;
        for (var node = 0; node < nodeCount; node++)
        {
            for (var replica = 0; replica < virtualNodesPerNode; replica++)
            {
                _points[p] = Mix(((ulong)node << 32) | (uint)replica);
                _owners[p] = node;
                p++;
            }
        }

        Array.Sort(_points, _owners);
    }

    /// <summary>The points per node V on the ring.</summary>
    public int VirtualNodesPerNode { get; }

    /// <summary>The position of a key on the ring, in [0, 2^64); the same key always has the same position.</summary>
    /// <param name="keyHash">The key or its hash; any value.</param>
    /// <returns>The position.</returns>
    public static ulong RingPosition(long keyHash) => Mix(unchecked((ulong)keyHash) ^ KeySalt);

    /// <summary>
    /// The fraction of the ring (and so of uniformly hashed keys) that <paramref name="node"/> owns while all nodes are
    /// routable: the sum of the arcs ending at its points. O(N·V).
    /// </summary>
    /// <param name="node">The node index, in [0, <see cref="ILoadBalancer.NodeCount"/>).</param>
    /// <returns>The share, in (0, 1]; the shares of all nodes sum to 1.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is out of range.</exception>
    public double RingShare(int node)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(node);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, NodeCount);
        var share = 0.0;
        for (var p = 0; p < _points.Length; p++)
        {
            if (_owners[p] == node)
            {
                // The arc (previous point, this point]; the first point's arc wraps around from the last point.
                var arc = unchecked(_points[p] - (p == 0 ? _points[^1] : _points[p - 1]));
                share += arc == 0 ? 1.0 : arc / 18446744073709551616.0;
            }
        }

        return share;
    }

    /// <inheritdoc/>
    public override int Pick(long keyHash, SimRandom random)
    {
        if (RoutableCount == 0)
        {
            return -1;
        }

        var position = RingPosition(keyHash);
        var points = _points;

        // Lower bound: the first point ≥ position, or points.Length when the key lies after the last point.
        var lo = 0;
        var hi = points.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (points[mid] < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var index = lo == points.Length ? 0 : lo;
        var owner = _owners[index];
        while (!RoutableAt(owner))
        {
            index = index + 1 == points.Length ? 0 : index + 1;
            owner = _owners[index];
        }

        return owner;
    }

    /// <summary>The SplitMix64 finaliser (a bijection of 64-bit values with full avalanche).</summary>
    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }
}
