using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Tests.DesignDocs;

public sealed class RequirementsTests
{
    public static TheoryData<string, NfrKind, bool, double?, string?, double?, string?, string?> Forms => new()
    {
        { "p99 < 100 ms", NfrKind.Latency, true, 99, "100 ms", null, null, null },
        { "p95 read latency under 200ms", NfrKind.Latency, true, 95, "200ms", null, null, "read" },
        { "median 50 ms", NfrKind.Latency, true, 50, "50 ms", null, null, null },
        { "p99.9 <= 1 s for redirects", NfrKind.Latency, true, 99.9, "1 s", null, null, "redirects" },
        { "200 ms p99", NfrKind.Latency, true, 99, "200 ms", null, null, null },
        { "latency under 300 ms", NfrKind.Latency, true, null, "300 ms", null, null, null },
        { "99.99% availability", NfrKind.Availability, true, null, "99.99%", 99.99, null, null },
        { "four nines", NfrKind.Availability, true, null, "four nines", 99.99, null, null },
        { "99.999999999% durability", NfrKind.Durability, true, null, "99.999999999%", 99.999999999, null, null },
        { "11 nines", NfrKind.Durability, true, null, "11 nines", 99.999999999, null, null },
        { "strong consistency for payments", NfrKind.Consistency, true, null, null, null, "strong", "payments" },
        { "eventual consistency for feeds/counters", NfrKind.Consistency, true, null, null, null, "eventual", "feeds/counters" },
        { "balances must be strongly consistent", NfrKind.Consistency, true, null, null, null, "strong", "balances" },
        { "read-your-writes for profile edits", NfrKind.Consistency, true, null, null, null, "read-your-writes", "profile edits" },
        { "RPO 0", NfrKind.RecoveryPoint, true, null, "0", null, null, null },
        { "RTO < 5 min", NfrKind.RecoveryTime, true, null, "5 min", null, null, null },
        { "multi-region", NfrKind.Geography, true, null, "multi-region", null, null, null },
        { "users in US and EU", NfrKind.Geography, true, null, "US and EU", null, null, null },
        { "global", NfrKind.Geography, true, null, "global", null, null, null },
        { "10K rps peak", NfrKind.Throughput, true, null, "10K rps", null, null, null },
        { "fast", NfrKind.Latency, false, null, null, null, null, null },
        { "highly available", NfrKind.Availability, false, null, null, null, null, null },
        { "scalable", NfrKind.Scalability, false, null, null, null, null, null },
        { "consistent", NfrKind.Consistency, false, null, null, null, null, null },
        { "nice to use", NfrKind.Other, false, null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void Should_recognise_each_non_functional_form(string item, NfrKind kind, bool measurable, double? percentile, string? bound, double? percent, string? model, string? appliesTo)
    {
        // Given
        var text = $"## Requirements\n### Non-functional\n- {item}\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var requirement = document.Requirements.NonFunctional.ShouldHaveSingleItem();
        requirement.Kind.ShouldBe(kind);
        requirement.IsMeasurable.ShouldBe(measurable);
        requirement.Text.ShouldBe(item);
        requirement.Percentile.ShouldBe(percentile);
        requirement.BoundText.ShouldBe(bound);
        requirement.Percent.ShouldBe(percent);
        requirement.ConsistencyModel.ShouldBe(model);
        requirement.AppliesTo.ShouldBe(appliesTo);
        requirement.Span.Line.ShouldBe(3);
    }

    [Fact]
    public void Should_find_several_requirements_on_one_line_each_with_its_span()
    {
        // Given
        var text = "## Requirements\n### NFRs\n- p99 < 100 ms, 99.9% available\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        var requirements = document.Requirements.NonFunctional;
        requirements.Select(r => r.Kind).ShouldBe([NfrKind.Latency, NfrKind.Availability]);
        requirements[0].Span.ShouldBe(new SourceSpan(3, 3, 15));
        requirements[0].BoundSpan.ShouldBe(new SourceSpan(3, 9, 15));
        requirements[1].Span.ShouldBe(new SourceSpan(3, 17, 22));
    }

    [Theory]
    [InlineData("### Non functional")]
    [InlineData("### Non-functional requirements")]
    [InlineData("### NFRs")]
    [InlineData("### Quality attributes")]
    [InlineData("**Non-functional:**")]
    [InlineData("Non-functional:")]
    public void Should_recognise_non_functional_subsection_aliases(string heading)
    {
        // Given
        var text = $"## Requirements\n### Functional\n- shorten URLs\n{heading}\n- fast\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Requirements.Functional.ShouldHaveSingleItem().Text.ShouldBe("- shorten URLs");
        document.Requirements.NonFunctional.ShouldHaveSingleItem().IsMeasurable.ShouldBeFalse();
    }

    [Fact]
    public void Should_keep_lines_outside_subsections_and_lift_measurable_ones()
    {
        // Given
        var text = "## Requirements\nWe focus on redirects.\np99 < 50 ms\n### Out of scope\nanalytics UI\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Requirements.Other.Select(l => l.Text).ShouldBe(["We focus on redirects.", "analytics UI"]);
        document.Requirements.NonFunctional.ShouldHaveSingleItem().BoundText.ShouldBe("50 ms");
    }

    [Fact]
    public void Should_read_functional_and_non_functional_h2_sections()
    {
        // Given
        var text = "## Functional requirements\n- post a tweet\n## Non-functional requirements\n- four nines\n";

        // When
        var document = DesignDocumentParser.Parse(text);

        // Then
        document.Diagnostics.ShouldBeEmpty();
        document.Requirements.Functional.ShouldHaveSingleItem();
        document.Requirements.NonFunctional.ShouldHaveSingleItem().Percent.ShouldBe(99.99);
    }
}
