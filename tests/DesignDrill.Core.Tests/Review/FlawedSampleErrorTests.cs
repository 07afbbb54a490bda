using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Tests.Review;

/// <summary>Each flawed sample shows its family of errors and no unrelated error.</summary>
public sealed class FlawedSampleErrorTests
{
    public static TheoryData<string, string> ExpectedErrors => new()
    {
        { "samples/flawed/broken-architecture.md", "ARC001 DOC031 REV013 REV014 REV015 REV021" },
        { "samples/flawed/estimate-errors.md", "EST007 EST009 EST016 EST017" },
        { "samples/flawed/fragile-payments.md", "" },
        { "samples/flawed/missing-operations.md", "REV058" },
        { "samples/flawed/missing-sections.md", "REV001" },
        { "samples/flawed/no-flows.md", "REV012 REV021 REV053 REV058" },
        { "samples/flawed/overloaded-feed.md", "REV031" },
        { "samples/flawed/sync-side-effects.md", "REV053" },
        { "samples/flawed/vague-requirements.md", "REV004" },
    };

    [Theory]
    [MemberData(nameof(ExpectedErrors))]
    public void Should_show_exactly_the_intended_errors(string sample, string expected)
    {
        // Given
        var report = DesignReviewer.Review(RepoFiles.Read(sample));

        // When
        var errors = report.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Code)
            .Concat(report.Findings.Where(f => f.Severity == Severity.Error).Select(f => f.Id))
            .Distinct()
            .Order(StringComparer.Ordinal);

        // Then
        string.Join(' ', errors).ShouldBe(expected);
    }

    [Fact]
    public void Should_cover_every_flawed_sample()
    {
        var listed = ExpectedErrors.Select(row => (string)row[0]).ToHashSet();
        var files = Directory.GetFiles(RepoFiles.Path("samples/flawed"), "*.md").Select(f => "samples/flawed/" + Path.GetFileName(f));

        files.ShouldAllBe(f => listed.Contains(f));
    }
}
