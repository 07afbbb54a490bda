using System.Globalization;
using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class FormattingTests
{
    public static TheoryData<string, string, bool> FormatCases => new()
    {
        // expression, expected text, binary prefixes
        { "11574", "11.57K", false },
        { "999", "999", false },
        { "0.2", "0.2", false },
        { "2.5M", "2.5M", false },
        { "1.5B", "1.5B", false },
        { "3T", "3T", false },
        { "36.5 TB", "36.5 TB", false },
        { "500 B", "500 B", false },
        { "1,500 B", "1.5 KB", false },
        { "1 GiB", "1 GiB", true },
        { "1.5 KiB", "1.5 KiB", true },
        { "100M / day", "1.157K/s", false },
        { "10 / month", "10/month", false },
        { "5 / day", "5/day", false },
        { "1 Gbps", "125 MB/s", false },
        { "12.7 GB / month", "4.9 KB/s", false },
        { "20 ms", "20 ms", false },
        { "1 ns", "1 ns", false },
        { "250 us", "250 µs", false },
        { "90 s", "1.5 min", false },
        { "2 hours", "2 h", false },
        { "1 day", "1 day", false },
        { "36 hours", "1.5 days", false },
        { "3 years", "3 years", false },
        { "$1,200", "$1.2K", false },
        { "$1.2K / month", "$1.2K/month", false },
        { "$0.023 / GB / month", "$0.023/GB/month", false },
        { "$0.09 / GB", "$0.09/GB", false },
        { "-5 KB", "-5 KB", false },
        { "-$5", "-$5", false },
        { "5 B * 2 s", "10 B*s", false },
        { "1 / s^2", "1/s^2", false },
        { "1e20", "1e20", false },
        { "0.0001", "1e-4", false },
        { "0 B", "0 B", false },
    };

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Should_format_values_with_readable_units(string expression, string expected, bool binary)
    {
        // Given
        var conventions = Conventions.Default with { BinaryPrefixes = binary };
        var q = ValueOf(expression, conventions);

        // When
        var text = q.Format(conventions);

        // Then
        text.ShouldBe(expected);
    }

    [Fact]
    public void Should_format_the_same_under_a_culture_with_decimal_commas()
    {
        // Given
        var original = CultureInfo.CurrentCulture;
        var commaCulture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaCulture.NumberFormat.NumberDecimalSeparator = ",";
        commaCulture.NumberFormat.NumberGroupSeparator = ".";
        try
        {
            CultureInfo.CurrentCulture = commaCulture;

            // When
            var text = Quantity.FromBytes(36.5e12).Format(Conventions.Default);
            var parsed = ValueOf("1,500.5");

            // Then
            text.ShouldBe("36.5 TB");
            parsed.Value.ShouldBe(1500.5);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Should_use_the_day_of_the_conventions_when_formatting_durations()
    {
        // Given
        var shortcut = Conventions.Default with { SecondsPerDay = 100_000 };

        // When
        var text = Quantity.FromSeconds(150_000).Format(shortcut);

        // Then
        text.ShouldBe("1.5 days");
    }
}
