using DesignDrill.Core.Estimation;
using static DesignDrill.Core.Tests.Estimation.EstimationTestKit;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class UnitsTests
{
    [Theory]
    [InlineData("/s", 1, 0, -1, 0)]
    [InlineData("rps", 1, 0, -1, 0)]
    [InlineData("qps", 1, 0, -1, 0)]
    [InlineData("GB/month", 1e9 / 2_592_000, 1, -1, 0)]
    [InlineData("TB", 1e12, 1, 0, 0)]
    [InlineData("Gbps", 1.25e8, 1, -1, 0)]
    [InlineData("bit/s", 0.125, 1, -1, 0)]
    [InlineData("B/day", 1.0 / 86_400, 1, -1, 0)]
    [InlineData("ms", 1e-3, 0, 1, 0)]
    [InlineData("$/month", 1.0 / 2_592_000, 0, -1, 1)]
    [InlineData(" MB/s ", 1e6, 1, -1, 0)]
    public void Should_parse_unit_texts_as_given_to_in(string text, double size, int bytes, int seconds, int dollars)
    {
        // Given / When
        var ok = Units.TryParse(text, Conventions.Default, out var unit, out var diagnostic);

        // Then
        ok.ShouldBeTrue();
        diagnostic.ShouldBeNull();
        unit.Dimension.ShouldBe(new Dimension(bytes, seconds, dollars));
        unit.Value.ShouldBeClose(size);
    }

    [Theory]
    [InlineData("furlongs")]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("-1 s")]
    [InlineData("GB//s")]
    public void Should_reject_texts_that_are_not_units(string text)
    {
        // Given / When
        var ok = Units.TryParse(text, Conventions.Default, out _, out var diagnostic);

        // Then
        ok.ShouldBeFalse();
        diagnostic.ShouldNotBeNull().Code.ShouldBe("EST019");
    }

    [Theory]
    [InlineData("1 Gbps", "MB/s", 125)]
    [InlineData("125 MB/s", "Gbps", 1)]
    [InlineData("1 Gbps", "Mbps", 1000)]
    [InlineData("1 day", "h", 24)]
    [InlineData("36.5 TB", "GB", 36_500)]
    [InlineData("1 TiB", "GiB", 1024)]
    [InlineData("$1.2K / month", "$/month", 1200)]
    public void Should_convert_into_units_of_the_same_dimension(string expression, string unit, double expected)
    {
        // Given
        var q = ValueOf(expression);

        // When
        var value = q.In(unit);

        // Then
        value.ShouldBeClose(expected);
    }

    [Fact]
    public void Should_refuse_to_convert_bytes_into_seconds()
    {
        // Given
        Units.TryParse("s", Conventions.Default, out var seconds, out _).ShouldBeTrue();

        // When
        var ok = Units.TryConvert(Quantity.FromBytes(5), seconds, out _, out var diagnostic);

        // Then
        ok.ShouldBeFalse();
        diagnostic.ShouldNotBeNull().Code.ShouldBe("EST020");
        diagnostic.Message.ShouldBe("cannot express information (B) in 's', which is time (s)");
    }

    [Theory]
    [InlineData(0, 0, 0, "1")]
    [InlineData(1, 0, 0, "B")]
    [InlineData(0, 1, 0, "s")]
    [InlineData(0, -1, 0, "1/s")]
    [InlineData(1, -1, 0, "B/s")]
    [InlineData(-1, -1, 1, "$/B/s")]
    [InlineData(2, 0, 0, "B^2")]
    [InlineData(0, -2, 0, "1/s^2")]
    public void Should_write_dimensions_in_base_units(int bytes, int seconds, int dollars, string expected)
    {
        // Given
        var dimension = new Dimension(bytes, seconds, dollars);

        // When / Then
        dimension.ToString().ShouldBe(expected);
        Units.TryParse(expected, Conventions.Default, out var unit, out _).ShouldBeTrue();
        unit.Dimension.ShouldBe(dimension);
    }
}
