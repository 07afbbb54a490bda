using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Review;

public sealed class SampleReviewTests
{
    public static TheoryData<string> CleanSamples => new(
        Directory.GetFiles(RepoFiles.Path("samples"), "*.md").Select(f => "samples/" + Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(CleanSamples))]
    public void Should_find_no_errors_in_a_clean_sample(string sample)
    {
        // Given
        var text = RepoFiles.Read(sample);

        // When
        var report = DesignReviewer.Review(text);

        // Then
        report.Diagnostics.Where(d => d.Severity == Severity.Error).ShouldBeEmpty();
        report.Findings.Where(f => f.Severity == Severity.Error).ShouldBeEmpty();
        report.Estimates.Results.ShouldNotBeEmpty();
        report.Architecture.Flows.ShouldAllBe(f => f.RatePerSecond != null);
        report.Estimates.Results.Where(r => r.Input.Stated != null).ShouldAllBe(r => r.Verdict == StatedVerdict.Ok);
    }

    [Theory]
    [MemberData(nameof(CleanSamples))]
    public void Should_find_no_warnings_in_a_clean_sample(string sample)
    {
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        report.Diagnostics.Where(d => d.Severity >= Severity.Warning).ShouldBeEmpty();
        report.Findings.Where(f => f.Severity >= Severity.Warning).ShouldBeEmpty();
    }

    [Fact]
    public void Should_reproduce_the_published_pastebin_figures_from_its_assumptions()
    {
        // Given the Pastebin sample, built from the System Design Primer's stated assumptions
        var report = DesignReviewer.Review(RepoFiles.Read("samples/pastebin.md"));
        var values = report.Estimates.Values;

        // Then the primer's published figures come out: 12.7 GB/month, ~450 GB and 360M pastes in 3 years, 4 and 40 per second
        report.Conventions.SecondsPerMonth.ShouldBe(2_500_000);
        Units.TryConvert(values["growth"], Unit("GB/month", report.Conventions), out var growth, out _).ShouldBeTrue();
        growth.ShouldBe(12.7, 1e-9);
        (values["storage_3y"].Value / 1e9).ShouldBe(457.2, 1e-6);
        values["pastes_3y"].Value.ShouldBe(360e6, 1e-3);
        values["write_rate"].Value.ShouldBe(4, 1e-12);
        values["read_rate"].Value.ShouldBe(40, 1e-12);
    }

    [Fact]
    public void Should_flag_each_slip_in_the_estimate_errors_sample_on_its_line()
    {
        const string sample = "samples/flawed/estimate-errors.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        ShouldHaveDiagnostic(report, sample, "EST016", "write_rate = new_urls", Severity.Error, "off by 10x: 115.7/s, not 1.2K/s");
        ShouldHaveDiagnostic(report, sample, "EST015", "peak_read = read_rate * 3", Severity.Warning, "34.72K/s");
        ShouldHaveDiagnostic(report, sample, "EST016", "storage_5y = new_urls", Severity.Error, "off by 10x: 9.125 TB, not 91 TB");
        ShouldHaveDiagnostic(report, sample, "EST009", "bad_sum = storage_5y + 5 s", Severity.Error, "cannot add");
        var billion = ShouldHaveDiagnostic(report, sample, "EST017", "storage_check =", Severity.Error, "information");
        billion.Hint.ShouldNotBeNull().ShouldContain("did you mean 500 bytes?");
        ShouldHaveDiagnostic(report, sample, "EST007", "lost = undefined_rate", Severity.Error, "undefined_rate");

        var columns = report.Diagnostics.Single(d => d.Code == "EST016" && d.Span.Line == RepoFiles.LineOf(sample, "write_rate = new_urls")).Span;
        var line = File.ReadAllLines(RepoFiles.Path(sample))[columns.Line - 1];
        line[(columns.Column - 1)..(columns.EndColumn - 1)].ShouldBe("1.2K/s");
    }

