using System.Globalization;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>A client circuit breaker in the run: it opens on a hung dependency, fails fast, and closes after.</summary>
public sealed class CircuitBreakerRunTests(ITestOutputHelper output)
{
    private const string Design = "## Architecture\n```\napi: service x4, 1K rps each, 2 ms\ndb: postgres x2, 1K rps each, 3 ms\nflow f at 200/s, read: client -> api -> db\n```\n";

    private static DesignSimulationReport Run(CircuitBreakerOptions? breaker) =>
        DesignSimulator.Run(DesignReviewer.Review(Design), new DesignSimulationOptions
        {
            DurationSeconds = 80,
            WarmUpSeconds = 1,
            Seed = 6,
            Faults = [FaultParser.Parse("dependency-timeout db at 20s for 20s").Fault!],
            ClientBreaker = breaker,
        });

    [Fact]
    public void Should_fail_fast_while_open_and_close_after_the_dependency_recovers()
    {
        // Given: trips at 50% failures over the last 20 calls, stays open 5 s, lets 3 probes through
        var breaker = new CircuitBreakerOptions(failureRateThreshold: 0.5, slidingWindowSize: 20, minimumNumberOfCalls: 20, openDurationNs: SimTime.FromSeconds(5), halfOpenProbes: 3);

        // When
        var without = Run(null).Flows[0];
        var with = Run(breaker);
        var flow = with.Flows[0];

        // Then: without a breaker every call in the window hangs for the 10 s timeout. With it, the first failures are
        // only known when the first timeouts fire, 10 s into the outage; from then on calls fail at once instead
        without.FailedTimeout.ShouldBeGreaterThan(3_500);
        flow.RejectedByBreaker.ShouldBeGreaterThan(1_000);
        flow.FailedTimeout.ShouldBeLessThan(without.FailedTimeout * 6 / 10);
        with.EventLog.ShouldContain(e => e.Contains("circuit breaker of 'f' is now open", StringComparison.Ordinal));
        with.EventLog.Last(e => e.Contains("circuit breaker", StringComparison.Ordinal)).ShouldEndWith("is now closed");
        with.FlowSeries[0].Where(p => p.StartSeconds >= 60).Sum(p => p.Failed).ShouldBe(0);
    }

    [Fact]
    public void Should_open_on_slow_calls_that_never_fail_with_a_slow_call_threshold()
    {
        // Given: every call to the store takes 2 s longer for 20 s; nothing fails or times out
        DesignSimulationReport SlowRun(CircuitBreakerOptions breaker) =>
            DesignSimulator.Run(DesignReviewer.Review(Design), new DesignSimulationOptions
            {
                DurationSeconds = 60,
                WarmUpSeconds = 1,
                Seed = 6,
                Faults = [FaultParser.Parse("edge-latency api->db 2s at 20s for 20s").Fault!],
                ClientBreaker = breaker,
            });
        var failureRateOnly = new CircuitBreakerOptions(slidingWindowSize: 20, minimumNumberOfCalls: 20, openDurationNs: SimTime.FromSeconds(5), halfOpenProbes: 3);
        var withSlowCalls = new CircuitBreakerOptions(slidingWindowSize: 20, minimumNumberOfCalls: 20, openDurationNs: SimTime.FromSeconds(5), halfOpenProbes: 3,
            slowCallDurationThresholdNs: SimTime.FromSeconds(1), slowCallRateThreshold: 0.5);

        // When
        var blind = SlowRun(failureRateOnly).Flows[0];
        var run = SlowRun(withSlowCalls);
        var flow = run.Flows[0];

        // Then: on failures alone the breaker never learns (every slow call succeeds); on slow calls it opens about a
        // second into the slowdown (the first 2 s calls return then) and fails calls fast while it lasts
        blind.Failed.ShouldBe(0);
        blind.RejectedByBreaker.ShouldBe(0);
        flow.RejectedByBreaker.ShouldBeGreaterThan(2_000);
        var opened = run.EventLog.First(e => e.Contains("is now open", StringComparison.Ordinal));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{opened}; {flow.RejectedByBreaker:N0} refused by the breaker"));
        opened.ShouldStartWith("t=22.");
        run.EventLog.Last(e => e.Contains("circuit breaker", StringComparison.Ordinal)).ShouldEndWith("is now closed");
        run.FlowSeries[0].Where(p => p.StartSeconds >= 50).Sum(p => p.Failed).ShouldBe(0);
    }
}
