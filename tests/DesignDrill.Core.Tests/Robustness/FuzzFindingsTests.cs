using DesignDrill.Core.Estimation;
using DesignDrill.Core.Review;
using DesignDrill.Core.Review.Reporting;

namespace DesignDrill.Core.Tests.Robustness;

/// <summary>Inputs the mutation fuzzer found to break the pipeline, kept as focused regression tests.</summary>
public sealed class FuzzFindingsTests
{
    [Theory]
    [InlineData('\u2028')]
    [InlineData('\u2029')]
    [InlineData('\u0085')]
    public void Should_keep_front_matter_positions_on_the_document_line_when_a_key_holds_a_unicode_line_break(char lineBreak)
    {
        // Given a key with a character that YAML reads as a line break but the document does not
        var text = $"---\nprompt: pastebin\nlevel: mid\nconventions:\n  seconds_{lineBreak}per_month: 2.5M\n---\n# Pastebin\n";

        // When
        var report = DesignReviewer.Review(text);

        // Then the key is reported, as a convention, on the line that holds it
        var diagnostic = report.Diagnostics.ShouldHaveSingleItem();
        diagnostic.Code.ShouldBe(EstimationDiagnostics.UnknownSettingCode);
        diagnostic.Span.Line.ShouldBe(5);
    }

    [Fact]
    public void Should_refuse_conventions_whose_month_overflows_and_still_write_the_report()
    {
        // Given a month of 1e308 days of 86,400 seconds
        const string text = "---\nconventions:\n  days_per_month: 1e308\n---\n# Title\n## Estimates\nx = 1 / month\n";

        // When
        var report = DesignReviewer.Review(text);

        // Then
        report.Diagnostics.ShouldContain(d => d.Code == EstimationDiagnostics.BadSettingCode && d.Span.Line == 3);
        report.Conventions.SecondsPerMonth.ShouldBe(Conventions.Default.SecondsPerMonth);
        JsonReportWriter.Write(report, "x").ShouldContain("\"secondsPerMonth\": 2592000");
    }

    [Fact]
    public void Should_report_an_after_flow_whose_rate_overflows_and_still_write_the_report()
    {
        // Given a flow triggered a huge number of times by a finite-rate flow
        const string text = "# T\n## Architecture\napi: service\nflow a at 1e300/s: client -> api\nflow b after a x 1e308: api -> api\n";

        // When
        var report = DesignReviewer.Review(text);

        // Then
        report.Diagnostics.ShouldContain(d => d.Code == EstimationDiagnostics.NotFiniteCode && d.Span.Line == 5);
        report.Architecture.FindFlow("b")!.RatePerSecond.ShouldBeNull();
        JsonReportWriter.Write(report, "x").ShouldContain("\"ratePerSecond\": null");
    }
}
