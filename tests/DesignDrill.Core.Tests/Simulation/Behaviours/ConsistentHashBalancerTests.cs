using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class ConsistentHashBalancerTests(ITestOutputHelper output)
{
    private const int Keys = 1_000_000;
    private static readonly SimRandom Unused = new(0);

    [Fact]
    public void Should_spread_a_million_keys_within_the_documented_bound_per_node_with_160_points()
    {
        // Given
        const int nodes = 10;
        var ring = new ConsistentHashBalancer(nodes, virtualNodesPerNode: 160);

        // When
        var counts = CountPerNode(ring, nodes);
        var deviations = counts.Select(c => (c / (Keys / (double)nodes)) - 1).ToArray();
        output.WriteLine("deviation per node: " + string.Join(", ", deviations.Select(d => $"{d:+0.0%;-0.0%}")));
        output.WriteLine($"max |deviation| {deviations.Max(Math.Abs):P1}; 1/√V = {1 / Math.Sqrt(160):P1}");

        // Then: within ±X % of the mean (1/√160 ≈ 7.9 % is one standard deviation of a node's share), and each node's
        // key count agrees with its share of the ring to within sampling error (σ ≈ 300 keys).
        deviations.ShouldAllBe(d => Math.Abs(d) <= MaxDeviation);
        for (var node = 0; node < nodes; node++)
        {
            ((double)counts[node]).ShouldBe(ring.RingShare(node) * Keys, 1_500);
        }

        Enumerable.Range(0, nodes).Sum(ring.RingShare).ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void Should_spread_keys_more_evenly_with_more_points_per_node()
    {
        // Given
        const int nodes = 10;

        // When
        var spread = new[] { 1, 10, 160, 1_000 }
            .Select(v => CountPerNode(new ConsistentHashBalancer(nodes, v), nodes))
            .Select(counts => counts.Max(c => Math.Abs((c / (Keys / (double)nodes)) - 1)))
            .ToArray();
        output.WriteLine("max |deviation| for V = 1, 10, 160, 1000: " + string.Join(", ", spread.Select(s => $"{s:P1}")));

        // Then
        spread[0].ShouldBeGreaterThan(spread[2]);
        spread[1].ShouldBeGreaterThan(spread[2]);
        spread[3].ShouldBeLessThan(0.1);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(5, 0)]
    [InlineData(20, 19)]
    public void Should_move_only_the_keys_of_a_removed_node_about_one_nth_of_them(int nodes, int removed)
    {
        // Given
        var ring = new ConsistentHashBalancer(nodes);
        var before = Assign(ring);

        // When
        ring.SetRoutable(removed, false);
        var after = Assign(ring);
        var moved = Enumerable.Range(0, Keys).Where(k => before[k] != after[k]).ToArray();
        output.WriteLine($"N = {nodes}: moved {moved.Length / (double)Keys:P2} of keys (1/N = {1.0 / nodes:P2})");

        // Then: exactly the removed node's keys move, and they are between 0.5/N and 1.5/N of all keys.
        moved.ShouldAllBe(k => before[k] == removed);
        moved.Length.ShouldBe(before.Count(n => n == removed));
        after.ShouldNotContain(removed);
        ((double)moved.Length / Keys).ShouldBeInRange(0.5 / nodes, 1.5 / nodes);

        // And when it comes back, every key returns to where it was.
        ring.SetRoutable(removed, true);
        Assign(ring).ShouldBe(before);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(4)]
    public void Should_move_about_one_in_n_plus_one_keys_all_to_an_added_node(int nodes)
    {
        // Given
        var before = Assign(new ConsistentHashBalancer(nodes));

        // When
        var after = Assign(new ConsistentHashBalancer(nodes + 1));
        var moved = Enumerable.Range(0, Keys).Where(k => before[k] != after[k]).ToArray();
        output.WriteLine($"N = {nodes} → {nodes + 1}: moved {moved.Length / (double)Keys:P2} (1/(N+1) = {1.0 / (nodes + 1):P2})");

        // Then
        moved.ShouldAllBe(k => after[k] == nodes);
        ((double)moved.Length / Keys).ShouldBeInRange(0.5 / (nodes + 1), 1.5 / (nodes + 1));
    }

    [Fact]
    public void Should_send_a_key_to_the_same_node_every_time_and_refuse_an_absurd_ring()
    {
        // Given
        var ring = new ConsistentHashBalancer(7, 3);

        // When
        var first = Enumerable.Range(0, 1_000).Select(k => ring.Pick(k, Unused)).ToArray();
        var second = Enumerable.Range(0, 1_000).Select(k => ring.Pick(k, Unused)).ToArray();

        // Then
        second.ShouldBe(first);
        ring.Pick(long.MinValue, Unused).ShouldBeInRange(0, 6);
        Should.Throw<ArgumentOutOfRangeException>(() => new ConsistentHashBalancer(200_000, 160)).Message
            .ShouldContain("16,777,216");
        Should.Throw<ArgumentOutOfRangeException>(() => new ConsistentHashBalancer(3, 0));
    }

    /// <summary>
    /// The bound asserted on the per-node spread for N = 10, V = 160 and keys 0 to 999,999: the worst node measured is
    /// +11.4 % (docs/simulation-load-balancing.md), about 1.4 standard deviations (1/√160 = 7.9 %) as expected of the
    /// largest of 10; the bound leaves room for the 1M-key sampling error (0.3 %) only, so a change of the hashing that
    /// spreads keys worse fails the test.
    /// </summary>
    internal const double MaxDeviation = 0.12;

    private static int[] CountPerNode(ConsistentHashBalancer ring, int nodes)
    {
        var counts = new int[nodes];
        for (var key = 0; key < Keys; key++)
        {
            counts[ring.Pick(key, Unused)]++;
        }

        return counts;
    }

    private static int[] Assign(ConsistentHashBalancer ring)
    {
        var nodes = new int[Keys];
        for (var key = 0; key < Keys; key++)
        {
            nodes[key] = ring.Pick(key, Unused);
        }

        return nodes;
    }
}
