using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Behaviours;
using FsCheck;
using FsCheck.Fluent;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

/// <summary>Invariants of the balancers and the health checker over random cases, each property with a fixed seed.</summary>
public sealed class LoadBalancingPropertyTests
{
    private static readonly string[] Kinds = ["round-robin", "random", "least-connections", "p2c", "hash"];

    /// <summary>1–40 nodes, a down mask, up to 30 requests in flight per node, a balancer kind and a random seed.</summary>
    private static readonly Arbitrary<(int Nodes, bool[] Down, int[] Loads, int Kind, int Seed)> BalancerCases =
        (from nodes in Gen.Choose(1, 40)
         from down in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))), nodes)
         from loads in Gen.ArrayOf(Gen.Choose(0, 30), nodes)
         from kind in Gen.Choose(0, Kinds.Length - 1)
         from seed in Gen.Choose(0, int.MaxValue)
         select (nodes, down, loads, kind, seed)).ToArbitrary();

    /// <summary>
    /// Active-check settings (interval 2–1,000 ns, timeout below it, thresholds 1–4), a seed for the phase, up to 12
    /// alternating fail/recover transitions and up to 60 query gaps, all in nanoseconds.
    /// </summary>
    private static readonly Arbitrary<(int IntervalNs, int TimeoutPercent, int Unhealthy, int Healthy, int Seed, int[] TransitionGapsNs, int[] QueryGapsNs)> CheckerCases =
        (from intervalNs in Gen.Choose(2, 1_000)
         from timeoutPercent in Gen.Choose(0, 99)
         from unhealthy in Gen.Choose(1, 4)
         from healthy in Gen.Choose(1, 4)
         from seed in Gen.Choose(0, int.MaxValue)
         from transitionCount in Gen.Choose(0, 12)
         from transitionGaps in Gen.ArrayOf(Gen.Choose(0, 6 * intervalNs), transitionCount)
         from queryCount in Gen.Choose(1, 60)
         from queryGaps in Gen.ArrayOf(Gen.Choose(0, 2 * intervalNs), queryCount)
         select (intervalNs, timeoutPercent, unhealthy, healthy, seed, transitionGaps, queryGaps)).ToArbitrary();

    [Fact]
    public void Should_pick_only_routable_nodes_and_minus_one_only_when_none_is_routable()
    {
        Prop.ForAll(BalancerCases, c =>
        {
            // Given
            var balancer = LoadBalancerTests.Create(Kinds[c.Kind], c.Nodes);
            var random = new SimRandom(c.Seed);
            for (var node = 0; node < c.Nodes; node++)
            {
                balancer.SetRoutable(node, !c.Down[node]);
                for (var i = 0; i < c.Loads[node]; i++)
                {
                    balancer.OnStart(node);
                }
            }

            var routable = Enumerable.Range(0, c.Nodes).Where(n => !c.Down[n]).ToArray();
            var least = routable.Length == 0 ? -1 : routable.Min(n => c.Loads[n]);

            // When / Then
            for (var k = 0L; k < 50; k++)
            {
                var node = balancer.Pick(k * 1_000_003, random);
                var ok = routable.Length == 0
                    ? node == -1
                    : routable.Contains(node) && (Kinds[c.Kind] != "least-connections" || c.Loads[node] == least);
                if (!ok)
                {
                    return false;
                }
            }

            return balancer.RoutableCount == routable.Length;
        }).Check(Seeded(20_250_601));
    }

    [Fact]
    public void Should_move_only_keys_of_down_nodes_on_the_hash_ring()
    {
        Prop.ForAll(BalancerCases, c =>
        {
            // Given
            var ring = new ConsistentHashBalancer(c.Nodes, 1 + (c.Seed % 50));
            var before = Enumerable.Range(0, 2_000).Select(k => ring.Pick(k, null!)).ToArray();

            // When
            for (var node = 0; node < c.Nodes; node++)
            {
                ring.SetRoutable(node, !c.Down[node]);
            }

            var after = Enumerable.Range(0, 2_000).Select(k => ring.Pick(k, null!)).ToArray();

            // Then: a key moves only if its node went down, and a key of a routable node stays.
            return Enumerable.Range(0, 2_000).All(k =>
                c.Down[before[k]] ? after[k] == -1 || (after[k] != before[k] && !c.Down[after[k]]) : after[k] == before[k]);
        }).Check(Seeded(20_250_602));
    }

    [Fact]
    public void Should_agree_with_a_probe_by_probe_reference_of_the_health_check_model()
    {
        Prop.ForAll(CheckerCases, c =>
        {
            // Given
            var options = new ActiveHealthCheckOptions(c.IntervalNs, c.IntervalNs * c.TimeoutPercent / 100, c.Unhealthy,
                c.Healthy);
            var checker = new HealthChecker(1, options, null, new SimRandom(c.Seed));
            var transitions = ArrivalsFromGaps(1, c.TransitionGapsNs);
            var queries = ArrivalsFromGaps(0, c.QueryGapsNs);
            var reference = ReferenceMarks(options, checker.PhaseNs(0), transitions,
                Math.Max(queries[^1], transitions.Count == 0 ? 0 : transitions[^1]));

            // When: transitions (fail, recover, fail, …) and queries merged in time order, a transition first on a tie.
            var t = 0;
            foreach (var queryNs in queries)
            {
                for (; t < transitions.Count && transitions[t] <= queryNs; t++)
                {
                    if (t % 2 == 0)
                    {
                        checker.NodeFailed(0, transitions[t]);
                    }
                    else
                    {
                        checker.NodeRecovered(0, transitions[t]);
                    }
                }

                // Then
                if (checker.IsRoutable(0, queryNs) != reference(queryNs))
                {
                    return false;
                }
            }

            return true;
        }).Check(Seeded(20_250_603, maxTest: 500));
    }

    [Fact]
    public void Should_detect_a_lasting_failure_within_the_documented_bounds_at_the_predicted_time()
    {
        Prop.ForAll(CheckerCases, c =>
        {
            // Given
            var options = new ActiveHealthCheckOptions(c.IntervalNs, c.IntervalNs * c.TimeoutPercent / 100, c.Unhealthy,
                c.Healthy);
            var checker = new HealthChecker(1, options, null, new SimRandom(c.Seed));
            var failedAtNs = (long)c.QueryGapsNs.Sum();
            var markedDownAtNs = checker.MarkedDownAtNs(0, failedAtNs);
            var delayNs = markedDownAtNs - failedAtNs;

            // When
            checker.NodeFailed(0, failedAtNs);

            // Then
            return delayNs >= options.MinDetectionDelayNs && delayNs <= options.MaxDetectionDelayNs
                && checker.IsRoutable(0, markedDownAtNs - 1) && !checker.IsRoutable(0, markedDownAtNs);
        }).Check(Seeded(20_250_604));
    }

    /// <summary>
    /// The model written the slow, obvious way: every probe φ + kI up to <paramref name="untilNs"/>, each seeing the
    /// state just before it, failures known at send + timeout and successes at send; the mark changes after the
    /// thresholds of consecutive results. Returns a function from a time to the mark at that time.
    /// </summary>
    private static Func<long, bool> ReferenceMarks(ActiveHealthCheckOptions options, long phaseNs,
        IReadOnlyList<long> transitionsNs, long untilNs)
    {
        var changes = new List<(long AtNs, bool Up)>();
        var marked = true;
        var failures = 0;
        var successes = options.HealthyThreshold;
        for (var probeNs = phaseNs; probeNs <= untilNs; probeNs += options.IntervalNs)
        {
            // Transitions alternate fail, recover, …: the node is down when an odd number happened before the probe.
            var up = transitionsNs.Count(x => x < probeNs) % 2 == 0;
            if (up)
            {
                failures = 0;
                successes++;
                if (!marked && successes >= options.HealthyThreshold)
                {
                    marked = true;
                    changes.Add((probeNs, true));
                }
            }
            else
            {
                successes = 0;
                failures++;
                if (marked && failures >= options.UnhealthyThreshold)
                {
                    marked = false;
                    changes.Add((probeNs + options.TimeoutNs, false));
                }
            }
        }

        return nowNs => changes.LastOrDefault(x => x.AtNs <= nowNs, (AtNs: 0, Up: true)).Up;
    }
}
