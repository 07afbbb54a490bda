using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using FsCheck;
using FsCheck.Fluent;

namespace DesignDrill.Core.Tests.Analysis;

public sealed class ArchitectureAnalyzerTests
{
    /// <summary>Parses and binds an architecture section, then gives every component the same explicit figures.</summary>
    private static (BoundArchitecture Bound, Dictionary<string, ComponentParameters> Parameters) Build(
        string architecture, double capacityPerReplica = 1000, double serviceTimeSeconds = 0.01, double availability = 0.99, double? hitRatio = null)
    {
        var document = DesignDocumentParser.Parse("## Architecture\n" + architecture + "\n");
        document.Diagnostics.Where(d => d.Severity == Severity.Error).ShouldBeEmpty();
        var bound = ArchitectureBinder.Bind(document.Architecture, new Dictionary<string, Quantity>(), Conventions.Default, ComponentCatalog.Default, []);
        var parameters = bound.Components.ToDictionary(
            c => c.Name,
            c => new ComponentParameters(
                c,
                c.Replicas,
                c.CapacityPerReplica?.Value ?? capacityPerReplica,
                c.CapacityPerReplica?.Value ?? capacityPerReplica,
                c.ServiceTime?.Value ?? serviceTimeSeconds,
                availability,
                c.KindInfo?.Kind == ComponentKind.Cache ? c.HitRatio ?? hitRatio ?? 0.8 : null,
                null,
                null,
                new Dictionary<string, string>()),
            StringComparer.OrdinalIgnoreCase);
        return (bound, parameters);
    }

    [Fact]
    public void Should_pass_only_the_misses_of_a_cache_to_the_store_behind_it()
    {
        // Given
        var (bound, parameters) = Build("api: service x2\ncache: redis, hit 90%\ndb: postgres\nflow read at 1000/s, read: client -> api -> cache -> db on miss");

        // When
        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        // Then
        analysis.FindComponent("api")!.OfferedLoadPerSecond.ShouldBe(1000, 1e-9);
        analysis.FindComponent("cache")!.OfferedLoadPerSecond.ShouldBe(1000, 1e-9);
        analysis.FindComponent("db")!.OfferedLoadPerSecond.ShouldBe(100, 1e-9);
    }

    [Fact]
    public void Should_keep_every_sibling_called_by_a_hand_off_origin_on_the_path()
    {
        // Given: 'book' starts at api, already loaded by 'hold', and calls two siblings from it
        var (bound, parameters) = Build(
            "api: service x2\npsp: service x2\ninventory: postgres x2\nevents: kafka x3\n"
            + "flow hold at 100/s, write: client -> api -> inventory\n"
            + "flow book after hold x 60%, write: api -> psp + inventory => events");

        // When
        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        // Then: both siblings and the enqueue are waited on; api is not a hop of 'book'
        analysis.FindFlow("book")!.Hops.Select(h => h.Component).ShouldBe(["psp", "inventory", "events"]);
        analysis.FindComponent("inventory")!.WriteLoadPerSecond.ShouldBe(160, 1e-9);
        analysis.FindComponent("api")!.OfferedLoadPerSecond.ShouldBe(100, 1e-9);
    }

    [Fact]
    public void Should_multiply_load_by_fan_out_and_load_every_sibling()
    {
        var (bound, parameters) = Build("api: service\nfeeds: redis\nlog: kafka\nkeys: id_generator\nflow post at 10/s, write: client -> api -> keys + feeds x 200 => log");

        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        analysis.FindComponent("keys")!.WriteLoadPerSecond.ShouldBe(10, 1e-9);
        analysis.FindComponent("feeds")!.WriteLoadPerSecond.ShouldBe(2000, 1e-9);
        analysis.FindComponent("log")!.WriteLoadPerSecond.ShouldBe(2000, 1e-9);
    }