    [Fact]
    public void Should_flag_vague_requirements_on_their_lines()
    {
        const string sample = "samples/flawed/vague-requirements.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        ShouldHaveFinding(report, sample, "REV004", "### Non-functional", Severity.Error);
        ShouldHaveFinding(report, sample, "REV003", "## Requirements", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV005", "It should be fast.", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV005", "Highly available and scalable.", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV005", "Messages should be reliable.", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV009", "## Estimates", Severity.Warning);
    }

    [Fact]
    public void Should_flag_every_break_in_the_broken_architecture_sample_on_its_line()
    {
        const string sample = "samples/flawed/broken-architecture.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        ShouldHaveDiagnostic(report, sample, "DOC031", "intake: service x2", Severity.Error, "already declared");
        ShouldHaveDiagnostic(report, sample, "DOC030", "cache: memcahced x2", Severity.Warning, "memcahced");
        ShouldHaveDiagnostic(report, sample, "ARC001", "flow storage_flow at log_storage", Severity.Error, "not a rate");
        ShouldHaveFinding(report, sample, "REV013", "flow push after intake", Severity.Error).Message.ShouldContain("pusher");
        ShouldHaveFinding(report, sample, "REV015", "flow audit after nightly_export", Severity.Error);
        ShouldHaveFinding(report, sample, "REV014", "flow orphan: intake -> events", Severity.Error);
        ShouldHaveFinding(report, sample, "REV017", "cache: memcahced x2", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV010", "sms_rate = notifications * 1%", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV020", "`device(user_id, token)`", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV021", "delivery(notification_id PK, status) in delivery_log", Severity.Error);
        report.Findings.Where(f => f.Id == "REV013").Select(f => f.Hint).ShouldContain(h => h.Contains("did you mean 'pushers'?"));
    }

    [Fact]
    public void Should_flag_missing_and_empty_sections()
    {
        const string sample = "samples/flawed/missing-sections.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        var missing = report.Findings.Where(f => f.Id == "REV001").ToList();
        missing.ShouldContain(f => f.Severity == Severity.Error && f.Message.Contains("'Requirements'"));
        missing.ShouldContain(f => f.Severity == Severity.Error && f.Message.Contains("'Estimates'"));
        missing.ShouldContain(f => f.Severity == Severity.Warning && f.Message.Contains("'Data model'"));
        missing.ShouldAllBe(f => !f.Span.HasLocation);
        ShouldHaveFinding(report, sample, "REV002", "## API", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV024", "scores: redis x2", Severity.Info);
    }

    [Fact]
    public void Should_flag_an_architecture_without_flows_and_staff_level_gaps()
    {
        const string sample = "samples/flawed/no-flows.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        report.Level.ShouldBe(Core.DesignDocs.DesignLevel.Staff);
        ShouldHaveFinding(report, sample, "REV012", "## Architecture", Severity.Error);
        ShouldHaveFinding(report, sample, "REV008", "## Estimates", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV009", "## Estimates", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV019", "POST /v1/events/{event_id}/holds", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV020", "seat(event_id, seat_id, status, hold_id)", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV021", "in bookings_db", Severity.Error);
        report.Findings.ShouldContain(f => f.Id == "REV025" && f.Severity == Severity.Warning);
        report.Findings.ShouldContain(f => f.Id == "REV001" && f.Severity == Severity.Warning && f.Message.Contains("'Operations'"));
    }

    [Fact]
    public void Should_flag_side_effects_messaging_and_api_gaps_in_the_checkout_sample()
    {
        const string sample = "samples/flawed/sync-side-effects.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        report.Level.ShouldBe(Core.DesignDocs.DesignLevel.Senior);
        var sideEffects = report.Findings.Where(f => f.Id == "REV050").ToList();
        sideEffects.Select(f => f.Span.Line).ShouldAllBe(l => l == RepoFiles.LineOf(sample, "flow place_order at"));
        sideEffects.ShouldContain(f => f.Message.Contains("'mailer'") && f.Message.Contains("sending email") && f.Message.Contains("flow 'place_order'"));
        sideEffects.ShouldContain(f => f.Message.Contains("'invoice_renderer'") && f.Message.Contains("(checkout -> invoice_renderer)"));
        sideEffects.ShouldAllBe(f => f.Severity == Severity.Warning);
        ShouldHaveFinding(report, sample, "REV051", "order_events: kafka x3", Severity.Warning).Message.ShouldContain("'fulfilment'");
        ShouldHaveFinding(report, sample, "REV053", "POST /v1/orders {cart_id", Severity.Error);
        ShouldHaveFinding(report, sample, "REV054", "GET /v1/users/{user_id}/orders", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV057", "order(day PARTITION", Severity.Warning).Message.ShouldContain("partitioned by day");
        ShouldHaveFinding(report, sample, "REV056", "orders_db: cassandra x3", Severity.Warning).Message.ShouldContain("'Strong consistency for orders.'");
        report.Findings.Where(f => f.Id == "REV019").ShouldBeEmpty();
        report.Findings.Where(f => f.Id == "REV054").ShouldHaveSingleItem();
        string[] satisfied = ["REV052", "REV055", "REV058", "REV059", "REV060", "REV061", "REV062"];
        report.Findings.Select(f => f.Id).Intersect(satisfied).ShouldBeEmpty();
    }

    [Fact]
    public void Should_flag_operations_authentication_and_trade_off_gaps_at_staff_level()
    {
        const string sample = "samples/flawed/missing-operations.md";
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        report.Level.ShouldBe(Core.DesignDocs.DesignLevel.Staff);
        ShouldHaveFinding(report, sample, "REV058", "## Operations", Severity.Error);
        ShouldHaveFinding(report, sample, "REV060", "## Operations", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV055", "## API", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV052", "PUT /v1/photos/{photo_id}", Severity.Warning);
        ShouldHaveFinding(report, sample, "REV059", "photo_meta: postgres", Severity.Warning).Message.ShouldContain("'photo_meta', 'blobs'");
        ShouldHaveFinding(report, sample, "REV061", "## Trade-offs", Severity.Warning);
        report.Findings.ShouldAllBe(f => f.Concept != null);
    }

    [Fact]
    public void Should_give_the_same_report_for_the_same_input()
    {
        var text = RepoFiles.Read("samples/flawed/broken-architecture.md");

        var first = Core.Review.Reporting.JsonReportWriter.Write(DesignReviewer.Review(text), "a.md");
        var second = Core.Review.Reporting.JsonReportWriter.Write(DesignReviewer.Review(text), "a.md");

        second.ShouldBe(first);
    }

    private static Diagnostic ShouldHaveDiagnostic(ReviewReport report, string sample, string code, string lineText, Severity severity, string messagePart)
    {
        var line = RepoFiles.LineOf(sample, lineText);
        var matches = report.Diagnostics.Where(d => d.Code == code && d.Span.Line == line).ToList();
        matches.ShouldNotBeEmpty($"expected {code} on line {line} ('{lineText}'); got: {string.Join("; ", report.Diagnostics)}");
        var diagnostic = matches[0];
        diagnostic.Severity.ShouldBe(severity);
        diagnostic.Message.ShouldContain(messagePart);
        return diagnostic;
    }

    private static Finding ShouldHaveFinding(ReviewReport report, string sample, string id, string lineText, Severity severity)
    {
        var line = RepoFiles.LineOf(sample, lineText);
        var matches = report.Findings.Where(f => f.Id == id && f.Span.Line == line).ToList();
        matches.ShouldNotBeEmpty($"expected {id} on line {line} ('{lineText}'); got: {string.Join("; ", report.Findings.Select(f => $"{f.Id}@{f.Span.Line}"))}");
        matches[0].Severity.ShouldBe(severity);
        return matches[0];
    }

    private static Quantity Unit(string text, Conventions conventions)
    {
        Units.TryParse(text, conventions, out var unit, out _).ShouldBeTrue();
        return unit;
    }
}
