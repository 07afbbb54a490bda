using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Review;

/// <summary>
/// The flawed samples written for the analysis rules (REV030–REV039): each shows its intended findings on the right
/// lines, with the numbers behind them, and nothing else at warning level or above.
/// </summary>
public sealed class AnalysisSampleTests
{
    private const string Feed = "samples/flawed/overloaded-feed.md";
    private const string Payments = "samples/flawed/fragile-payments.md";

    /// <summary>Every finding the two samples are written to show: sample, rule, text of its line, severity.</summary>
    public static TheoryData<string, string, string, Severity> IntendedFindings => new()
    {
        { Feed, "REV030", "api: service x16, 2K rps each, 15 ms", Severity.Warning },
        { Feed, "REV031", "posts_db: postgres, 1 primary + 1 replica", Severity.Error },
        { Feed, "REV033", "Feed latency p99 < 250 ms.", Severity.Warning },
        { Feed, "REV035", "flow open_post at peak_view", Severity.Warning },
        { Feed, "REV036", "timeline_cache: redis x4", Severity.Warning },
        { Payments, "REV032", "fraud: service x2", Severity.Warning },
        { Payments, "REV034", "payments_api: service, 1K rps", Severity.Warning },
        { Payments, "REV034", "payments_db: postgres", Severity.Warning },
        { Payments, "REV037", "ledger: postgres, shards 16", Severity.Warning },
        { Payments, "REV037", "events: kafka x3", Severity.Info },
        { Payments, "REV038", "payments_db: postgres", Severity.Warning },
        { Payments, "REV039", "Availability 99.99% for charges.", Severity.Warning },
    };

    public static TheoryData<string> Samples => new(Feed, Payments);

