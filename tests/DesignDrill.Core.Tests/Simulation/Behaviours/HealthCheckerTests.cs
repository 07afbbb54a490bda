using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using Xunit.Abstractions;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class HealthCheckerTests(ITestOutputHelper output)
{
    private static readonly ActiveHealthCheckOptions Alb = ActiveHealthCheckOptions.AwsAlbDefaults;

    [Fact]
    public void Should_use_the_aws_alb_and_envoy_defaults()
    {
        // Given / When
        var alb = ActiveHealthCheckOptions.AwsAlbDefaults;
        var envoy = OutlierDetectionOptions.EnvoyDefaults;

        // Then
        alb.ShouldBe(new ActiveHealthCheckOptions(30 * NsPerSecond, 5 * NsPerSecond, 2, 5));
        alb.MinDetectionDelayNs.ShouldBe((35 * NsPerSecond) + 1);
        alb.MaxDetectionDelayNs.ShouldBe(65 * NsPerSecond);
        alb.MinRecoveryDelayNs.ShouldBe((120 * NsPerSecond) + 1);
        alb.MaxRecoveryDelayNs.ShouldBe(150 * NsPerSecond);
        envoy.ShouldBe(new OutlierDetectionOptions(5, 30 * NsPerSecond, 300 * NsPerSecond, 10));
    }

    [Fact]
    public void Should_take_the_longest_delay_u_times_interval_plus_timeout_for_a_failure_at_a_probe()
    {
        // Given: node 1 fails at the instant of its 10th probe (which still sees it up).
        var checker = new HealthChecker(3, Alb, null, new SimRandom(11));
        var failedAtNs = checker.PhaseNs(1) + (10 * Alb.IntervalNs);
        var markedDownAtNs = failedAtNs + (2 * Alb.IntervalNs) + Alb.TimeoutNs;

        // When
        checker.NodeFailed(1, failedAtNs);

        // Then: routable until 2 × 30 s + 5 s after the failure, and not from then on.
        checker.DetectionTimeNs(1, failedAtNs).ShouldBe(Alb.MaxDetectionDelayNs);
        checker.MarkedDownAtNs(1, failedAtNs).ShouldBe(markedDownAtNs);
        checker.IsRoutable(1, failedAtNs).ShouldBeTrue();
        checker.IsRoutable(1, markedDownAtNs - 1).ShouldBeTrue();
        checker.IsRoutable(1, markedDownAtNs).ShouldBeFalse();
        checker.IsRoutable(0, markedDownAtNs).ShouldBeTrue();
        checker.IsRoutable(1, markedDownAtNs + (1_000 * NsPerSecond)).ShouldBeFalse();
    }

    [Fact]
    public void Should_take_the_shortest_delay_for_a_failure_one_nanosecond_before_a_probe()
    {
        // Given
        var checker = new HealthChecker(3, Alb, null, new SimRandom(12));
        var failedAtNs = checker.PhaseNs(2) + (4 * Alb.IntervalNs) - 1;
        var markedDownAtNs = failedAtNs + Alb.MinDetectionDelayNs;

        // When
        checker.NodeFailed(2, failedAtNs);

        // Then: (2 − 1) × 30 s + 5 s + 1 ns.
        checker.DetectionTimeNs(2, failedAtNs).ShouldBe(Alb.MinDetectionDelayNs);
        checker.IsRoutable(2, markedDownAtNs - 1).ShouldBeTrue();
        checker.IsRoutable(2, markedDownAtNs).ShouldBeFalse();
    }

    [Fact]
    public void Should_spread_detection_delays_uniformly_between_the_bounds_over_random_phases()
    {
        // Given: 10,000 nodes with seeded random phases, all failing at t = 1,000 s.
        const int nodes = 10_000;
        var checker = new HealthChecker(nodes, Alb, null, new SimRandom(13));
        var failedAtNs = 1_000 * NsPerSecond;

        // When
        var delaysSeconds = Enumerable.Range(0, nodes)
            .Select(node => SimTime.ToSeconds(checker.DetectionTimeNs(node, failedAtNs)))
            .ToArray();
        var mean = delaysSeconds.Average();
        output.WriteLine($"delay min {delaysSeconds.Min():F3} s, mean {mean:F3} s, max {delaysSeconds.Max():F3} s");

        // Then: all in (35 s, 65 s]; the mean is (U − ½) I + T = 50 s (standard error 30 / √12 / 100 ≈ 0.087 s).
        delaysSeconds.ShouldAllBe(d => d > 35 && d <= 65);
        mean.ShouldBe(50, 0.3);
        delaysSeconds.Count(d => d < 40).ShouldBeInRange(1_500, 1_840);
    }

    [Fact]
    public void Should_need_the_healthy_threshold_of_consecutive_successes_to_route_to_a_recovered_node()
    {
        // Given: node 0 failed and marked down, recovering at the instant of a probe (which still fails).
        var checker = new HealthChecker(2, Alb, null, new SimRandom(14));
        var phaseNs = checker.PhaseNs(0);
        checker.NodeFailed(0, phaseNs + Alb.IntervalNs);
        var recoveredAtNs = phaseNs + (10 * Alb.IntervalNs);
        checker.IsRoutable(0, recoveredAtNs - 1).ShouldBeFalse();

        // When
        checker.NodeRecovered(0, recoveredAtNs);

        // Then: five successes, at +30 s … +150 s; routable from the fifth.
        checker.MarkedUpAtNs(0, recoveredAtNs).ShouldBe(recoveredAtNs + Alb.MaxRecoveryDelayNs);
        checker.IsRoutable(0, recoveredAtNs + (149 * NsPerSecond)).ShouldBeFalse();
        checker.IsRoutable(0, recoveredAtNs + (150 * NsPerSecond) - 1).ShouldBeFalse();
        checker.IsRoutable(0, recoveredAtNs + (150 * NsPerSecond)).ShouldBeTrue();
    }

    [Fact]
    public void Should_restart_the_count_of_successes_when_a_probe_fails_in_between()
    {
        // Given: node 0 marked down, then up for three probes, down for one, then up for good.
        var checker = new HealthChecker(1, Alb, null, new SimRandom(15));
        var p = checker.PhaseNs(0);
        var i = Alb.IntervalNs;
        checker.NodeFailed(0, p);
        checker.NodeRecovered(0, p + (5 * i));    // probes at 6i, 7i, 8i succeed
        checker.NodeFailed(0, p + (8 * i));       // probe at 9i fails
        checker.NodeRecovered(0, p + (9 * i));    // probes at 10i … 14i succeed

        // When / Then: not routable after the three successes; routable at the fifth of the second run.
        checker.IsRoutable(0, p + (9 * i)).ShouldBeFalse();
        checker.IsRoutable(0, p + (14 * i) - 1).ShouldBeFalse();
        checker.IsRoutable(0, p + (14 * i)).ShouldBeTrue();
    }

    [Fact]
    public void Should_miss_a_blip_between_probes_and_keep_routing_after_a_single_failed_probe()
    {
        // Given: on node 0 a blip no probe sees; on node 1 one that fails exactly one probe (threshold 2).
        var checker = new HealthChecker(2, Alb, null, new SimRandom(16));
        var i = Alb.IntervalNs;
        var p0 = checker.PhaseNs(0);
        var p1 = checker.PhaseNs(1);
        var transitions = new (long AtNs, int Node, bool Up)[]
        {
            (p0 + i + 1, 0, false), (p0 + (2 * i) - 1, 0, true), (p1 + (3 * i), 1, false), (p1 + (4 * i), 1, true),
        }.OrderBy(x => x.AtNs).ToList();

        // When / Then: queried every i/7 with the transitions applied in time order, neither is ever marked down.
        for (var t = 0L; t < 20 * i; t += i / 7)
        {
            while (transitions.Count > 0 && transitions[0].AtNs <= t)
            {
                var (atNs, node, up) = transitions[0];
                transitions.RemoveAt(0);
                if (up)
                {
                    checker.NodeRecovered(node, atNs);
                }
                else
                {
                    checker.NodeFailed(node, atNs);
                }
            }

            checker.IsRoutable(0, t).ShouldBeTrue();
            checker.IsRoutable(1, t).ShouldBeTrue();
        }

        transitions.ShouldBeEmpty();
    }

    [Fact]
    public void Should_keep_routing_to_a_dead_node_without_active_checks()
    {
        // Given
        var checker = new HealthChecker(2, null, null, new SimRandom(17));

        // When
        checker.NodeFailed(0, 0);

        // Then
        checker.IsRoutable(0, 1_000_000 * NsPerSecond).ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => checker.DetectionTimeNs(0, 0));
    }

    [Fact]
    public void Should_eject_after_five_consecutive_server_errors_and_readmit_after_thirty_seconds()
    {
        // Given: Envoy's defaults, 10 nodes.
        var checker = new HealthChecker(10, null, OutlierDetectionOptions.EnvoyDefaults, new SimRandom(18));
        var t = 100 * NsPerSecond;

        // When: four errors, a success, then five errors.
        var ejections = new List<bool>();
        for (var k = 0; k < 4; k++)
        {
            ejections.Add(checker.RecordResponse(4, serverError: true, t++));
        }

        ejections.Add(checker.RecordResponse(4, serverError: false, t++));
        for (var k = 0; k < 5; k++)
        {
            ejections.Add(checker.RecordResponse(4, serverError: true, t++));
        }

        var ejectedAtNs = t - 1;

        // Then: ejected by the fifth consecutive error only, for exactly 30 s.
        ejections.ShouldBe([false, false, false, false, false, false, false, false, false, true]);
        checker.IsRoutable(4, ejectedAtNs).ShouldBeFalse();
        checker.IsEjected(4, ejectedAtNs + (30 * NsPerSecond) - 1).ShouldBeTrue();
        checker.IsRoutable(4, ejectedAtNs + (30 * NsPerSecond)).ShouldBeTrue();
    }

    [Fact]
    public void Should_double_the_ejection_of_a_node_that_fails_again_and_cap_it_at_the_maximum()
    {
        // Given: a node that only ever answers with errors.
        var checker = new HealthChecker(10, null, OutlierDetectionOptions.EnvoyDefaults, new SimRandom(19));
        var t = 0L;
        var lengthsSeconds = new List<double>();

        // When: each time it is re-admitted it fails five more requests.
        for (var round = 0; round < 12; round++)
        {
            var ejectedAtNs = -1L;
            while (ejectedAtNs < 0)
            {
                if (checker.RecordResponse(0, serverError: true, t))
                {
                    ejectedAtNs = t;
                }

                t++;
            }

            while (checker.IsEjected(0, t))
            {
                t += NsPerSecond / 10;
            }

            lengthsSeconds.Add(Math.Round(SimTime.ToSeconds(t - ejectedAtNs)));
        }

        // Then: 30 s × ejections in a row, at most 300 s.
        lengthsSeconds.ShouldBe([30, 60, 90, 120, 150, 180, 210, 240, 270, 300, 300, 300]);
    }

    [Fact]
    public void Should_eject_at_most_max_percent_of_nodes_but_always_one()
    {
        // Given: 3 nodes (10 % of 3 rounds down to 0, so one may be ejected) and 20 nodes (two may be).
        var small = new HealthChecker(3, null, OutlierDetectionOptions.EnvoyDefaults, new SimRandom(20));
        var large = new HealthChecker(20, null, OutlierDetectionOptions.EnvoyDefaults, new SimRandom(21));

        // When
        var smallEjected = Enumerable.Range(0, 3).Count(node => FiveErrors(small, node, node * 10));
        var largeEjected = Enumerable.Range(0, 20).Count(node => FiveErrors(large, node, node * 10));

        // Then: and once node 0's 30 s are over, node 1 (still at five errors in a row) is ejected at its next error.
        smallEjected.ShouldBe(1);
        largeEjected.ShouldBe(2);
        small.IsEjected(0, 30 * NsPerSecond).ShouldBeTrue();
        small.RecordResponse(1, serverError: true, 31 * NsPerSecond).ShouldBeTrue();
        small.IsEjected(0, 31 * NsPerSecond).ShouldBeFalse();
    }

    [Fact]
    public void Should_combine_active_and_passive_checks_and_apply_them_to_a_balancer()
    {
        // Given: node 0 dead (active checks will notice), node 1 answering errors (passive checks eject it at once).
        var checker = new HealthChecker(3, Alb, OutlierDetectionOptions.EnvoyDefaults, new SimRandom(22));
        var balancer = new RoundRobinBalancer(3);
        checker.NodeFailed(0, 0);
        FiveErrors(checker, 1, NsPerSecond).ShouldBeTrue();

        // When
        checker.ApplyTo(balancer, 2 * NsPerSecond);
        var early = Enumerable.Range(0, 4).Select(_ => balancer.Pick(0, new SimRandom(0))).ToArray();
        checker.ApplyTo(balancer, 70 * NsPerSecond);
        var late = Enumerable.Range(0, 4).Select(_ => balancer.Pick(0, new SimRandom(0))).ToArray();

        // Then: first only node 1 is out; after 65 s node 0 is out and node 1 is back.
        early.ShouldBe([0, 2, 0, 2]);
        late.ShouldBe([1, 2, 1, 2]);
        Should.Throw<ArgumentException>(() => checker.ApplyTo(new RoundRobinBalancer(4), 70 * NsPerSecond));
    }

    [Fact]
    public void Should_refuse_time_running_backwards_and_bad_settings()
    {
        // Given
        var checker = new HealthChecker(2, Alb, null, new SimRandom(23));
        checker.IsRoutable(0, 500);

        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => checker.NodeFailed(1, 499)).Message.ShouldContain("backwards");
        Should.Throw<ArgumentOutOfRangeException>(() => checker.IsRoutable(2, 600));
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new HealthChecker(1, Alb with { TimeoutNs = Alb.IntervalNs }, null, new SimRandom(0))).Message
            .ShouldContain("shorter than the interval");
        Should.Throw<ArgumentOutOfRangeException>(() =>
            new HealthChecker(1, Alb with { UnhealthyThreshold = 0 }, null, new SimRandom(0)));
        Should.Throw<ArgumentOutOfRangeException>(() => new HealthChecker(1, null,
            OutlierDetectionOptions.EnvoyDefaults with { MaxEjectionTimeNs = NsPerSecond }, new SimRandom(0)));
    }

    [Fact]
    public void Should_stay_bounded_over_centuries_of_simulated_time()
    {
        // Given: a 1 ns interval (the smallest) asked about a time 292 years away.
        var options = new ActiveHealthCheckOptions(IntervalNs: 1, TimeoutNs: 0, UnhealthyThreshold: 3, HealthyThreshold: 2);
        var checker = new HealthChecker(1, options, null, new SimRandom(24));
        checker.NodeFailed(0, 10);

        // When / Then: the skip over settled probes makes this O(thresholds), not 9e18 steps.
        checker.IsRoutable(0, 12).ShouldBeTrue();
        checker.IsRoutable(0, 13).ShouldBeFalse();
        checker.IsRoutable(0, long.MaxValue - 1).ShouldBeFalse();
        checker.MarkedDownAtNs(0, long.MaxValue).ShouldBe(long.MaxValue);
    }

    /// <summary>Records five server errors on <paramref name="node"/> 1 ns apart; true when one of them ejected it.</summary>
    private static bool FiveErrors(HealthChecker checker, int node, long fromNs)
    {
        var ejected = false;
        for (var k = 0; k < 5; k++)
        {
            ejected |= checker.RecordResponse(node, serverError: true, fromNs + k);
        }

        return ejected;
    }
}
