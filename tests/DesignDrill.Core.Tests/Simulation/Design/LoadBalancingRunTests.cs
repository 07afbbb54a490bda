using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>
/// A load balancer's strategy picks the node of each call when a per-node fault makes the service's nodes differ: the
/// service then runs one station per node, and least connections and power of two choices steer around a slow node
/// that round robin keeps feeding.
/// </summary>
public sealed class LoadBalancingRunTests(ITestOutputHelper output)
{
    // Four nodes of one server each (250 rps at 4 ms), 60% busy; node 0 turns 5 times slower (50/s) from 10 s to 50 s.
    private const string Design = """
        ## Architecture
        ```
        lb: load_balancer{0}
        api: service x4, 250 rps each, 4 ms
        flow read at 600/s, read: client -> lb -> api
        ```
        """;

    private static DesignSimulationReport Run(string strategy, string fault = "slow-node api factor 5 index 0 at 10s for 40s") =>
        DesignSimulator.Run(DesignReviewer.Review(string.Format(CultureInfo.InvariantCulture, Design, strategy)), new DesignSimulationOptions
        {
            DurationSeconds = 60,
            WarmUpSeconds = 5,
            Seed = 41,
            Faults = [FaultParser.Parse(fault).Fault!],
        });

    [Fact]
    public void Should_give_the_slow_node_fewer_requests_and_a_shorter_tail_with_least_connections_than_with_round_robin()
    {
        // When
        var roundRobin = Run(", round_robin");
        var leastConnections = Run(", least_connections");
        var twoChoices = Run(", power_of_two");
        foreach (var (name, run) in new[] { ("round robin", roundRobin), ("least connections", leastConnections), ("power of two choices", twoChoices) })
        {
            var read = run.FindFlow("read")!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: p99 {read.LatencyP99Seconds.Value * 1000:0.0} ms, failed {read.Failed:N0}, node jobs {string.Join(" / ", run.Components.Where(c => c.Name.StartsWith("api#", StringComparison.Ordinal)).Select(c => c.Jobs.ToString("N0", CultureInfo.InvariantCulture)))}"));
        }

        // Then: each strategy ran the service node by node
        roundRobin.Components.Select(c => c.Name).ShouldBe(["lb", "api#0", "api#1", "api#2", "api#3"]);

        // And: round robin sends the slow node its quarter (150/s against 50/s it can serve): its line fills and the tail
        // stretches to seconds; the load-aware strategies send it what it can serve
        var slowRoundRobin = roundRobin.FindComponent("api#0")!.Jobs;
        leastConnections.FindComponent("api#0")!.Jobs.ShouldBeLessThan(slowRoundRobin);
        twoChoices.FindComponent("api#0")!.Jobs.ShouldBeLessThan(slowRoundRobin);
        roundRobin.FindFlow("read")!.FailedQueueFull.ShouldBeGreaterThan(0);
        leastConnections.FindFlow("read")!.Failed.ShouldBe(0);
        leastConnections.FindFlow("read")!.LatencyP99Seconds.Value.ShouldBeLessThan(roundRobin.FindFlow("read")!.LatencyP99Seconds.Value / 5);
        twoChoices.FindFlow("read")!.LatencyP99Seconds.Value.ShouldBeLessThan(roundRobin.FindFlow("read")!.LatencyP99Seconds.Value / 5);
    }

    [Fact]
    public void Should_keep_one_pooled_station_when_the_balancer_names_no_strategy_or_no_node_fault_targets_the_service()
    {
        // When
        var unnamed = Run("");
        var noNodeFault = Run(", least_connections", "transient-errors api fraction 0.1 at 10s for 10s");

        // Then
        unnamed.Components.Select(c => c.Name).ShouldBe(["lb", "api"]);
        noNodeFault.Components.Select(c => c.Name).ShouldBe(["lb", "api"]);
    }

    [Fact]
    public void Should_fail_a_dead_node_share_until_health_checks_remove_it_from_the_balancer()
    {
        // When: node 2 dies at 10 s under round robin; the balancer learns of it from its health checks (35–65 s later)
        var run = Run(", round_robin", "kill-node api index 2 at 10s");
        var read = run.FindFlow("read")!;
        var series = run.FlowSeries[0];
        var detected = run.EventLog.Single(l => l.Contains("health checks mark", StringComparison.Ordinal));
        var detectedAt = double.Parse(detected[2..detected.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        output.WriteLine(detected);

        // Then: a quarter of the calls fail until then, none after; the failures are all 'unavailable'
        read.FailedUnavailable.ShouldBe(read.Failed);
        var before = series.Where(p => p.StartSeconds >= 11 && p.StartSeconds + 1 <= detectedAt).ToList();
        ((double)before.Sum(p => p.Failed) / before.Sum(p => p.Offered)).ShouldBe(0.25, 0.03);
        series.Where(p => p.StartSeconds >= Math.Ceiling(detectedAt)).Sum(p => p.Failed).ShouldBe(0);
        run.EventLog[0].ShouldBe("t=10.0 s kill-node on api starts");
    }
}