    [Fact]
    public void Should_give_a_single_mm1_hop_its_exact_response_time_percentiles()
    {
        // Given one server at 0.5 requests/s with a 1 s service time: M/M/1 at rho = 0.5 (../shared/reference/queueing.md: W = 2, W p99 = 9.2103)
        var (bound, parameters) = Build("box: service, 1/s, 1 s\nflow f at 0.5/s: client -> box");

        // When
        var flow = ArchitectureAnalyzer.Analyze(bound, parameters).FindFlow("f")!;

        // Then
        var latency = flow.Latency.ShouldNotBeNull();
        latency.MeanSeconds.ShouldBe(2, 1e-9);
        latency.P50Seconds.ShouldBe(1.3863, 1e-4);
        latency.P99Seconds.ShouldBe(9.2103, 1e-4);
    }

    [Fact]
    public void Should_report_a_saturated_component_with_the_load_it_sheds_and_no_latency()
    {
        var (bound, parameters) = Build("api: service x2, 500 rps each, 10 ms\nflow f at 1500/s: client -> api");

        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        var api = analysis.FindComponent("api")!;
        api.IsSaturated.ShouldBeTrue();
        api.Utilization.ShouldBe(1.5, 1e-12);
        api.ShedPerSecond.ShouldBe(500, 1e-9);
        var flow = analysis.FindFlow("f")!;
        flow.Latency.ShouldBeNull();
        flow.SaturatedComponents.ShouldBe(["api"]);
        analysis.Headroom.ShouldNotBeNull().Multiple.ShouldBe(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Should_multiply_availability_in_series_and_combine_replicas_in_parallel()
    {
        // Given two tiers of availability 0.99: two replicas, then one
        var (bound, parameters) = Build("api: service x2\ndb: postgres\nflow f at 1/s: client -> api -> db");

        // When
        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        // Then (1 - 0.01^2) * 0.99, and the single database is a single point of failure
        analysis.FindFlow("f")!.Availability.ShouldBe(0.9999 * 0.99, 1e-12);
        analysis.SinglePointsOfFailure.Select(c => c.Name).ShouldBe(["db"]);
        analysis.FindFlow("f")!.DowntimeSecondsPerMonth.ShouldBe((1 - (0.9999 * 0.99)) * 2_592_000, 1e-6);
    }

    [Fact]
    public void Should_use_k_of_n_for_a_quorum()
    {
        var (bound, parameters) = Build("ring: cassandra x3, quorum 2\nflow f at 1/s: client -> ring");

        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        analysis.FindComponent("ring")!.Availability.ShouldBe(0.999702, 1e-9);
    }

    [Fact]
    public void Should_not_count_queue_consumers_on_the_producer_request_path()
    {
        var (bound, parameters) = Build("api: service\nq: sqs\nw: worker\nflow f at 5/s: client -> api => q => w");

        var analysis = ArchitectureAnalyzer.Analyze(bound, parameters);

        analysis.FindFlow("f")!.Hops.Select(h => h.Component).ShouldBe(["api", "q"]);
        analysis.FindComponent("w")!.OfferedLoadPerSecond.ShouldBe(5, 1e-9);
        analysis.FindComponent("w")!.OnRequestPath.ShouldBeFalse();
    }

    [Fact]
    public void Should_bring_exactly_the_named_component_to_utilisation_one_when_scaled_by_the_headroom()
    {
        Prop.ForAll(
            Gen.Choose(1, 5000).ToArbitrary(),
            Gen.Choose(1, 100).ToArbitrary(),
            Gen.Choose(1, 99).ToArbitrary(),
            (rate, replicas, hitPercent) =>
            {
                var text = $"api: service x{replicas}, 2K rps each, 5 ms\ncache: redis, 50K rps, 1 ms, hit {hitPercent}%\ndb: postgres x2, 3K rps each, 4 ms\nflow r at {rate}/s, read: client -> api -> cache -> db on miss";
                var (bound, parameters) = Build(text);
                var headroom = ArchitectureAnalyzer.Analyze(bound, parameters).Headroom!;
                var scaled = Build(text.Replace($"at {rate}/s", $"at {rate * headroom.Multiple:R}/s", StringComparison.Ordinal));
                var after = ArchitectureAnalyzer.Analyze(scaled.Bound, scaled.Parameters);
                return Math.Abs(after.FindComponent(headroom.Component)!.Utilization - 1) < 1e-9
                    && after.Components.All(c => c.Utilization <= 1 + 1e-9);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_keep_utilisation_linear_in_load_and_never_worse_with_another_replica()
    {
        Prop.ForAll(
            Gen.Choose(1, 20000).ToArbitrary(),
            Gen.Choose(1, 50).ToArbitrary(),
            (rate, replicas) =>
            {
                string Text(double r, int n) => $"api: service x{n}, 1K rps each, 10 ms\ndb: mysql, 5K rps, 2 ms\nflow w at {r:R}/s, write: client -> api -> db";
                var one = ArchitectureAnalyzer.Analyze(Build(Text(rate, replicas)).Bound, Build(Text(rate, replicas)).Parameters);
                var doubled = ArchitectureAnalyzer.Analyze(Build(Text(2.0 * rate, replicas)).Bound, Build(Text(2.0 * rate, replicas)).Parameters);
                var more = ArchitectureAnalyzer.Analyze(Build(Text(rate, replicas + 1)).Bound, Build(Text(rate, replicas + 1)).Parameters);
                var api = one.FindComponent("api")!;
                return Math.Abs(doubled.FindComponent("api")!.Utilization - (2 * api.Utilization)) < 1e-9 * Math.Max(1, api.Utilization)
                    && more.FindComponent("api")!.Utilization <= api.Utilization
                    && more.FindComponent("api")!.Availability >= api.Availability
                    && more.FindFlow("w")!.Availability >= one.FindFlow("w")!.Availability;
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Should_conserve_load_through_cache_and_fan_out_splits()
    {
        Prop.ForAll(
            Gen.Choose(1, 100000).ToArbitrary(),
            Gen.Choose(0, 100).ToArbitrary(),
            Gen.Choose(1, 500).ToArbitrary(),
            (rate, hitPercent, fanOut) =>
            {
                var (bound, parameters) = Build($"api: service\ncache: memcached, hit {hitPercent}%\ndb: cassandra\nfeeds: redis\nflow r at {rate}/s, read: client -> api -> cache -> db on miss\nflow p at {rate}/s, write: client -> api -> feeds x {fanOut}");
                var a = ArchitectureAnalyzer.Analyze(bound, parameters);
                var hit = hitPercent / 100.0;
                var cache = a.FindComponent("cache")!.OfferedLoadPerSecond;
                var db = a.FindComponent("db")!.OfferedLoadPerSecond;
                return Math.Abs((cache * hit) + db - rate) < 1e-6 * rate
                    && Math.Abs(a.FindComponent("feeds")!.OfferedLoadPerSecond - ((double)rate * fanOut)) < 1e-6 * rate * fanOut
                    && Math.Abs(a.FindComponent("api")!.OfferedLoadPerSecond - (2.0 * rate)) < 1e-6 * rate;
            }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(1.0, 1.0)]
    [InlineData(0.05, 1e-6)]
    [InlineData(0.002, 1e-9)]
    [InlineData(10.0, 1e-3)]
    public void Should_give_ordered_finite_percentiles_for_any_path(double mean, double variance)
    {
        var summary = PathLatency.Summarize(mean, variance);

        summary.MeanSeconds.ShouldBe(mean);
        double.IsFinite(summary.P99Seconds).ShouldBeTrue();
        summary.P50Seconds.ShouldBeLessThanOrEqualTo(summary.P95Seconds);
        summary.P95Seconds.ShouldBeLessThanOrEqualTo(summary.P99Seconds);
        summary.P50Seconds.ShouldBeGreaterThan(0);
    }
}
