using DesignDrill.Core.Catalog;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Design;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>Faults injected into the design-driven run: each shows its effect in the series and the event log.</summary>
public sealed class FaultInjectionTests
{
    private const string Design = """
        ## Architecture
        ```
        api: service x4, 1K rps each, 2 ms
        cache: redis x2, 8 GB each, hit 90%, ttl 1h
        db: postgres x2, 1K rps each, 4 ms
        jobs: sqs
        worker: worker x2, 100 rps each, 10 ms
        flow read at 1K/s, read: client -> api -> cache -> db on miss
        flow write at 100/s, write: client -> api => jobs => worker -> db
        ```
        """;

    private static readonly ReviewReport Report = DesignReviewer.Review(Design);

    private static DesignSimulationReport Run(params string[] faults) =>
        DesignSimulator.Run(Report, new DesignSimulationOptions
        {
            DurationSeconds = 60,
            WarmUpSeconds = 5,
            Seed = 5,
            Faults = [.. faults.Select(f => FaultParser.Parse(f).Fault.ShouldNotBeNull(f))],
        });

    private static IReadOnlyList<ComponentSeriesPoint> Series(DesignSimulationReport run, string component) =>
        run.ComponentSeries[run.Components.ToList().FindIndex(c => c.Name == component)];

    private static IReadOnlyList<FlowSeriesPoint> FlowSeries(DesignSimulationReport run, string flow) =>
        run.FlowSeries[run.Flows.ToList().FindIndex(f => f.Name == flow)];

    private static double Mean(IEnumerable<double> values) => values.DefaultIfEmpty(0).Average();

    [Fact]
    public void Should_send_every_read_to_the_store_while_the_cache_is_cold()
    {
        // When
        var run = Run("cache-flush cache at 20s for 20s");

        // Then: db utilisation goes from (100 misses + 100 writes) to (1,000 + 100) per second, then back
        var db = Series(run, "db");
        var before = Mean(db.Where(p => p.StartSeconds is >= 5 and < 20).Select(p => p.Utilization));
        var during = Mean(db.Where(p => p.StartSeconds is >= 21 and < 40).Select(p => p.Utilization));
        var after = Mean(db.Where(p => p.StartSeconds is >= 41).Select(p => p.Utilization));
        during.ShouldBeGreaterThan(before * 4);
        after.ShouldBe(before, before * 0.3);
        run.EventLog.ShouldBe(["t=20.0 s cache-flush on cache starts", "t=40.0 s cache-flush on cache ends; 0 requests failed while it lasted"]);
    }

    [Fact]
    public void Should_fail_every_call_to_a_component_whose_replicas_are_all_killed()
    {
        // When: both db replicas die for 10 s
        var run = Run("kill-replicas db count 2 at 20s for 10s");

        // Then: reads that miss and the worker's writes fail as unavailable only during the window
        var read = FlowSeries(run, "read");
        read.Where(p => p.StartSeconds is < 20 or >= 30).Sum(p => p.Failed).ShouldBe(0);
        var failedDuring = read.Where(p => p.StartSeconds is >= 20 and < 30).Sum(p => p.Failed);
        ((double)failedDuring).ShouldBe(1_000, 150);
        run.FindFlow("read")!.FailedUnavailable.ShouldBe(run.FindFlow("read")!.Failed);
        run.EventLog[1].ShouldStartWith("t=30.0 s kill-replicas on db ends; ");
    }

    [Fact]
    public void Should_keep_serving_with_fewer_servers_when_one_replica_dies()
    {
        // When: one of two db replicas dies
        var run = Run("kill-replicas db count 1 at 20s for 20s");

        // Then: nothing fails, the survivor works twice as hard
        run.Flows.Sum(f => f.Failed).ShouldBe(0);
        var db = Series(run, "db");
        var before = Mean(db.Where(p => p.StartSeconds is >= 5 and < 20).Select(p => p.Utilization));
        var during = Mean(db.Where(p => p.StartSeconds is >= 21 and < 40).Select(p => p.Utilization));
        during.ShouldBe(before, before * 0.25); // busy server-time is the same; it is measured against all servers
    }

    [Fact]
    public void Should_stretch_latency_on_a_slow_node_and_fail_on_transient_errors()
    {
        // When
        var slow = Run("slow-node api factor 20 at 20s for 20s");
        var errors = Run("transient-errors api fraction 0.1 at 20s for 20s");

        // Then
        var p99 = FlowSeries(slow, "read");
        Mean(p99.Where(p => p.StartSeconds is >= 21 and < 40).Select(p => p.LatencyP99Seconds))
            .ShouldBeGreaterThan(3 * Mean(p99.Where(p => p.StartSeconds is >= 5 and < 20).Select(p => p.LatencyP99Seconds)));
        var read = errors.FindFlow("read")!;
        read.FailedError.ShouldBe(read.Failed);
        ((double)read.Failed / read.Offered).ShouldBe(0.1 * 20 / 55, 0.01);
    }

