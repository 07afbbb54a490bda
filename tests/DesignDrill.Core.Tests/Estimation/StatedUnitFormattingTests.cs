using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Tests.Estimation;

public sealed class StatedUnitFormattingTests
{
    [Theory]
    [InlineData("10M / day", "10M/day", "10M/day")]
    [InlineData("10M / day", "1.2K/s", "0.1157K/s")]
    [InlineData("9.125 TB", "9 TB", "9.125 TB")]
    [InlineData("1.27 KB * 10M / month", "12.7 GB/month", "12.7 GB/month")]
    [InlineData("1e9", "1B", "1B")]
    [InlineData("500", "450", "500")]
    [InlineData("17.36 MB/s", "17 MB/s", "17.36 MB/s")]
    public void Should_format_a_value_in_the_unit_it_was_stated_in(string expression, string stated, string expected)
    {
        var value = EstimateEvaluator.Evaluate(expression, new Dictionary<string, Quantity>(), Conventions.Default).Value!.Value;

        value.FormatInUnitOf(stated, Conventions.Default).ShouldBe(expected);
    }

    [Theory]
    [InlineData("10 GB", "5/s")]
    [InlineData("10 GB", "about ten")]
    [InlineData("10 GB", "")]
    public void Should_give_up_when_the_stated_unit_does_not_fit(string expression, string stated)
    {
        var value = EstimateEvaluator.Evaluate(expression, new Dictionary<string, Quantity>(), Conventions.Default).Value!.Value;

        value.FormatInUnitOf(stated, Conventions.Default).ShouldBeNull();
    }
}
