using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class LoadBalancerTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kinds => ["round-robin", "random", "least-connections", "p2c", "hash"];

    [Fact]
    public void Should_cycle_round_robin_through_every_node_in_order()
    {
        // Given
        var balancer = new RoundRobinBalancer(4);
        var random = new SimRandom(1);

        // When
        var picks = Enumerable.Range(0, 10).Select(_ => balancer.Pick(0, random)).ToArray();

        // Then
        picks.ShouldBe([0, 1, 2, 3, 0, 1, 2, 3, 0, 1]);
    }

    [Fact]
    public void Should_skip_down_nodes_with_round_robin_and_take_them_back_when_up()
    {
        // Given: node 2 of 4 down after the first two picks.
        var balancer = new RoundRobinBalancer(4);
        var random = new SimRandom(1);
        var first = new[] { balancer.Pick(0, random), balancer.Pick(0, random) };
        balancer.SetRoutable(2, false);

        // When
        var whileDown = Enumerable.Range(0, 6).Select(_ => balancer.Pick(0, random)).ToArray();
        balancer.SetRoutable(2, true);
        var afterwards = Enumerable.Range(0, 4).Select(_ => balancer.Pick(0, random)).ToArray();

        // Then: node 3 takes node 2's turn; node 2 gets its next turn once it is back.
        first.ShouldBe([0, 1]);
        whileDown.ShouldBe([3, 0, 1, 3, 0, 1]);
        afterwards.ShouldBe([2, 3, 0, 1]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_return_minus_one_when_no_node_is_routable_and_the_last_one_when_one_is(string kind)
    {
        // Given
        var balancer = Create(kind, 5);
        var random = new SimRandom(2);
        for (var node = 0; node < 5; node++)
        {
            balancer.SetRoutable(node, false);
        }

        // When
        var none = Enumerable.Range(0, 20).Select(k => balancer.Pick(k, random)).Distinct().ToArray();
        balancer.SetRoutable(3, true);
        var one = Enumerable.Range(0, 20).Select(k => balancer.Pick(k, random)).Distinct().ToArray();

        // Then
        none.ShouldBe([-1]);
        one.ShouldBe([3]);
        balancer.RoutableCount.ShouldBe(1);
    }

    [Fact]
    public void Should_pick_the_least_loaded_routable_node_with_least_connections()
    {
        // Given: in flight 3, 1, 0, 2 on nodes 0–3.
        var balancer = new LeastConnectionsBalancer(4);
        var random = new SimRandom(3);
        int[] loads = [3, 1, 0, 2];
        for (var node = 0; node < loads.Length; node++)
        {
            for (var i = 0; i < loads[node]; i++)
            {
                balancer.OnStart(node);
            }
        }

        // When / Then: node 2, then with node 2 down node 1, then after node 1 finishes its request node 1 again.
        balancer.Pick(0, random).ShouldBe(2);
        balancer.SetRoutable(2, false);
        balancer.Pick(0, random).ShouldBe(1);
        balancer.OnStart(1);
        balancer.OnStart(1);
        balancer.Pick(0, random).ShouldBe(3);
        balancer.OnFinish(1);
        balancer.OnFinish(1);
        balancer.OnFinish(1);
        balancer.Pick(0, random).ShouldBe(1);
        balancer.InFlight(1).ShouldBe(0);
    }

    [Fact]
    public void Should_keep_least_connections_perfectly_balanced_and_break_ties_uniformly()
    {
        // Given
        var busy = new LeastConnectionsBalancer(7);
        var idle = new LeastConnectionsBalancer(7);
        var random = new SimRandom(4);
        var idleCounts = new int[7];

        // When: 7,000 picks that each start a request; 70,000 picks on idle nodes (all tied at 0).
        for (var i = 0; i < 7_000; i++)
        {
            busy.OnStart(busy.Pick(0, random));
        }

        for (var i = 0; i < 70_000; i++)
        {
            idleCounts[idle.Pick(0, random)]++;
        }

        // Then: exactly 1,000 each; ties spread uniformly (expected 10,000 each, σ ≈ 93).
        Enumerable.Range(0, 7).Select(busy.InFlight).ShouldAllBe(load => load == 1_000);
        idleCounts.ShouldAllBe(count => Math.Abs(count - 10_000) < 500);
    }

    [Fact]
    public void Should_hold_the_busiest_node_far_closer_to_the_mean_with_two_choices_than_with_one()
    {
        // Given: balls into bins, 1M picks on 100 nodes, no request finishing (mean load 10,000).
        const int nodes = 100;
        const int picks = 1_000_000;
        var twoChoices = new PowerOfTwoChoicesBalancer(nodes);
        var oneChoice = new RandomBalancer(nodes);
        var random = new SimRandom(5);

        // When
        for (var i = 0; i < picks; i++)
        {
            twoChoices.OnStart(twoChoices.Pick(0, random));
            oneChoice.OnStart(oneChoice.Pick(0, random));
        }

        var twoGap = Enumerable.Range(0, nodes).Max(twoChoices.InFlight) - (picks / nodes);
        var oneGap = Enumerable.Range(0, nodes).Max(oneChoice.InFlight) - (picks / nodes);
        output.WriteLine($"max − mean: two choices {twoGap}, one choice {oneGap}; ln ln n / ln 2 = {Math.Log(Math.Log(nodes)) / Math.Log(2):F2}, √(2 (m/n) ln n) = {Math.Sqrt(2.0 * picks / nodes * Math.Log(nodes)):F0}");

        // Then: two choices stay within a few requests of the mean (ln ln 100 / ln 2 + O(1) ≈ 2.2 + O(1), Azar et al.
        // 1999, Berenbrink et al. 2000), one choice hundreds above it (≈ √(2 (m/n) ln n) ≈ 303, Raab and Steger 1998).
        twoGap.ShouldBeLessThanOrEqualTo(4);
        oneGap.ShouldBeGreaterThan(150);
        oneGap.ShouldBeGreaterThan(30 * twoGap);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Should_not_allocate_per_pick(string kind)
    {
        // Given: 100 nodes, 10 down, 64 requests kept in flight.
        var balancer = Create(kind, 100);
        var random = new SimRandom(6);
        for (var node = 0; node < 100; node += 10)
        {
            balancer.SetRoutable(node, false);
        }

        var inFlight = new int[64];
        for (var i = 0; i < inFlight.Length; i++)
        {
            inFlight[i] = balancer.Pick(i, random);
            balancer.OnStart(inFlight[i]);
        }

        // When: a first run of the same loop lets the JIT finish with it (tiering, on-stack replacement) before the
        // measured run.
        PickMany(balancer, random, inFlight, 10_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        PickMany(balancer, random, inFlight, 1_000_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        // Nothing per operation: a stray one-off runtime allocation (tiered JIT, on-stack replacement) stays far below a byte an operation.
        allocated.ShouldBeLessThan(65_536); // a million operations: one allocation each would be tens of megabytes
        inFlight.ShouldAllBe(node => node % 10 != 0);
    }

    [Fact]
    public void Should_refuse_a_finish_without_a_start_and_nodes_out_of_range()
    {
        // Given
        var balancer = new RoundRobinBalancer(3);

        // When / Then
        Should.Throw<InvalidOperationException>(() => balancer.OnFinish(1)).Message.ShouldContain("OnStart");
        Should.Throw<ArgumentOutOfRangeException>(() => balancer.OnStart(3)).Message.ShouldContain("0 to 2");
        Should.Throw<ArgumentOutOfRangeException>(() => balancer.SetRoutable(-1, true));
        Should.Throw<ArgumentOutOfRangeException>(() => new RoundRobinBalancer(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new LeastConnectionsBalancer(LoadBalancerBase.MaxNodeCount + 1));
    }

    /// <summary>Makes <paramref name="picks"/> picks, each finishing the oldest of the requests in flight.</summary>
    private static void PickMany(ILoadBalancer balancer, SimRandom random, int[] inFlight, int picks)
    {
        for (var i = 0; i < picks; i++)
        {
            var slot = i & 63;
            balancer.OnFinish(inFlight[slot]);
            inFlight[slot] = balancer.Pick(i * 7_919L, random);
            balancer.OnStart(inFlight[slot]);
        }
    }

    /// <summary>Builds the balancer named <paramref name="kind"/> over <paramref name="nodes"/> nodes.</summary>
    internal static ILoadBalancer Create(string kind, int nodes) => kind switch
    {
        "round-robin" => new RoundRobinBalancer(nodes),
        "random" => new RandomBalancer(nodes),
        "least-connections" => new LeastConnectionsBalancer(nodes),
        "p2c" => new PowerOfTwoChoicesBalancer(nodes),
        "hash" => new ConsistentHashBalancer(nodes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown balancer."),
    };
}
