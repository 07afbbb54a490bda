using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Practice;
using DesignDrill.Core.Review;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Practice;

public sealed class ConstraintRunnerTests
{
    private const string Small = """
        ## Architecture
        ```
        lb: aws_alb
        api: service x4, 1K rps each, 10 ms
        cache: redis x2, 16 GB each, ttl 1h, hit 80%
        db: postgres x2, 2K rps each, 5 ms
        flow read at 1.6K/s, read: client -> lb -> api -> cache -> db on miss
        flow write at 400/s, write: client -> lb -> api -> db
        ```
        """;

    private static Prompt UrlShortener => PromptCatalog.Default.Get("url-shortener").ShouldNotBeNull();

    private static ConstraintChange Change(ConstraintChangeAction action) => new("test", "A test change.", action, SourceSpan.None);

    [Fact]
    public void Should_find_what_breaks_first_at_ten_x_at_the_design_headroom()
    {
        // Given: the sample URL shortener, whose busiest tier is api
        var report = DesignReviewer.Review(RepoFiles.Read("samples/url-shortener.md"));
        var change = UrlShortener.ConstraintChanges.Single(c => c.Name == "ten-x-traffic");

        // When
        var outcome = ConstraintRunner.Run(report, change);

        // Then: the bisection finds the analytic headroom, and at 10x the api tier is far past saturation
        var headroom = report.Analysis.Headroom.ShouldNotBeNull();
        outcome.Applied.ShouldBeTrue();
        outcome.BreaksFirst.ShouldBe(headroom.Component);
        outcome.BreaksAtMultiple.ShouldNotBeNull().ShouldBe(headroom.Multiple, headroom.Multiple * 0.002);
        outcome.Saturated[0].Component.ShouldBe("api");
        outcome.Saturated[0].UtilizationAfter.ShouldBe(outcome.Saturated[0].UtilizationBefore * 10, 1e-9);
        outcome.Summary.ShouldStartWith("At 10x every flow: 'api' saturates first, at 2.28x today's load; saturated then: api at 438% (was 44%)");
    }

    [Fact]
    public void Should_scale_one_flow_and_the_flows_it_triggers()
    {
        // Given
        var report = DesignReviewer.Review(RepoFiles.Read("samples/url-shortener.md"));

        // When
        var outcome = ConstraintRunner.Run(report, Change(new ScaleFlow("redirect", 20)));

        // Then: the shorten flow is unchanged, click_events grows with redirect
        outcome.After.FindFlow("shorten")!.RatePerSecond.ShouldBe(outcome.Before.FindFlow("shorten")!.RatePerSecond);
        outcome.After.FindFlow("click_events")!.RatePerSecond!.Value.ShouldBe(outcome.Before.FindFlow("click_events")!.RatePerSecond!.Value * 20, 1e-6);
        outcome.Summary.ShouldContain("at 2.29x today's 'redirect' rate");
    }

    [Fact]
    public void Should_map_a_reference_flow_name_to_the_busiest_flow_of_the_same_operation()
    {
        // Given: a design whose read flow is not called 'redirect'
        var report = DesignReviewer.Review(Small);
        var reference = DesignReviewer.Review(UrlShortener.ReferenceDesignText.ShouldNotBeNull());

        // When
        var outcome = ConstraintRunner.Run(report, Change(new ScaleFlow("redirect", 2)), reference);

        // Then
        outcome.Applied.ShouldBeTrue();
        outcome.Notes.ShouldBe(["your design has no flow 'redirect'; applied to your busiest read flow, 'read'"]);
        outcome.After.FindFlow("read")!.RatePerSecond!.Value.ShouldBe(3200, 1e-9);
        outcome.After.FindFlow("write")!.RatePerSecond!.Value.ShouldBe(400, 1e-9);
    }

    [Fact]
    public void Should_fail_the_flows_through_a_killed_component_found_by_its_reference_kind()
    {
        // Given: the reference calls its database 'store'; the candidate calls it 'db'
        var reference = DesignReviewer.Review(Small.Replace("db", "store", StringComparison.Ordinal));
        var report = DesignReviewer.Review(Small);

        // When
        var outcome = ConstraintRunner.Run(report, Change(new KillComponent("store")), reference);

        // Then: both flows wait on the database; the read flow reaches it on a miss only, which still fails 20% of reads
        outcome.Notes.ShouldBe(["your design has no 'store'; applied to your busiest sql_db, 'db'"]);
        outcome.FailedFlows.ShouldBe(["write"]);
        outcome.After.FindFlow("read")!.Availability.ShouldBeLessThan(0.81);
        outcome.Summary.ShouldStartWith("With every replica of 'db' down, these flows fail: write.");
    }

    [Fact]
    public void Should_send_every_read_to_the_origin_when_the_cache_is_flushed()
    {
        // Given
        var report = DesignReviewer.Review(Small);

        // When
        var outcome = ConstraintRunner.Run(report, Change(new CacheFlush("cache")));

        // Then: db sees 1.6K reads instead of 320, plus 400 writes: 2,000/s against 4K/s
        outcome.Before.FindComponent("db")!.OfferedLoadPerSecond.ShouldBe(720, 1e-6);
        outcome.After.FindComponent("db")!.OfferedLoadPerSecond.ShouldBe(2000, 1e-6);
        outcome.FailedFlows.ShouldBeEmpty();
        outcome.Summary.ShouldContain("The biggest change: 'db' goes from 18% to 50% busy.");
    }

    [Fact]
    public void Should_lose_single_region_components_and_keep_the_rest_of_multi_region_ones()
    {
        // Given: one design in one region, one in two
        var single = DesignReviewer.Review(Small);
        var multi = DesignReviewer.Review(Small.Replace("10 ms", "10 ms, regions 2", StringComparison.Ordinal)
            .Replace("5 ms", "5 ms, regions 2", StringComparison.Ordinal).Replace("hit 80%", "hit 80%, regions 2", StringComparison.Ordinal));

        // When
        var lostAll = ConstraintRunner.Run(single, Change(new LoseRegion()));
        var lostHalf = ConstraintRunner.Run(multi, Change(new LoseRegion()));

        // Then: the managed load balancer survives both; the two-region tiers keep half their capacity
        lostAll.FailedFlows.ShouldBe(["read", "write"]);
        lostAll.Notes.ShouldBe(["in one region only, so lost: api, cache, db"]);
        lostHalf.FailedFlows.ShouldBeEmpty();
        lostHalf.After.FindComponent("api")!.Utilization.ShouldBe(lostHalf.Before.FindComponent("api")!.Utilization * 2, 1e-9);
    }

    [Fact]
    public void Should_not_apply_a_change_to_a_design_without_load()
    {
        // Given
        var report = DesignReviewer.Review("## Architecture\n```\napi: service\n```\n");

        // When
        var outcome = ConstraintRunner.Run(report, Change(new ScaleFlows(10)));

        // Then
        outcome.Applied.ShouldBeFalse();
        outcome.Summary.ShouldBe("Nothing to run: the architecture has no flow with a rate.");
    }
}
