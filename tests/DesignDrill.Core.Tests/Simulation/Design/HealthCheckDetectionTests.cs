using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>A node that dies keeps receiving its share until the load balancer's health checks notice.</summary>
public sealed class HealthCheckDetectionTests
{
    [Fact]
    public void Should_fail_the_dead_nodes_share_until_health_checks_mark_it_down()
    {
        // Given: 4 api nodes; node 1 dies at 10 s for the rest of the run
        var report = DesignReviewer.Review("## Architecture\n```\nlb: aws_alb\napi: service x4, 1K rps each, 2 ms\nflow f at 1K/s, read: client -> lb -> api\n```\n");
        var options = new DesignSimulationOptions
        {
            DurationSeconds = 120,
            WarmUpSeconds = 1,
            Seed = 2,
            Faults = [FaultParser.Parse("kill-node api index 1 at 10s").Fault.ShouldNotBeNull()],
        };

        // When
        var run = DesignSimulator.Run(report, options);

        // Then: AWS ALB's defaults (30 s interval, 5 s timeout, 2 failures) notice within 35-65 s
        var detected = run.EventLog.Single(e => e.Contains("health checks mark", StringComparison.Ordinal));
        var seconds = double.Parse(detected[2..detected.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        (seconds - 10).ShouldBeInRange(35, 65);

        // about a quarter of the calls fail until then, none after
        var series = run.FlowSeries[0];
        series.Where(p => p.StartSeconds < 10).Sum(p => p.Failed).ShouldBe(0);
        var before = series.Where(p => p.StartSeconds >= 11 && p.StartSeconds + 1 <= seconds).ToList();
        ((double)before.Sum(p => p.Failed) / before.Sum(p => p.Offered)).ShouldBe(0.25, 0.03);
        series.Where(p => p.StartSeconds >= Math.Ceiling(seconds)).Sum(p => p.Failed).ShouldBe(0);
    }
}
