using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Design;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>Workload shapes move every flow's arrival rate over the run.</summary>
public sealed class WorkloadShapeTests
{
    private static readonly ReviewReport Report = DesignReviewer.Review("## Architecture\n```\napi: service x8, 1K rps each, 1 ms\nflow f at 1K/s, read: client -> api\n```\n");

    private static IReadOnlyList<FlowSeriesPoint> Series(WorkloadShape shape) =>
        DesignSimulator.Run(Report, new DesignSimulationOptions { DurationSeconds = 60, Seed = 5, Workload = shape }).FlowSeries[0];

    [Fact]
    public void Should_ramp_the_rate_from_one_multiple_to_another()
    {
        // When: from 0.5x to 2.5x over the minute
        var series = Series(new WorkloadShape("ramp", From: 0.5, To: 2.5));

        // Then: the first seconds near 500/s, the last near 2,500/s
        series.Take(5).Average(p => (double)p.Offered).ShouldBe(500 + (2_000 * 2.5 / 60), 60);
        series.Skip(55).Average(p => (double)p.Offered).ShouldBe(500 + (2_000 * 57.5 / 60), 100);
    }

    [Fact]
    public void Should_swing_the_rate_around_its_mean_in_a_diurnal_cycle()
    {
        // When: a 20 s cycle with a peak three times the trough
        var series = Series(new WorkloadShape("diurnal", PeriodNs: SimTime.FromSeconds(20), PeakToTrough: 3));

        // Then: three whole cycles average the design rate; the busiest second is about 3x the quietest
        series.Average(p => (double)p.Offered).ShouldBe(1_000, 30);
        var peak = series.Max(p => p.Offered);
        var trough = series.Min(p => p.Offered);
        ((double)peak / trough).ShouldBeInRange(2.4, 3.6);
    }

    [Fact]
    public void Should_refuse_a_shape_out_of_range()
    {
        // Given / When
        var problems = new DesignSimulationOptions { Workload = new WorkloadShape("diurnal", PeakToTrough: 0.5) }.Problems();

        // Then
        problems.ShouldHaveSingleItem().ShouldContain("peak-to-trough ratio from 1 to 1,000");
    }
}
