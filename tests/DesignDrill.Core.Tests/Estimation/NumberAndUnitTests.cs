using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class NumberAndUnitTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("2e6", 2e6)]
    [InlineData("2.5e-3", 0.0025)]
    [InlineData("1E+3", 1000)]
    [InlineData("1,000,000", 1e6)]
    [InlineData("1,500.5", 1500.5)]
    [InlineData("100M", 1e8)]
    [InlineData("1.5B", 1.5e9)]
    [InlineData("10K", 1e4)]
    [InlineData("10k", 1e4)]
    [InlineData("2T", 2e12)]
    [InlineData("3 thousand", 3e3)]
    [InlineData("2 million", 2e6)]
    [InlineData("1.5 billion", 1.5e9)]
    [InlineData("2 trillion", 2e12)]
    [InlineData("10 M", 1e7)]
    [InlineData("20%", 0.2)]
    [InlineData("3x", 3)]
    [InlineData("3 x 4", 12)]
    [InlineData("3x4", 12)]
    [InlineData("2^10", 1024)]
    [InlineData("2^3^2", 512)]
    [InlineData("-2^2", -4)]
    [InlineData("2^-1", 0.5)]
    [InlineData("4^0.5", 2)]
    [InlineData("-5 + 2", -3)]
    [InlineData("(1 + 2) * 3", 9)]
    [InlineData("1 + 2 * 3", 7)]
    [InlineData("10 - 4 - 3", 3)]
    [InlineData("100 / 10 / 2", 5)]
    [InlineData("2 × 3", 6)]
    [InlineData("50% * 1K", 500)]
    public void Should_read_every_number_form_as_a_count(string expression, double expected)
    {
        // Given / When
        var q = ValueOf(expression);

        // Then
        q.Dimension.ShouldBe(Dimension.Dimensionless);
        q.Value.ShouldBeClose(expected);
    }

    [Theory]
    [InlineData("500 B", 500, 1, 0, 0)]
    [InlineData("1 byte", 1, 1, 0, 0)]
    [InlineData("2 bytes", 2, 1, 0, 0)]
    [InlineData("500 KB", 5e5, 1, 0, 0)]
    [InlineData("500KB", 5e5, 1, 0, 0)]
    [InlineData("1 kB", 1e3, 1, 0, 0)]
    [InlineData("1 MB", 1e6, 1, 0, 0)]
    [InlineData("1 GB", 1e9, 1, 0, 0)]
    [InlineData("1 TB", 1e12, 1, 0, 0)]
    [InlineData("1 PB", 1e15, 1, 0, 0)]
    [InlineData("1 EB", 1e18, 1, 0, 0)]
    [InlineData("2 gigabytes", 2e9, 1, 0, 0)]
    [InlineData("1 KiB", 1024, 1, 0, 0)]
    [InlineData("1 MiB", 1048576, 1, 0, 0)]
    [InlineData("1 GiB", 1073741824, 1, 0, 0)]
    [InlineData("1 TiB", 1099511627776, 1, 0, 0)]
    [InlineData("1 PiB", 1125899906842624, 1, 0, 0)]
    [InlineData("8 bit", 1, 1, 0, 0)]
    [InlineData("16 bits", 2, 1, 0, 0)]
    [InlineData("1 Kbit", 125, 1, 0, 0)]
    [InlineData("1 Mbit", 125e3, 1, 0, 0)]
    [InlineData("1 Gbit", 125e6, 1, 0, 0)]
    [InlineData("8 bps", 1, 1, -1, 0)]
    [InlineData("1 Kbps", 125, 1, -1, 0)]
    [InlineData("1 Mbps", 125e3, 1, -1, 0)]
    [InlineData("1 Gbps", 125e6, 1, -1, 0)]
    [InlineData("10Mbps", 1.25e6, 1, -1, 0)]
    [InlineData("1 ns", 1e-9, 0, 1, 0)]
    [InlineData("1 us", 1e-6, 0, 1, 0)]
    [InlineData("1 µs", 1e-6, 0, 1, 0)]
    [InlineData("20 ms", 0.02, 0, 1, 0)]
    [InlineData("20ms", 0.02, 0, 1, 0)]
    [InlineData("5 s", 5, 0, 1, 0)]
    [InlineData("5 sec", 5, 0, 1, 0)]
    [InlineData("1 second", 1, 0, 1, 0)]
    [InlineData("2 seconds", 2, 0, 1, 0)]
    [InlineData("1 min", 60, 0, 1, 0)]
    [InlineData("2 minutes", 120, 0, 1, 0)]
    [InlineData("1 h", 3600, 0, 1, 0)]
    [InlineData("1 hr", 3600, 0, 1, 0)]
    [InlineData("2 hours", 7200, 0, 1, 0)]
    [InlineData("1 day", 86400, 0, 1, 0)]
    [InlineData("2 days", 172800, 0, 1, 0)]
    [InlineData("1 week", 604800, 0, 1, 0)]
    [InlineData("2 weeks", 1209600, 0, 1, 0)]
    [InlineData("1 month", 2592000, 0, 1, 0)]
    [InlineData("2 months", 5184000, 0, 1, 0)]
    [InlineData("1 year", 31536000, 0, 1, 0)]
    [InlineData("1 yr", 31536000, 0, 1, 0)]
    [InlineData("5 years", 157680000, 0, 1, 0)]
    [InlineData("10 rps", 10, 0, -1, 0)]
    [InlineData("10 qps", 10, 0, -1, 0)]
    [InlineData("2K rps", 2000, 0, -1, 0)]
    [InlineData("2Krps", 2000, 0, -1, 0)]
    [InlineData("10/s", 10, 0, -1, 0)]
    [InlineData("10 / s", 10, 0, -1, 0)]
    [InlineData("86,400 / day", 1, 0, -1, 0)]
    [InlineData("1 per second", 1, 0, -1, 0)]
    [InlineData("10M per day", 1e7 / 86400, 0, -1, 0)]
    [InlineData("10 / 2 s", 5, 0, -1, 0)]
    [InlineData("$5", 5, 0, 0, 1)]
    [InlineData("5 USD", 5, 0, 0, 1)]
    [InlineData("$1.2K", 1200, 0, 0, 1)]
    [InlineData("$2,592,000/month", 1, 0, -1, 1)]
    [InlineData("2^10 B", 1024, 1, 0, 0)]
    [InlineData("(5 s)^2", 25, 0, 2, 0)]
    [InlineData("5 KB / s", 5000, 1, -1, 0)]
    [InlineData("1 GB / day", 1e9 / 86400, 1, -1, 0)]
    public void Should_read_every_unit_in_base_units(string expression, double expected, int bytes, int seconds, int dollars)
    {
        // Given / When
        var q = ValueOf(expression);

        // Then
        q.Dimension.ShouldBe(new Dimension(bytes, seconds, dollars));
        q.Value.ShouldBeClose(expected);
    }

    [Fact]
    public void Should_read_500B_as_500_billion()
    {
        // Given / When
        var result = Eval("500B");

        // Then
        result.Value.ShouldBe(Quantity.Count(500e9));
        result.Interpretations.ShouldContain(i => i.StartsWith("500B → 500 billion", StringComparison.Ordinal));
        result.Derivation.ShouldContain("500B → 500 billion");
    }

    [Fact]
    public void Should_read_500_B_with_a_space_as_500_bytes()
    {
        // Given / When
        var result = Eval("500 B");

        // Then
        result.Value.ShouldBe(Quantity.FromBytes(500));
        result.Derivation.ShouldContain("500 B → 500 bytes");
    }

    [Fact]
    public void Should_multiply_a_defined_name_with_the_infix_x()
    {
        // Given
        var scope = new Dictionary<string, Quantity> { ["avg"] = Quantity.FromBytes(100) };

        // When
        var result = EstimateEvaluator.Evaluate("avg x 3", scope, Conventions.Default);

        // Then
        result.Value.ShouldBe(Quantity.FromBytes(300));
        result.ReferencedNames.ShouldBe(["avg"]);
    }

    [Fact]
    public void Should_convert_10M_per_month_to_4_per_second_with_a_month_of_2_5M_seconds()
    {
        // Given
        var conventions = Conventions.Default with { SecondsPerMonth = 2_500_000 };

        // When
        var q = ValueOf("10M / month", conventions);

        // Then
        q.In("/s", conventions).ShouldBeClose(4);
    }

    [Fact]
    public void Should_convert_1_27_KB_times_10M_per_month_to_12_7_GB_per_month()
    {
        // Given / When
        var q = ValueOf("1.27 KB * 10M / month");

        // Then
        q.In("GB/month").ShouldBeClose(12.7);
    }

    [Fact]
    public void Should_convert_100M_times_10_per_day_to_11574_rps()
    {
        // Given / When
        var q = ValueOf("100M * 10 / day");

        // Then
        q.In("rps").ShouldBeClose(11574.074074074074);
    }
}
