using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Faults;
using DesignDrill.Core.Simulation.Workloads;

namespace DesignDrill.Core.Tests.Simulation.Faults;

public sealed class DurationAndLoadTextTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("100ns", 100L)]
    [InlineData("1us", 1_000L)]
    [InlineData("1µs", 1_000L)]
    [InlineData("250ms", 250_000_000L)]
    [InlineData("30s", 30_000_000_000L)]
    [InlineData(" 120s ", 120_000_000_000L)]
    [InlineData("0.1s", 100_000_000L)]
    [InlineData(".5s", 500_000_000L)]
    [InlineData("1.5m", 90_000_000_000L)]
    [InlineData("1m30s", 90_000_000_000L)]
    [InlineData("1m 30s", 90_000_000_000L)]
    [InlineData("30 s", 30_000_000_000L)]
    [InlineData("2h", 7_200_000_000_000L)]
    [InlineData("1d", 86_400_000_000_000L)]
    [InlineData("10 minutes", 600_000_000_000L)]
    [InlineData("0.0000000004s", 0L)]
    [InlineData("0.0000000006s", 1L)]
    public void Should_read_durations(string text, long expectedNs)
    {
        // Given / When
        var ok = DurationText.TryParse(text, out var durationNs, out var diagnostic);

        // Then
        ok.ShouldBeTrue();
        diagnostic.ShouldBeNull();
        durationNs.ShouldBe(expectedNs);
    }

    [Theory]
    [InlineData("", SimulationDiagnostics.EmptyCode)]
    [InlineData("30", SimulationDiagnostics.BadDurationCode)]
    [InlineData("-5s", SimulationDiagnostics.BadDurationCode)]
    [InlineData("5q", SimulationDiagnostics.BadDurationCode)]
    [InlineData("1..5s", SimulationDiagnostics.BadDurationCode)]
    [InlineData("s", SimulationDiagnostics.BadDurationCode)]
    [InlineData("5s!", SimulationDiagnostics.BadDurationCode)]
    [InlineData("1e3s", SimulationDiagnostics.BadDurationCode)]
    [InlineData("300y", SimulationDiagnostics.BadDurationCode)]
    [InlineData("110000d", SimulationDiagnostics.OutOfRangeCode)]
    [InlineData("99999999999999999999999999999999999s", SimulationDiagnostics.OutOfRangeCode)]
    public void Should_refuse_malformed_durations(string text, string code)
    {
        // Given / When
        var ok = DurationText.TryParse(text, out var durationNs, out var diagnostic);

        // Then
        ok.ShouldBeFalse();
        durationNs.ShouldBe(0);
        diagnostic.ShouldNotBeNull().Code.ShouldBe(code);
        diagnostic.Span.Column.ShouldBe(1);
    }

    [Fact]
    public void Should_write_durations_that_read_back_exactly()
    {
        // Given: a seeded sample of durations over the whole range, and some round values.
        var random = new Random(7);
        var samples = Enumerable.Range(0, 2_000).Select(_ => random.NextInt64(0, SimTime.MaxNs))
            .Concat(Enumerable.Range(0, 2_000).Select(_ => random.NextInt64(0, 100_000) * SimTime.NanosecondsPerMillisecond))
            .Append(0).Append(SimTime.MaxNs).Append(90 * SimTime.NanosecondsPerSecond);

        foreach (var durationNs in samples)
        {
            // When
            var text = DurationText.Format(durationNs);
            var ok = DurationText.TryParse(text, out var back, out _);

            // Then
            ok.ShouldBeTrue(text);
            back.ShouldBe(durationNs, text);
        }

        DurationText.Format(90 * SimTime.NanosecondsPerSecond).ShouldBe("90s");
        DurationText.Format(1_500 * SimTime.NanosecondsPerMillisecond).ShouldBe("1500ms");
        DurationText.Format(86_400 * SimTime.NanosecondsPerSecond).ShouldBe("1d");
    }

    [Theory]
    [InlineData("120s", 120_000_000_000L, null)]
    [InlineData("10m", 600_000_000_000L, null)]
    [InlineData("0s", 0L, SimulationDiagnostics.OutOfRangeCode)]
    [InlineData("forever", 0L, SimulationDiagnostics.BadDurationCode)]
    public void Should_read_a_run_duration_above_zero(string text, long expectedNs, string? code)
    {
        // Given / When
        var ok = DurationText.TryParseRunDuration(text, out var durationNs, out var diagnostic);

        // Then
        ok.ShouldBe(code is null);
        durationNs.ShouldBe(expectedNs);
        diagnostic?.Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("3x", 3.0)]
    [InlineData("3X", 3.0)]
    [InlineData("x3", 3.0)]
    [InlineData("3×", 3.0)]
    [InlineData("3", 3.0)]
    [InlineData(" 0.5x ", 0.5)]
    [InlineData("250%", 2.5)]
    [InlineData("1000x", 1_000.0)]
    public void Should_read_load_multipliers(string text, double expected)
    {
        // Given / When
        var ok = LoadMultiplier.TryParse(text, out var factor, out var diagnostic);

        // Then
        ok.ShouldBeTrue();
        diagnostic.ShouldBeNull();
        factor.ShouldBe(expected, 1e-12);
    }

    [Theory]
    [InlineData("", SimulationDiagnostics.EmptyCode, 1, 2)]
    [InlineData("three", SimulationDiagnostics.BadNumberCode, 1, 6)]
    [InlineData("  3xx", SimulationDiagnostics.BadNumberCode, 3, 6)]
    [InlineData("NaN", SimulationDiagnostics.BadNumberCode, 1, 4)]
    [InlineData("0x", SimulationDiagnostics.OutOfRangeCode, 1, 3)]
    [InlineData("-2x", SimulationDiagnostics.OutOfRangeCode, 1, 4)]
    [InlineData("5000x", SimulationDiagnostics.OutOfRangeCode, 1, 6)]
    public void Should_refuse_bad_load_multipliers(string text, string code, int column, int endColumn)
    {
        // Given / When
        var ok = LoadMultiplier.TryParse(text, out var factor, out var diagnostic);

        // Then
        ok.ShouldBeFalse();
        factor.ShouldBe(0);
        diagnostic.ShouldNotBeNull().Code.ShouldBe(code);
        diagnostic.Span.Column.ShouldBe(column);
        diagnostic.Span.EndColumn.ShouldBe(endColumn);
        diagnostic.Hint.ShouldNotBeNullOrWhiteSpace();
    }
}
