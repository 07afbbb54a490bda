using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Tests.Architecture;

public sealed class ArchitectureBinderTests
{
    private static (BoundArchitecture Bound, List<Diagnostic> Diagnostics) Bind(string architecture, string estimates = "read_rate = 10K/s\nfollowers = 200\nsize = 2 TB")
    {
        var text = $"## Estimates\n{estimates}\n## Architecture\n{architecture}\n";
        var document = DesignDocumentParser.Parse(text);
        var sheet = EstimateSheet.Evaluate(
            document.Estimates.Select(e => new EstimateInput(e.Name, e.NameSpan, e.Expression, e.ExpressionSpan, e.Stated, e.StatedSpan)).ToList(),
            Conventions.Default);
        var diagnostics = new List<Diagnostic>();
        var bound = ArchitectureBinder.Bind(document.Architecture, sheet.Values, Conventions.Default, ComponentCatalog.Default, diagnostics);
        return (bound, diagnostics);
    }

    [Fact]
    public void Should_classify_bare_quantities_by_dimension()
    {
        var (bound, diagnostics) = Bind("api: service x6, 2K rps each, 20 ms\ncache: redis x3, 64 GB each, ttl 24h, hit 90%\ndb: postgres, 1 primary + 2 replicas, 2 TB");

        diagnostics.ShouldBeEmpty();
        var api = bound.FindComponent("api")!;
        api.Replicas.ShouldBe(6);
        api.CapacityPerReplica!.Value.Value.ShouldBe(2000);
        api.ServiceTime!.Value.Value.ShouldBe(0.020, 1e-12);
        var cache = bound.FindComponent("cache")!;
        cache.MemoryPerReplica!.Value.Value.ShouldBe(64e9);
        cache.Ttl!.Value.Value.ShouldBe(86_400);
        cache.HitRatio.ShouldBe(0.9);
        var db = bound.FindComponent("db")!;
        db.Replicas.ShouldBe(3);
        db.StoragePerReplica!.Value.Value.ShouldBe(2e12);
    }

    [Fact]
    public void Should_evaluate_flow_rates_from_estimates_and_after_flows_with_factors()
    {
        var (bound, diagnostics) = Bind(
            "api: service x2\nfeed: cache\nq: kafka\nw: worker\nflow read at read_rate * 3, read: client -> api -> feed x followers\nflow audit after read x 10%: api => q => w");

        diagnostics.ShouldBeEmpty();
        var read = bound.FindFlow("read")!;
        read.RatePerSecond.ShouldBe(30_000);
        read.FanOut.ShouldBe([1, 1, 200]);
        read.ReferencedEstimates.ShouldBe(["read_rate", "followers"]);
        bound.FindFlow("audit")!.RatePerSecond!.Value.ShouldBe(3_000, 1e-9);
    }

    [Fact]
    public void Should_record_who_calls_each_sibling_step()
    {
        var (bound, _) = Bind("api: service\nkeys: id_generator\nurls: dynamodb\nlog: kafka\nflow shorten at 10/s: client -> api -> keys + urls => log");

        var steps = bound.FindFlow("shorten")!.Declaration.Steps;
        steps.Select(s => s.Component).ShouldBe(["client", "api", "keys", "urls", "log"]);
        Enumerable.Range(0, steps.Count).Select(i => steps[i].CallerIndex(i)).ShouldBe([-1, 0, 1, 1, 3]);
    }

    [Theory]
    [InlineData("api: service\nflow f at size: client -> api", ArchitectureBinder.RateNotARateCode)]
    [InlineData("api: service\nflow f at 1/s: client -> api x 5 GB", ArchitectureBinder.FactorNotANumberCode)]
    [InlineData("cache: redis, ttl 5 GB", ArchitectureBinder.SettingDimensionCode)]
    [InlineData("api: service, 5 $", ArchitectureBinder.UnclassifiedQuantityCode)]
    [InlineData("cache: redis, hit 120%", ArchitectureBinder.HitRatioRangeCode)]
    [InlineData("events: kafka, partitions 2.5", ArchitectureBinder.BadCountCode)]
    public void Should_report_numbers_that_do_not_fit_where_they_are_written(string architecture, string code)
    {
        var (_, diagnostics) = Bind(architecture);

        var diagnostic = diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(code);
        diagnostic.Span.HasLocation.ShouldBeTrue();
        diagnostic.Hint.ShouldNotBeNullOrWhiteSpace();
    }
}
