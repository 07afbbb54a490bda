using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Review;

public sealed class ReviewRuleTests
{
    private const string Complete = """
        # Counter
        ## Clarifying questions
        - How many users? 1M.
        ## Requirements
        ### Functional
        - Count page views.
        ### Non-functional
        - p99 < 100 ms
        - availability 99.9%
        ## Estimates
        views = 10M / day
        peak_views = views * 3
        storage = views * 30 days * 100 B
        ## API
        - `POST /v1/views {page_id, idempotency_key} -> {count}`
        ## Data model
        - `view_count(page_id PK) in counts`
        ## Architecture
        ```
        api: service x2, 1K rps each, 5 ms
        counts: redis x2, 8 GB each, ttl 30 days
        flow count at peak_views, write: client -> api -> counts
        ```
        ## Deep dives
        Batching increments.
        ## Bottlenecks and failure modes
        A Redis node loss drops its counts since the last snapshot.
        ## Trade-offs
        Redis over PostgreSQL for increment throughput.
        ## Operations
        Alert on p99 and error rate; the bill is two small Redis nodes.
        """;

    [Fact]
    public void Should_find_nothing_in_a_complete_small_design()
    {
        var report = DesignReviewer.Review(Complete, new ReviewOptions { Level = DesignLevel.Staff });

        report.Findings.ShouldBeEmpty();
        report.Diagnostics.ShouldBeEmpty();
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        // rule, text to replace in the complete design, replacement
        { "REV006", "- p99 < 100 ms\n", "" },
        { "REV007", "- availability 99.9%\n", "" },
        { "REV008", "peak_views", "busy_views" },
        { "REV009", "storage = views * 30 days * 100 B\n", "" },
        { "REV010", "storage = views * 30 days * 100 B\n", "storage = views * 30 days * 100 B\nreads = views * 10\n" },
        { "REV011", "api: service x2, 1K rps each, 5 ms\ncounts: redis x2, 8 GB each, ttl 30 days\nflow count at peak_views, write: client -> api -> counts\n", "Boxes to come.\n" },
        { "REV013", "client -> api -> counts", "client -> apj -> counts" },
        { "REV016", "flow count at peak_views, write: client -> api -> counts", "flow count at peak_views, write: client -> api -> counts\nflow a after b: api -> counts\nflow b after a: api -> counts" },
        { "REV017", "counts: redis x2", "spare: service x2\ncounts: redis x2" },
        { "REV018", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "We expose a REST endpoint for views." },
        { "REV019", "{page_id, idempotency_key}", "{page_id}" },
        { "REV022", "- `view_count(page_id PK) in counts`", "Counts live in Redis hashes." },
        { "REV024", ", ttl 30 days", "" },
        { "REV025", "; the bill is two small Redis nodes", "" },
        { "REV026", "flow count at peak_views", "flow count at 500/s * 3" },
        { "REV027", "`view_count(page_id PK) in counts`", "`view_count(page_id PK)`" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Should_fire_a_rule_when_its_part_of_the_design_is_broken(string rule, string find, string replace)
    {
        // Given a complete design with one part broken
        Complete.ShouldContain(find);
        var broken = Complete.Replace(find, replace, StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(broken, new ReviewOptions { Level = DesignLevel.Staff });

        // Then the rule fires, with a fix
        report.Findings.Select(f => f.Id).ShouldContain(rule);
        report.Findings.First(f => f.Id == rule).Hint.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Should_note_an_architecture_written_before_the_requirements()
    {
        var text = "# X\n## Architecture\napi: service x2\nflow f at 1/s: client -> api\n## Requirements\n### Functional\n- do it\n";

        var report = DesignReviewer.Review(text);

        var finding = report.Findings.Single(f => f.Id == "REV023");
        finding.Severity.ShouldBe(Severity.Info);
        finding.Span.Line.ShouldBe(2);
    }

    [Theory]
    [InlineData(DesignLevel.Mid, Severity.Info)]
    [InlineData(DesignLevel.Senior, Severity.Warning)]
    [InlineData(DesignLevel.Staff, Severity.Warning)]
    public void Should_expect_trade_offs_more_firmly_at_higher_levels(DesignLevel level, Severity expected)
    {
        var text = Complete.Replace("## Trade-offs\nRedis over PostgreSQL for increment throughput.\n", "", StringComparison.Ordinal);

        var report = DesignReviewer.Review(text, new ReviewOptions { Level = level });

        report.Findings.Single(f => f.Id == "REV001").Severity.ShouldBe(expected);
    }

    [Fact]
    public void Should_report_a_cycle_of_after_flows()
    {
        var text = Complete.Replace("flow count at peak_views, write: client -> api -> counts", "flow count at peak_views: client -> api\nflow a after b: api -> counts\nflow b after a: api -> counts", StringComparison.Ordinal);

        var report = DesignReviewer.Review(text);

        report.Findings.Where(f => f.Id == "REV016").Count().ShouldBe(2);
        report.Architecture.FindFlow("a")!.RatePerSecond.ShouldBeNull();
    }

    [Fact]
    public void Should_have_unique_rule_ids_and_names()
    {
        ReviewRules.All.Select(r => r.Id).ShouldBeUnique();
        ReviewRules.All.Select(r => r.Name).ShouldBeUnique();
        ReviewRules.All.Count.ShouldBeGreaterThanOrEqualTo(12);
    }

    [Fact]
    public void Should_document_every_rule_in_the_review_rules_page()
    {
        var page = RepoFiles.Read("docs/review-rules.md");

        foreach (var rule in ReviewRules.All)
        {
            page.ShouldContain($"| {rule.Id} | `{rule.Name}` |");
        }
    }
}
