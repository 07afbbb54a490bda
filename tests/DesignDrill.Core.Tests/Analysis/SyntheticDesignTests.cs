using DesignDrill.Benchmarks;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Analysis;

/// <summary>The design the analysis benchmark measures is the one it claims: 200 components, 50 flows, no errors.</summary>
public sealed class SyntheticDesignTests
{
    [Fact]
    public void Should_build_200_components_and_50_flows_that_review_without_warnings()
    {
        // Given
        var text = SyntheticDesign.Generate();

        // When
        var report = DesignReviewer.Review(text);

        // Then
        report.Document.Architecture.Components.Count.ShouldBe(200);
        report.Document.Architecture.Flows.Count.ShouldBe(50);
        report.Diagnostics.Where(d => d.Severity >= Severity.Warning).Select(d => d.ToString()).ShouldBeEmpty();
        report.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => $"{f.Id}@{f.Span.Line}: {f.Message}").ShouldBeEmpty();
        report.Architecture.Flows.ShouldAllBe(f => f.RatePerSecond > 0);
    }

    [Fact]
    public void Should_load_every_component_and_keep_every_tier_below_saturation()
    {
        // Given
        var report = DesignReviewer.Review(SyntheticDesign.Generate());

        // When
        var components = report.Analysis.Components;

        // Then
        components.Count.ShouldBe(200);
        components.ShouldAllBe(c => c.OfferedLoadPerSecond > 0);
        components.ShouldAllBe(c => c.Utilization < ReviewRules.HotUtilization);
        report.Analysis.Flows.ShouldAllBe(f => f.Latency != null);
        report.Analysis.Headroom.ShouldNotBeNull().Multiple.ShouldBeGreaterThanOrEqualTo(ReviewRules.ExpectedHeadroom);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Should_scale_with_the_number_of_domains_and_give_the_same_text_each_time(int domains)
    {
        // When
        var first = SyntheticDesign.Generate(domains);
        var second = SyntheticDesign.Generate(domains);

        // Then
        second.ShouldBe(first);
        var report = DesignReviewer.Review(first);
        report.Document.Architecture.Components.Count.ShouldBe(domains * SyntheticDesign.ComponentsPerDomain);
        report.Document.Architecture.Flows.Count.ShouldBe(domains * SyntheticDesign.FlowsPerDomain);
        report.Findings.ShouldNotContain(f => f.Severity == Severity.Error);
    }

    [Fact]
    public void Should_refuse_a_design_without_domains()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => SyntheticDesign.Generate(0));
    }
}