    [Theory]
    [MemberData(nameof(IntendedFindings))]
    public void Should_show_each_intended_finding_on_its_line(string sample, string id, string lineText, Severity severity)
    {
        // Given
        var text = RepoFiles.Read(sample);

        // When
        var report = DesignReviewer.Review(text);

        // Then
        FindingOn(report, sample, id, lineText).Severity.ShouldBe(severity);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Should_show_no_warning_or_error_beyond_the_intended_findings(string sample)
    {
        // Given
        var intended = IntendedFindings
            .Where(row => (string)row[0] == sample)
            .Select(row => ((string)row[1], RepoFiles.LineOf(sample, (string)row[2])))
            .ToHashSet();

        // When
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        // Then
        report.Diagnostics.Where(d => d.Severity >= Severity.Warning).ShouldBeEmpty();
        report.Findings
            .Where(f => f.Severity >= Severity.Warning && !intended.Contains((f.Id, f.Span.Line)))
            .Select(f => $"{f.Id}@{f.Span.Line}: {f.Message}")
            .ShouldBeEmpty();
        report.Estimates.Results.ShouldAllBe(r => r.Verdict == Core.Estimation.StatedVerdict.Ok || r.Input.Stated == null);
    }

    [Fact]
    public void Should_give_the_load_capacity_and_shed_rate_of_the_saturated_posts_database()
    {
        // Given open_post reads posts_db four times at 3 x 50M x 4 / day, and publish writes it at 3 x 50M x 0.2 / day
        var peakView = 3 * 50e6 * 4 / 86_400;
        var peakPost = 3 * 50e6 * 0.2 / 86_400;

        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Feed)), Feed, "REV031", "posts_db: postgres");

        // Then
        finding.Evidence["offeredLoadPerSecond"].ShouldBe((4 * peakView) + peakPost, 1e-6);
        finding.Evidence["utilization"].ShouldBeGreaterThan(1);
        finding.Evidence["utilization"].ShouldBe(finding.Evidence["offeredLoadPerSecond"] / finding.Evidence["capacityPerSecond"], 1e-12);
        finding.Evidence["shedPerSecond"].ShouldBe(finding.Evidence["offeredLoadPerSecond"] - finding.Evidence["capacityPerSecond"], 1e-9);
        finding.Message.ShouldContain("'posts_db'");
    }

    [Fact]
    public void Should_give_the_hot_api_tier_its_utilisation_between_70_and_100_percent()
    {
        // Given every client flow passes the api: 3 x 50M x (10 + 4 + 0.2) / day against 16 x 2K rps
        var offered = 3 * 50e6 * 14.2 / 86_400;

        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Feed)), Feed, "REV030", "api: service x16");

        // Then
        finding.Evidence["offeredLoadPerSecond"].ShouldBe(offered, 1e-6);
        finding.Evidence["capacityPerSecond"].ShouldBe(32_000, 1e-9);
        finding.Evidence["utilization"].ShouldBe(offered / 32_000, 1e-12);
        finding.Evidence["utilization"].ShouldBeInRange(ReviewRules.HotUtilization, 1);
    }

    [Fact]
    public void Should_name_the_ranker_as_the_dominant_hop_of_the_missed_feed_target()
    {
        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Feed)), Feed, "REV033", "Feed latency p99");

        // Then
        finding.Evidence["targetSeconds"].ShouldBe(0.25, 1e-12);
        finding.Evidence["p99Seconds"].ShouldBeGreaterThan(finding.Evidence["targetSeconds"]);
        finding.Evidence["meanSeconds"].ShouldBeGreaterThan(0.080);
        finding.Message.ShouldContain("flow 'feed'");
        finding.Message.ShouldContain("'ranker' contributes");
    }

    [Fact]
    public void Should_give_the_read_and_write_rates_behind_the_uncached_read_path()
    {
        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Feed)), Feed, "REV035", "flow open_post");

        // Then
        finding.Evidence["readRatePerSecond"].ShouldBe(3 * 50e6 * 4 / 86_400, 1e-6);
        finding.Evidence["writeRatePerSecond"].ShouldBe(3 * 50e6 * 0.2 / 86_400, 1e-6);
        (finding.Evidence["readRatePerSecond"] / finding.Evidence["writeRatePerSecond"]).ShouldBeGreaterThanOrEqualTo(ReviewRules.ReadHeavyRatio);
        finding.Message.ShouldContain("'posts_db'");
    }

    [Fact]
    public void Should_compare_the_cache_memory_with_the_hot_set_estimate()
    {
        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Feed)), Feed, "REV036", "timeline_cache: redis x4");

        // Then four 32 GB nodes against 50M users x 500 entries x 16 B
        finding.Evidence["cacheBytes"].ShouldBe(4 * 32e9, 1);
        finding.Evidence["hotSetBytes"].ShouldBe(50e6 * 500 * 16, 1);
        finding.Message.ShouldContain("'cache_memory'");
    }

    [Fact]
    public void Should_give_the_headroom_multiple_of_the_fraud_tier()
    {
        // Given fraud serves 2 x 60 rps and every charge calls it once, at 3 x 50K x 40 / day
        var peakCharge = 3 * 50e3 * 40 / 86_400;

        // When
        var report = DesignReviewer.Review(RepoFiles.Read(Payments));
        var finding = FindingOn(report, Payments, "REV032", "fraud: service x2");

        // Then
        finding.Evidence["headroomMultiple"].ShouldBe(120 / peakCharge, 1e-9);
        finding.Evidence["headroomMultiple"].ShouldBeInRange(1, ReviewRules.ExpectedHeadroom);
        report.Analysis.Headroom.ShouldNotBeNull().Component.ShouldBe("fraud");
        report.Findings.ShouldNotContain(f => f.Id == "REV030" || f.Id == "REV031");
    }

    [Fact]
    public void Should_report_the_single_api_instance_and_the_single_database_as_single_points_of_failure()
    {
        // When
        var report = DesignReviewer.Review(RepoFiles.Read(Payments));
        var api = FindingOn(report, Payments, "REV034", "payments_api: service, 1K rps");
        var database = FindingOn(report, Payments, "REV034", "payments_db: postgres");

        // Then
        report.Analysis.SinglePointsOfFailure.Select(c => c.Name).ShouldBe(["payments_api", "payments_db"]);
        foreach (var finding in new[] { api, database })
        {
            finding.Evidence["replicas"].ShouldBe(1);
            finding.Evidence["availability"].ShouldBe(0.995, 1e-12);
            finding.Message.ShouldContain("charge, status");
        }

        database.Hint.ShouldContain("1 primary + 1 replica");
        api.Hint.ShouldContain("x2");
    }

    [Fact]
    public void Should_give_the_charge_availability_below_four_nines_and_its_weakest_link()
    {
        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Payments)), Payments, "REV039", "Availability 99.99%");

        // Then two 99.5% single instances in series cap the flow near 99%
        finding.Evidence["target"].ShouldBe(0.9999, 1e-12);
        finding.Evidence["availability"].ShouldBeLessThan(0.995 * 0.995);
        finding.Evidence["availability"].ShouldBeGreaterThan(0.98);
        finding.Message.ShouldContain("flow 'charge'");
        finding.Message.ShouldContain("weakest link is 'payments_api'");
    }

    [Fact]
    public void Should_compare_five_years_of_payments_with_one_database_node()
    {
        // When
        var finding = FindingOn(DesignReviewer.Review(RepoFiles.Read(Payments)), Payments, "REV038", "payments_db: postgres");

        // Then 50K merchants x 40 a day x 5 years x 2 KB against the catalog's 1 TB per PostgreSQL node
        finding.Evidence["storageNeededBytes"].ShouldBe(50e3 * 40 * 365 * 5 * 2e3, 1);
        finding.Evidence["storagePerNodeBytes"].ShouldBe(1e12, 1);
        finding.Message.ShouldContain("'payment_storage_5y'");
    }

    [Fact]
    public void Should_call_sixteen_ledger_shards_and_a_three_broker_kafka_over_engineered()
    {
        // When
        var report = DesignReviewer.Review(RepoFiles.Read(Payments));
        var ledger = FindingOn(report, Payments, "REV037", "ledger: postgres, shards 16");
        var events = FindingOn(report, Payments, "REV037", "events: kafka x3");

        // Then
        ledger.Evidence["shards"].ShouldBe(16);
        ledger.Evidence["singleNodeUtilization"].ShouldBeLessThan(0.01);
        events.Evidence["offeredLoadPerSecond"].ShouldBe(3 * 50e3 * 40 / 86_400, 1e-9);
        (events.Evidence["offeredLoadPerSecond"] / (events.Evidence["capacityPerSecond"] / 3)).ShouldBeLessThan(0.01);
    }

    private static Finding FindingOn(ReviewReport report, string sample, string id, string lineText)
    {
        var line = RepoFiles.LineOf(sample, lineText);
        var matches = report.Findings.Where(f => f.Id == id && f.Span.Line == line).ToList();
        matches.Count.ShouldBe(1, $"expected one {id} on line {line} ('{lineText}'); got: {string.Join("; ", report.Findings.Select(f => $"{f.Id}@{f.Span.Line}"))}");
        return matches[0];
    }
}
