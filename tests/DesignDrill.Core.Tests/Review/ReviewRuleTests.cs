using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Review;

public sealed class ReviewRuleTests
{
    internal const string Complete = """
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

        Callers send an OAuth bearer token.
        Writes are rate limited to 100 a minute per user.
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
        Deploys are rolling, with a one-step rollback.
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
        { "REV040", "storage = views * 30 days * 100 B\n", "storage = views * 30 days * 100 B\napi_servers = peak_views / (50/s)\n" },
        { "REV022", "- `view_count(page_id PK) in counts`", "Counts live in Redis hashes." },
        { "REV024", ", ttl 30 days", "" },
        { "REV025", "; the bill is two small Redis nodes", "" },
        { "REV026", "flow count at peak_views", "flow count at 500/s * 3" },
        { "REV027", "`view_count(page_id PK) in counts`", "`view_count(page_id PK)`" },
        { "REV050", "flow count at peak_views, write: client -> api -> counts", "mailer: service x2, 100 rps each, 200 ms\nflow count at peak_views, write: client -> api -> counts + mailer" },
        { "REV052", "Writes are rate limited to 100 a minute per user.\n", "" },
        { "REV053", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /v1/views {page_id, idempotency_key} -> {count}`\n- `POST /v1/payments {amount, page_id} -> {payment_id}`" },
        { "REV054", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /v1/views {page_id, idempotency_key} -> {count}`\n- `GET /v1/pages -> {pages}`" },
        { "REV055", "Callers send an OAuth bearer token.\n", "" },
        { "REV057", "`view_count(page_id PK) in counts`", "`view_count(page_id PK, created_at PARTITION) in counts`" },
        { "REV058", "Alert on p99 and error rate; ", "" },
        { "REV060", "\nDeploys are rolling, with a one-step rollback.", "" },
        { "REV061", "Redis over PostgreSQL for increment throughput.", "Redis for increment throughput." },
        { "REV062", "/v1/views", "/views" },
    };

    /// <summary>
    /// Each content rule's risky construct, written together with what makes it safe: the rule must stay quiet.
    /// Rule, text to replace in the complete design, replacement.
    /// </summary>
    public static TheoryData<string, string, string> Mitigated => new()
    {
        { "REV050", "flow count at peak_views, write: client -> api -> counts", "mailer: service x2, 100 rps each, 200 ms\njobs: sqs, dlq\nflow count at peak_views, write: client -> api -> counts\nflow mail after count: api => jobs => mailer" },
        { "REV050", "flow count at peak_views, write: client -> api -> counts", "thumbnails: s3\nflow count at peak_views, write: client -> api -> counts + thumbnails" },
        { "REV051", "flow count at peak_views, write: client -> api -> counts", "events: kafka x3, dlq\ntally: worker x2, 1K rps each, 5 ms\nflow count at peak_views, write: client -> api -> counts\nflow tally after count: api => events => tally -> counts" },
        { "REV052", "Writes are rate limited to 100 a minute per user.", "Each user has a token bucket of 100 writes a minute." },
        { "REV053", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /v1/views {page_id, idempotency_key} -> {count}`\n- `POST /v1/payments {amount, page_id, idempotency_key} -> {payment_id}`" },
        { "REV053", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /v1/views {page_id, idempotency_key} -> {count}`\n- `PUT /v1/orders/{order_id} {items} -> {order_id}`" },
        { "REV054", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /v1/views {page_id, idempotency_key} -> {count}`\n- `GET /v1/pages?cursor=&limit=50 -> {pages, next_cursor}`" },
        { "REV054", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /v1/views {page_id, idempotency_key} -> {count}`\n- `GET /v1/pages/{page_id}/stats -> {views}`\n- `GET /v1/orders/{order_id} -> {items, total}`" },
        { "REV055", "Callers send an OAuth bearer token.", "Counting is anonymous by design." },
        { "REV056", "- availability 99.9%", "- availability 99.9%\n- strong consistency for view counts" },
        { "REV057", "`view_count(page_id PK) in counts`", "`view_count(page_id PK PARTITION, created_at SORT) in counts`" },
        { "REV057", "`view_count(page_id PK) in counts`", "`view_count(page_id PK PARTITION, day PARTITION) in counts`" },
        { "REV058", "Alert on p99 and error rate; ", "Traces follow each request; " },
        { "REV059", "counts: redis x2, 8 GB each, ttl 30 days", "counts: postgres, 1 primary + 1 replica" },
        { "REV060", "Deploys are rolling, with a one-step rollback.", "New versions go to a 1% canary first." },
        { "REV061", "Redis over PostgreSQL for increment throughput.", "Redis instead of PostgreSQL for increment throughput." },
        { "REV062", "- `POST /v1/views {page_id, idempotency_key} -> {count}`", "- `POST /views {page_id, idempotency_key} -> {count}` (the version travels in an Accept-Version header)" },
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

    [Theory]
    [MemberData(nameof(Mitigated))]
    public void Should_stay_quiet_when_the_design_covers_the_risk(string rule, string find, string replace)
    {
        // Given a complete design with a risky part written together with what makes it safe
        Complete.ShouldContain(find);
        var text = Complete.Replace(find, replace, StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Staff });

        // Then
        report.Findings.Select(f => f.Id).ShouldNotContain(rule);
    }

    [Theory]
    [InlineData("availability 99.9%", false)]
    [InlineData("availability 99.95%", true)]
    public void Should_count_an_availability_equal_to_the_target_as_met(string target, bool missed)
    {
        // Given a flow through one CloudFront distribution (99.9% by its SLA) held to exactly 99.9%, or to more
        var text = Complete
            .Replace("availability 99.9%", target, StringComparison.Ordinal)
            .Replace("flow count at peak_views, write: client -> api -> counts", "cdn: cloudfront\nflow count at peak_views, read: client -> cdn", StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(text);

        // Then: the product of availabilities may round below the target; equal is met
        report.Findings.Any(f => f.Id == "REV039").ShouldBe(missed);
    }

    [Fact]
    public void Should_hold_each_flow_to_the_target_of_its_own_clause()
    {
        // Given one line with two availability targets, and a write flow through one CloudFront distribution (99.9%)
        var text = Complete
            .Replace("availability 99.9%", "availability 99.99% for reads; availability 99.9% for count", StringComparison.Ordinal)
            .Replace("flow count at peak_views, write: client -> api -> counts", "cdn: cloudfront\nflow count at peak_views, write: client -> cdn", StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(text);

        // Then: 'count' meets its own 99.9% and is not held to the 99.99% of the first clause
        report.Findings.Where(f => f.Id == "REV039").ShouldBeEmpty();
        report.Document.Requirements.NonFunctional.Select(n => n.Clause).ShouldContain("availability 99.9% for count");
    }

    [Fact]
    public void Should_flag_a_queue_without_dead_letters_retries_or_idempotent_consumers()
    {
        // Given a stream, and no word on duplicates or poison messages anywhere
        var text = Complete
            .Replace("{page_id, idempotency_key}", "{page_id}", StringComparison.Ordinal)
            .Replace(
                "flow count at peak_views, write: client -> api -> counts",
                "events: kafka x3, 6 partitions\ntally: worker x2, 1K rps each, 5 ms\nflow count at peak_views, write: client -> api -> counts\nflow tally after count: api => events => tally -> counts",
                StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Senior });

        // Then it points at the stream's declaration and names its consumer
        var finding = report.Findings.Single(f => f.Id == "REV051");
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Span.Line.ShouldBe(LineOf(text, "events: kafka x3"));
        finding.Message.ShouldContain("'tally'");
        finding.Concept.ShouldBe("docs/concepts/queues-and-async.md");
    }

    [Fact]
    public void Should_flag_strongly_consistent_data_kept_in_cassandra_at_its_default()
    {
        // Given
        var text = Complete
            .Replace("- availability 99.9%", "- availability 99.9%\n- strong consistency for view counts", StringComparison.Ordinal)
            .Replace("counts: redis x2, 8 GB each, ttl 30 days", "counts: cassandra x3", StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(text);

        // Then
        var finding = report.Findings.Single(f => f.Id == "REV056");
        finding.Span.Line.ShouldBe(LineOf(text, "counts: cassandra x3"));
        finding.Message.ShouldContain("'view_count'");
        finding.Message.ShouldContain("flow 'count'");

        // And quorum reads and writes settle it
        var quorum = DesignReviewer.Review(text.Replace("counts: cassandra x3", "counts: cassandra x3, consistency quorum", StringComparison.Ordinal));
        quorum.Findings.Select(f => f.Id).ShouldNotContain("REV056");
    }

    [Fact]
    public void Should_flag_stores_with_no_word_on_backups()
    {
        var text = Complete
            .Replace("counts: redis x2, 8 GB each, ttl 30 days", "counts: postgres, 1 primary + 1 replica", StringComparison.Ordinal)
            .Replace(" since the last snapshot", "", StringComparison.Ordinal);

        var report = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Senior });

        var finding = report.Findings.Single(f => f.Id == "REV059");
        finding.Severity.ShouldBe(Severity.Warning);
        finding.Span.Line.ShouldBe(LineOf(text, "counts: postgres"));
        DesignReviewer.Review(text).Findings.Single(f => f.Id == "REV059").Severity.ShouldBe(Severity.Info);
    }

    [Fact]
    public void Should_leave_a_payment_endpoint_to_the_stricter_idempotency_rule()
    {
        // Given a payment and a plain POST, neither with an idempotency key
        var text = Complete.Replace(
            "- `POST /v1/views {page_id, idempotency_key} -> {count}`",
            "- `POST /v1/views {page_id} -> {count}`\n- `POST /v1/payments {amount, page_id} -> {payment_id}`",
            StringComparison.Ordinal);

        // When
        var report = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Senior });

        // Then each line gets one finding: REV053 (error) on the payment, REV019 on the other write
        var payments = LineOf(text, "POST /v1/payments");
        var views = LineOf(text, "POST /v1/views");
        report.Findings.Where(f => f.Span.Line == payments).Select(f => f.Id).ShouldBe(["REV053"]);
        report.Findings.Single(f => f.Id == "REV053").Severity.ShouldBe(Severity.Error);
        report.Findings.Single(f => f.Id == "REV019").Span.Line.ShouldBe(views);
        report.Findings.Single(f => f.Id == "REV019").Message.ShouldStartWith("1 POST endpoint(s)");
    }

    [Fact]
    public void Should_not_fire_the_generic_idempotency_rule_when_every_post_is_a_critical_write()
    {
        var text = Complete.Replace("{page_id, idempotency_key} -> {count}", "{page_id, amount} -> {count}", StringComparison.Ordinal);

        var report = DesignReviewer.Review(text, new ReviewOptions { Level = DesignLevel.Mid });

        report.Findings.Select(f => f.Id).ShouldNotContain("REV019");
        report.Findings.Single(f => f.Id == "REV053").Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void Should_name_the_flow_and_the_step_of_a_synchronous_side_effect()
    {
        var text = Complete.Replace(
            "flow count at peak_views, write: client -> api -> counts",
            "thumbnailer: service x2, 50 rps each, 300 ms\nflow count at peak_views, write: client -> api -> counts -> thumbnailer",
            StringComparison.Ordinal);

        var report = DesignReviewer.Review(text);

        var finding = report.Findings.Single(f => f.Id == "REV050");
        finding.Span.Line.ShouldBe(LineOf(text, "-> thumbnailer"));
        var line = text.Split('\n')[finding.Span.Line - 1];
        line[(finding.Span.Column - 1)..(finding.Span.EndColumn - 1)].ShouldBe("thumbnailer");
        finding.Message.ShouldContain("flow 'count'");
        finding.Message.ShouldContain("media processing");
        finding.Hint.ShouldContain("counts => jobs => thumbnailer");
    }

    [Theory]
    [InlineData("REV052", "Writes are rate limited to 100 a minute per user.\n", DesignLevel.Mid, Severity.Info)]
    [InlineData("REV052", "Writes are rate limited to 100 a minute per user.\n", DesignLevel.Senior, Severity.Warning)]
    [InlineData("REV055", "Callers send an OAuth bearer token.\n", DesignLevel.Mid, Severity.Warning)]
    [InlineData("REV055", "Callers send an OAuth bearer token.\n", DesignLevel.Staff, Severity.Warning)]
    [InlineData("REV058", "Alert on p99 and error rate; ", DesignLevel.Senior, Severity.Warning)]
    [InlineData("REV058", "Alert on p99 and error rate; ", DesignLevel.Staff, Severity.Error)]
    [InlineData("REV060", "\nDeploys are rolling, with a one-step rollback.", DesignLevel.Senior, Severity.Info)]
    [InlineData("REV060", "\nDeploys are rolling, with a one-step rollback.", DesignLevel.Staff, Severity.Warning)]
    public void Should_expect_operations_and_api_hygiene_more_firmly_at_higher_levels(string rule, string remove, DesignLevel level, Severity expected)
    {
        var text = Complete.Replace(remove, "", StringComparison.Ordinal);

        var report = DesignReviewer.Review(text, new ReviewOptions { Level = level });

        report.Findings.Single(f => f.Id == rule).Severity.ShouldBe(expected);
    }

    [Fact]
    public void Should_give_every_rule_a_concept_page_that_exists()
    {
        var index = RepoFiles.Read("docs/concepts/README.md");

        foreach (var rule in ReviewRules.All)
        {
            rule.Concept.ShouldNotBeNull($"{rule.Id} has no concept page");
            rule.Concept.ShouldStartWith("docs/concepts/");
            File.Exists(RepoFiles.Path(rule.Concept)).ShouldBeTrue($"{rule.Id}: {rule.Concept} does not exist");
            index.ShouldContain($"({Path.GetFileName(rule.Concept)})");
        }
    }

    [Theory]
    [InlineData("capacity-and-utilisation.md")]
    [InlineData("headroom.md")]
    [InlineData("latency-percentiles.md")]
    [InlineData("single-points-of-failure.md")]
    [InlineData("caching.md")]
    [InlineData("over-engineering.md")]
    [InlineData("partitioning.md")]
    public void Should_have_the_concept_pages_the_analysis_rules_point_at(string page)
    {
        File.Exists(RepoFiles.Path("docs/concepts/" + page)).ShouldBeTrue();
        RepoFiles.Read("docs/concepts/README.md").ShouldContain($"({page})");
    }

    private static int LineOf(string text, string part)
    {
        var lines = text.Split('\n');
        var matches = Enumerable.Range(0, lines.Length).Where(i => lines[i].Contains(part, StringComparison.Ordinal)).ToList();
        matches.Count.ShouldBe(1, $"'{part}' should be on exactly one line");
        return matches[0] + 1;
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