    [Fact]
    public void Should_build_a_backlog_while_consumers_are_stopped_and_drain_it_after()
    {
        // When: the worker stops for 10 s (1,000 messages pile up), then has twice the needed capacity
        var run = Run("consumer-stopped worker at 20s for 10s");

        // Then
        var worker = Series(run, "worker");
        worker.Single(p => p.StartSeconds == 29).QueueLength.ShouldBeGreaterThan(900);
        worker.Where(p => p.StartSeconds >= 45).ShouldAllBe(p => p.QueueLength < 20);
        run.Flows.Sum(f => f.Failed).ShouldBe(0);
    }

    [Fact]
    public void Should_time_out_calls_to_a_dependency_that_never_answers()
    {
        // When
        var run = Run("dependency-timeout db at 20s for 5s");

        // Then: misses in the window wait the 10 s timeout and fail as timeouts
        var read = run.FindFlow("read")!;
        read.FailedTimeout.ShouldBeGreaterThan(300);
        read.FailedTimeout.ShouldBe(read.Failed);
        read.LatencyP99Seconds.Value.ShouldBeLessThan(0.1);
    }

    [Fact]
    public void Should_raise_the_arrival_rate_during_a_traffic_spike()
    {
        // When
        var run = Run("traffic-spike factor 3 at 20s for 10s");

        // Then
        var read = FlowSeries(run, "read");
        Mean(read.Where(p => p.StartSeconds is >= 20 and < 30).Select(p => (double)p.Offered)).ShouldBe(3_000, 150);
        Mean(read.Where(p => p.StartSeconds is >= 35).Select(p => (double)p.Offered)).ShouldBe(1_000, 60);
    }

    [Fact]
    public void Should_note_a_fault_that_names_nothing_in_the_design()
    {
        // When
        var run = Run("slow-node payments factor 5 at 10s");

        // Then
        run.Notes.ShouldContain(n => n.Contains("names nothing in this design", StringComparison.Ordinal));
        run.EventLog.ShouldBeEmpty();
    }

    [Fact]
    public void Should_run_a_prompt_scenario_on_the_candidates_own_design()
    {
        // Given: the URL-shortener sample and its prompt's cold-cache and viral-link scenarios
        var prompt = PromptCatalog.Default.Get("url-shortener").ShouldNotBeNull();
        var report = DesignReviewer.Review(RepoFiles.Read("samples/url-shortener.md"));
        var options = new DesignSimulationOptions { DurationSeconds = 30, LoadFactor = 0.05, Seed = 2 };
        var notes = new List<string>();

        // When
        var cold = SimulationScenario.Apply(report, prompt.ConstraintChanges.Single(c => c.Name == "cold-cache"), options, null, notes);
        var viral = SimulationScenario.Apply(report, prompt.ConstraintChanges.Single(c => c.Name == "viral-link"), options, null, notes);
        var tenX = SimulationScenario.Apply(report, prompt.ConstraintChanges.Single(c => c.Name == "ten-x-traffic"), options, null, notes);

        // Then: the flush starts a third of the way in and lasts a third; viral-link scales redirect 20x
        var flush = cold.Faults.ShouldHaveSingleItem().ShouldBeOfType<CacheFlushFault>();
        (flush.Component, flush.StartNs, flush.DurationNs).ShouldBe(("cache", SimTime.FromSeconds(10), SimTime.FromSeconds(10)));
        viral.FlowFactors["redirect"].ShouldBe(20);
        tenX.LoadFactor.ShouldBe(0.5, 1e-12);
        var run = DesignSimulator.Run(report, viral with { DurationSeconds = 5 });
        run.FindFlow("redirect")!.RatePerSecond.ShouldBe(run.FindFlow("click_events")!.RatePerSecond, 1e-6);
        run.FindFlow("shorten")!.RatePerSecond.ShouldBe(347.22 * 0.05, 0.01);
    }

    [Fact]
    public void Should_fail_a_call_delayed_by_an_edge_fault_that_finds_the_line_full()
    {
        // Given: one server at 150% load with a waiting line of one, behind 5 ms of added latency
        var report = DesignReviewer.Review("## Architecture\n```\nsvc: service x1, 100 rps each, 10 ms\nflow f at 150/s, read: client -> svc\n```\n");

        // When
        var run = DesignSimulator.Run(report, new DesignSimulationOptions
        {
            DurationSeconds = 20,
            WarmUpSeconds = 0,
            Seed = 3,
            QueuePerServer = 1,
            Faults = [FaultParser.Parse("edge-latency client->svc 5ms at 0s").Fault!],
        });

        // Then: the overflow fails as queue full, and every request ends one way or the other (none is left hanging)
        var flow = run.FindFlow("f")!;
        flow.FailedQueueFull.ShouldBeGreaterThan(500);
        flow.FailedQueueFull.ShouldBe(flow.Failed);
        (flow.Offered - flow.Completed - flow.Failed).ShouldBeLessThan(5);
    }
}
