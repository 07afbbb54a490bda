using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

/// <summary>Back-of-the-envelope figures from published solutions, checked by the estimation language.</summary>
public sealed class PublishedFiguresTests
{
    /// <summary>
    /// System Design Primer (donnemartin/system-design-primer), solutions/system_design/pastebin/README.md,
    /// "Calculate usage": 10 million paste writes and 100 million reads per month, ~1.27 KB per paste, 12.7 GB of new
    /// content per month, ~450 GB and 360 million shortlinks in 3 years, 4 writes/s and 40 reads/s, using its
    /// "2.5 million seconds per month".
    /// </summary>
    [Fact]
    public void Should_confirm_the_System_Design_Primer_pastebin_figures()
    {
        // Given
        var conventions = PrimerMonth;

        // When
        var sheet = Sheet(conventions,
            ("paste_writes", "10M per month", null),
            ("paste_reads", "100M per month", null),
            ("paste_size", "1 KB + 7 B + 4 B + 5 B + 255 B", "1.27 KB"),
            ("content_per_month", "paste_size * paste_writes", "12.7 GB/month"),
            ("content_3_years", "content_per_month * 36 months", "450 GB"),
            ("shortlinks_3_years", "paste_writes * 36 months", "360 million"),
            ("write_rate", "paste_writes", "4/s"),
            ("read_rate", "paste_reads", "40 rps"));

        // Then
        sheet.Diagnostics.ShouldBeEmpty();
        sheet.Results.Where(r => r.Input.Stated is not null).ShouldAllBe(r => r.Verdict == StatedVerdict.Ok);
        sheet.Values["content_per_month"].In("GB/month", conventions).ShouldBeClose(12.71, 1e-3);
        sheet.Values["write_rate"].In("/s", conventions).ShouldBeClose(4);
        sheet.Values["read_rate"].In("/s", conventions).ShouldBeClose(40);
    }

    /// <summary>
    /// System Design Primer (donnemartin/system-design-primer), solutions/system_design/twitter/README.md,
    /// "Calculate usage": ~10 KB per tweet, 500 million tweets per day, 150 TB of new content per month, 5.4 PB in
    /// 3 years, 250 billion reads/month → 100 thousand reads/s, 15 billion tweets/month → 6,000 tweets/s, 150 billion
    /// fanout deliveries/month → 60 thousand/s, 10 billion searches/month → 4,000/s.
    /// </summary>
    [Fact]
    public void Should_confirm_the_System_Design_Primer_twitter_figures()
    {
        // Given: the primer's storage figure uses 30-day months, its rates 2.5 million seconds per month
        var conventions = PrimerMonth;

        // When
        var sheet = Sheet(conventions,
            ("tweet_size", "10 KB", null),
            ("tweets", "500M / day", null),
            ("content_per_month", "tweet_size * tweets * 30 days", "150 TB"),
            ("content_3_years", "content_per_month * 36", "5.4 PB"),
            ("read_rate", "250B / month", "100 thousand/s"),
            ("tweet_rate", "15B / month", "6,000 rps"),
            ("fanout_rate", "150B / month", "60K/s"),
            ("search_rate", "10B / month", "4,000/s"));

        // Then
        sheet.Diagnostics.ShouldBeEmpty();
        sheet.Results.Where(r => r.Input.Stated is not null).ShouldAllBe(r => r.Verdict == StatedVerdict.Ok);
        sheet.Values["content_per_month"].In("TB").ShouldBeClose(150);
        sheet.Results[4].Derivation.ShouldContain("250B → 250 billion");
    }

    /// <summary>
    /// "Latency numbers every programmer should know" (Jeff Dean's table, as popularised by Peter Norvig): sending
    /// 2 KB over a 1 Gbps network takes about 20 µs, and reading 1 MB sequentially from memory about 250 µs (4 GB/s).
    /// </summary>
    [Theory]
    [InlineData("2 KB / 1 Gbps", "20 us")]
    [InlineData("1 MB / (4 GB/s)", "250 µs")]
    [InlineData("1 rps * 1 month", "2.5 million")]
    [InlineData("400 rps * 1 month", "1B")]
    [InlineData("2^30 B", "1 GB")]
    public void Should_confirm_well_known_rules_of_thumb(string expression, string stated)
    {
        // Given: the primer's 2.5M-second month and binary prefixes for its powers-of-two table
        var conventions = PrimerMonth with { BinaryPrefixes = expression.Contains('^', StringComparison.Ordinal) };

        // When
        var result = Sheet(conventions, ("figure", expression, stated)).Results.ShouldHaveSingleItem();

        // Then
        result.Diagnostics.ShouldBeEmpty();
        result.Verdict.ShouldBe(StatedVerdict.Ok);
    }

    /// <summary>
    /// A published figure that is wrong by about 10x. The Kubecost documentation said Prometheus uses "around 1.5-2
    /// bytes per sample. So ingesting 100k samples per minute and retaining for 15 days would demand around 40 GB."
    /// GitHub issue kubecost/docs#290 ("Confusion about storage requirements") recomputed it as 2 bytes × 100k
    /// samples/minute × 21,600 minutes = 4.32 GB, and the maintainer agreed the math was off. The factor is
    /// 40 / 4.32 = 9.26, which the checker reports as a power-of-ten slip: "off by 10x".
    /// </summary>
    [Fact]
    public void Should_flag_the_kubecost_prometheus_storage_figure_as_off_by_10x()
    {
        // Given
        var lines = new[]
        {
            ("ingest_rate", "100K per minute", (string?)null),
            ("bytes_per_sample", "2 B", null),
            ("retention", "15 days", null),
            ("disk", "ingest_rate * bytes_per_sample * retention", "40 GB"),
        };

        // When
        var sheet = Sheet(Conventions.Default, lines);

        // Then
        var disk = sheet.Results[3];
        disk.Verdict.ShouldBe(StatedVerdict.Off);
        disk.Ratio.ShouldNotBeNull().ShouldBeClose(4.32 / 40);
        var error = disk.Diagnostics.ShouldHaveSingleItem();
        error.Severity.ShouldBe(DesignDrill.Core.Diagnostics.Severity.Error);
        error.Message.ShouldBe("off by 10x: 4.32 GB, not 40 GB");
    }
}
