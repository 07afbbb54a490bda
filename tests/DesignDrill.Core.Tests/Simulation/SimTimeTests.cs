using DesignDrill.Core.Simulation;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class SimTimeTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1_000_000_000)]
    [InlineData(1.5e-9, 2)]
    [InlineData(-2.5, -2_500_000_000)]
    [InlineData(86_400, 86_400_000_000_000)]
    [InlineData(9.2e9, 9_200_000_000_000_000_000)]
    public void Should_convert_seconds_to_the_nearest_nanosecond(double seconds, long expectedNs)
    {
        // Given / When
        var ns = SimTime.FromSeconds(seconds);

        // Then
        ns.ShouldBe(expectedNs);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(9.3e9)]
    [InlineData(-9.3e9)]
    public void Should_reject_seconds_that_overflow_a_nanosecond_count(double seconds)
    {
        // Given / When / Then
        var error = Should.Throw<ArgumentOutOfRangeException>(() => SimTime.FromSeconds(seconds));
        error.Message.ShouldContain("292 years");
    }

    [Fact]
    public void Should_convert_milliseconds_and_back_to_seconds()
    {
        // Given / When
        var ns = SimTime.FromMilliseconds(12.5);

        // Then
        ns.ShouldBe(12_500_000);
        SimTime.ToSeconds(ns).ShouldBe(0.0125, 1e-15);
        Should.Throw<ArgumentOutOfRangeException>(() => SimTime.FromMilliseconds(1e16));
    }

    [Fact]
    public void Should_document_a_range_of_about_292_years()
    {
        // Given
        const double SecondsPerYear = 365.25 * 86_400;

        // When
        var years = SimTime.MaxSeconds / SecondsPerYear;

        // Then
        years.ShouldBe(292.27, 0.01);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(-1.0, 0)]
    [InlineData(0.4, 0)]
    [InlineData(0.6, 1)]
    [InlineData(1e30, long.MaxValue)]
    [InlineData(double.PositiveInfinity, long.MaxValue)]
    public void Should_round_samples_to_nanoseconds_and_saturate(double nanoseconds, long expected)
    {
        // Given / When / Then
        SimTime.RoundSaturating(nanoseconds).ShouldBe(expected);
        SimTime.FromSecondsSaturating(nanoseconds / 1e9).ShouldBe(expected);
    }

    [Fact]
    public void Should_saturate_instead_of_overflowing_when_adding_a_delay()
    {
        // Given / When / Then
        SimTime.AddSaturating(long.MaxValue - 10, 5).ShouldBe(long.MaxValue - 5);
        SimTime.AddSaturating(long.MaxValue - 10, 11).ShouldBe(long.MaxValue);
        SimTime.AddSaturating(long.MaxValue, long.MaxValue).ShouldBe(long.MaxValue);
    }
}
