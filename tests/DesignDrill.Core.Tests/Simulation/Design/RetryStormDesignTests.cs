using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>
/// The retry-storm criterion through a design: a 30 s slowdown with client timeouts and immediate retries
/// amplifies the offered load at least 2x and the system recovers after the fault; with backoff, jitter and a retry
/// budget it does not amplify. Asserted on the per-second series.
/// </summary>
public sealed class RetryStormDesignTests(ITestOutputHelper output)
{
    // 1,000 requests/s into 8 servers of 1 ms (12.5% busy); the slowdown makes them 10x slower (125%: overloaded).
    private const string Design = "## Architecture\n```\napi: service x1, 8K rps each, 1 ms\nflow call at 1K/s, read: client -> api\n```\n";

    private static readonly FaultSpec Slowdown = FaultParser.Parse("slow-node api factor 10 at 60s for 30s").Fault!;

    private DesignSimulationReport Run(RetryPolicy policy, string label)
    {
        var run = DesignSimulator.Run(DesignReviewer.Review(Design), new DesignSimulationOptions
        {
            DurationSeconds = 180,
            WarmUpSeconds = 10,
            Seed = 11,
            Faults = [Slowdown],
            ClientRetries = policy,
        });
        var offered = run.FlowSeries[0].Select(p => p.Offered).ToList();
        var queue = run.ComponentSeries[0].Select(p => p.QueueLength).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: peak offered {offered.Max()}/s at t={offered.IndexOf(offered.Max())} s; queue max {queue.Max()}; queue at 120 s {queue[120]}, at 179 s {queue[179]}; retries {run.Flows[0].Retries:N0}"));
        return run;
    }

    [Fact]
    public void Should_amplify_a_slowdown_with_immediate_retries_and_recover_after_it()
    {
        // Given: a 1 s client timeout and up to 5 attempts, retried at once
        var immediate = new RetryPolicy(maxAttempts: 5, attemptTimeoutNs: SimTime.FromSeconds(1), backoff: BackoffKind.None, jitter: JitterKind.None);

        // When
        var run = Run(immediate, "immediate");

        // Then: at least twice the arrival rate offered during the storm
        var offered = run.FlowSeries[0].Select(p => (double)p.Offered).ToList();
        var baseline = offered.Skip(10).Take(50).Average();
        offered.Skip(60).Take(40).Max().ShouldBeGreaterThanOrEqualTo(2 * baseline);

        // and after the fault the queue empties and the offered load returns to the arrival rate
        var queue = run.ComponentSeries[0].Select(p => p.QueueLength).ToList();
        var normalQueue = queue.Skip(10).Take(50).Max();
        queue.Skip(150).ShouldAllBe(q => q <= normalQueue + 8);
        offered.Skip(150).Average().ShouldBe(baseline, baseline * 0.05);
    }

    [Fact]
    public void Should_not_amplify_with_exponential_backoff_full_jitter_and_a_retry_budget()
    {
        // Given: the same timeout and attempts, with backoff from 100 ms, full jitter and a 10% retry budget
        var careful = new RetryPolicy(
            maxAttempts: 5, attemptTimeoutNs: SimTime.FromSeconds(1), backoff: BackoffKind.Exponential, jitter: JitterKind.Full,
            baseDelayNs: SimTime.FromMilliseconds(100), maxDelayNs: SimTime.FromSeconds(10), retryBudgetRatio: 0.1);

        // When
        var run = Run(careful, "backoff+jitter+budget");

        // Then: the offered load stays within 1.5x of the arrival rate throughout
        var offered = run.FlowSeries[0].Select(p => (double)p.Offered).ToList();
        var baseline = offered.Skip(10).Take(50).Average();
        offered.Skip(10).ShouldAllBe(o => o < 1.5 * baseline);
    }
}
