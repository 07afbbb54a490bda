using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class ConventionsTests
{
    public static TheoryData<string, string, string, double> SettingCases => new()
    {
        // key, value, expression, expected base value
        { "seconds_per_day", "100K", "1 day", 100_000 },
        { "seconds_per_day", "100K", "1 week", 700_000 },
        { "seconds_per_day", "100K", "1 month", 3_000_000 },
        { "seconds_per_day", "100K", "1 year", 36_500_000 },
        { "seconds_per_day", "86,400", "1 day", 86_400 },
        { "seconds_per_month", "2.5M", "1 month", 2_500_000 },
        { "seconds_per_month", "2.5M", "1 day", 86_400 },
        { "days_per_month", "31", "1 month", 31 * 86_400 },
        { "days_per_year", "360", "1 year", 360 * 86_400 },
        { "storage_prefixes", "binary", "1 KB", 1024 },
        { "storage_prefixes", "binary", "1 GB", 1073741824 },
        { "storage_prefixes", "binary", "1 KiB", 1024 },
        { "storage_prefixes", "binary", "1 Kbit", 125 },
        { "storage_prefixes", "Decimal", "1 KB", 1000 },
    };

    [Theory]
    [MemberData(nameof(SettingCases))]
    public void Should_size_calendar_and_storage_units_by_the_conventions(string key, string value, string expression,
        double expected)
    {
        // Given
        var diagnostics = new List<Diagnostic>();
        var conventions = Conventions.FromSettings(new Dictionary<string, string> { [key] = value },
            Conventions.Default, diagnostics);

        // When
        var q = ValueOf(expression, conventions);

        // Then
        diagnostics.ShouldBeEmpty();
        q.Value.ShouldBeClose(expected);
    }

    [Fact]
    public void Should_default_to_an_exact_day_a_30_day_month_a_365_day_year_and_decimal_prefixes()
    {
        // Given / When
        var c = Conventions.Default;

        // Then
        c.SecondsPerDay.ShouldBe(86_400);
        c.SecondsPerMonth.ShouldBe(2_592_000);
        c.DaysPerYear.ShouldBe(365);
        c.SecondsPerYear.ShouldBe(31_536_000);
        c.BinaryPrefixes.ShouldBeFalse();
    }

    [Fact]
    public void Should_let_seconds_per_month_win_over_days_per_month()
    {
        // Given
        var settings = new Dictionary<string, string> { ["days_per_month"] = "31", ["seconds_per_month"] = "2.5M" };

        // When
        var c = Conventions.FromSettings(settings, Conventions.Default, []);

        // Then
        c.SecondsPerMonth.ShouldBe(2_500_000);
    }

    [Theory]
    [InlineData("seconds_per_day", "abc", "EST022")]
    [InlineData("seconds_per_day", "-5", "EST022")]
    [InlineData("seconds_per_day", "0", "EST022")]
    [InlineData("days_per_year", "365 days", "EST022")]
    [InlineData("storage_prefixes", "octal", "EST022")]
    [InlineData("seconds_per_dya", "100K", "EST021")]
    public void Should_report_bad_settings_and_keep_the_starting_value(string key, string value, string code)
    {
        // Given
        var diagnostics = new List<Diagnostic>();
        var span = new SourceSpan(2, 1, 20);

        // When
        var c = Conventions.FromSettings(new Dictionary<string, string> { [key] = value }, Conventions.Default,
            diagnostics, span);

        // Then
        diagnostics.ShouldHaveSingleItem().Code.ShouldBe(code);
        diagnostics[0].Span.ShouldBe(span);
        c.ShouldBe(Conventions.Default);
    }

    [Fact]
    public void Should_suggest_the_closest_setting_key()
    {
        // Given
        var diagnostics = new List<Diagnostic>();

        // When
        Conventions.FromSettings(new Dictionary<string, string> { ["seconds_per_dya"] = "1" }, Conventions.Default,
            diagnostics);

        // Then
        diagnostics.ShouldHaveSingleItem().Hint.ShouldBe("did you mean 'seconds_per_day'?");
        diagnostics[0].Severity.ShouldBe(Severity.Warning);
    }
}
