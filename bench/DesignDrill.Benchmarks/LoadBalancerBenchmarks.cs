using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Cost of one load-balancing decision in the simulator: 1,000,000 picks over 100 nodes, 10 of them marked down, with
/// 64 requests kept in flight (each pick finishes the oldest request and starts the new one, so the in-flight counts
/// move as in a run). Each operation is one pick with its <c>OnFinish</c> and <c>OnStart</c>
/// (<c>OperationsPerInvoke</c>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LoadBalancerBenchmarks
{
    private const int Picks = 1_000_000;
    private const int Nodes = 100;
    private const int InFlight = 64;

    private readonly int[] _inFlight = new int[InFlight];
    private ILoadBalancer _balancer = new RoundRobinBalancer(1);
    private SimRandom _random = new(1);

    /// <summary>The balancer measured: round-robin, random, least-connections, p2c or hash (160 points per node).</summary>
    [Params("round-robin", "random", "least-connections", "p2c", "hash")]
    public string Kind { get; set; } = "round-robin";

    /// <summary>Builds the balancer, marks every tenth node down and starts the first 64 requests.</summary>
    [IterationSetup]
    public void Setup()
    {
        _balancer = Kind switch
        {
            "round-robin" => new RoundRobinBalancer(Nodes),
            "random" => new RandomBalancer(Nodes),
            "least-connections" => new LeastConnectionsBalancer(Nodes),
            "p2c" => new PowerOfTwoChoicesBalancer(Nodes),
            "hash" => new ConsistentHashBalancer(Nodes),
            _ => throw new InvalidOperationException($"Unknown balancer {Kind}."),
        };
        _random = new SimRandom(1);
        for (var node = 0; node < Nodes; node += 10)
        {
            _balancer.SetRoutable(node, false);
        }

        for (var i = 0; i < InFlight; i++)
        {
            _inFlight[i] = _balancer.Pick(i, _random);
            _balancer.OnStart(_inFlight[i]);
        }
    }

    /// <summary>Makes the picks and returns the sum of the nodes chosen, so the work cannot be optimised away.</summary>
    /// <returns>The sum of node indices.</returns>
    [Benchmark(OperationsPerInvoke = Picks)]
    public long PickOneMillion()
    {
        var balancer = _balancer;
        var random = _random;
        long sum = 0;
        for (var i = 0; i < Picks; i++)
        {
            var slot = i & (InFlight - 1);
            balancer.OnFinish(_inFlight[slot]);
            var node = balancer.Pick(i * 2_654_435_761L, random);
            balancer.OnStart(node);
            _inFlight[slot] = node;
            sum += node;
        }

        return sum;
    }
}
