using System.Globalization;
using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Models;
using DesignDrill.Core.Simulation.Statistics;
using Xunit.Abstractions;

namespace DesignDrill.Core.Tests.Simulation;

/// <summary>
/// The acceptance test of the engine (issue 5): simulated M/M/c stations match ../shared/reference/queueing.md (μ = 1;
/// Erlang C closed forms) within 3 standard errors from each run's own batch-means interval, for the mean wait, P(wait)
/// and the p99 response time.
/// </summary>
public sealed class MmcStationReferenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// c, λ, customers simulated, then from the reference table: P(wait), Wq, W p99. Customer counts grow with the
    /// correlation time of the queue (longest for one server near saturation); a tenth is warm-up.
    /// </summary>
    public static TheoryData<int, double, long, double, double, double> ReferenceRows => new()
    {
        { 1, 0.5, 200_000, 0.500000, 1.000000, 9.2103 },
        { 1, 0.8, 500_000, 0.800000, 4.000000, 23.0259 },
        { 1, 0.9, 1_000_000, 0.900000, 9.000000, 46.0517 },
        { 1, 0.95, 2_000_000, 0.950000, 19.000000, 92.1034 },
        { 4, 3.2, 200_000, 0.596432, 0.745541, 6.8932 },
        { 4, 3.6, 500_000, 0.787753, 1.969383, 12.1932 },
        { 4, 3.8, 2_000_000, 0.891419, 4.457095, 23.5669 },
        { 10, 8, 200_000, 0.409180, 0.204590, 4.9461 },
        { 10, 9, 500_000, 0.668732, 0.668732, 6.2499 },
        { 10, 9.5, 3_000_000, 0.825586, 1.651171, 10.2085 },
    };

    [Theory]
    [MemberData(nameof(ReferenceRows))]
    public void Should_match_the_erlang_c_reference_within_three_standard_errors(
        int servers, double lambda, long customers, double waitProbability, double meanWait, double responseP99)
    {
        // Given
        var options = new MmcStationOptions(servers, lambda, ServiceRatePerSecond: 1, customers, WarmUpCustomers: customers / 10);

        // When
        var result = MmcStation.Run(options, seed: 20_240_501);

        // Then
        Report(result, meanWait, waitProbability, responseP99);
        result.Outcome.Status.ShouldBe(SimulationStatus.Completed);
        result.MeanWaitSeconds.IsWithin(meanWait, 3).ShouldBeTrue(Describe("mean wait", result.MeanWaitSeconds, meanWait));
        result.WaitProbability.IsWithin(waitProbability, 3).ShouldBeTrue(Describe("P(wait)", result.WaitProbability, waitProbability));
        result.ResponseP99Seconds.IsWithin(responseP99, 3).ShouldBeTrue(Describe("p99 response", result.ResponseP99Seconds, responseP99));
    }

    private void Report(MmcStationResult result, double meanWait, double waitProbability, double responseP99)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"M/M/{result.Options.Servers} rho={result.Options.OfferedUtilization:0.00}, {result.Measured:N0} measured customers, {result.MeanWaitSeconds.Batches} batches"));
        output.WriteLine(Describe("mean wait", result.MeanWaitSeconds, meanWait));
        output.WriteLine(Describe("P(wait)", result.WaitProbability, waitProbability));
        output.WriteLine(Describe("p99 response", result.ResponseP99Seconds, responseP99));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  utilisation {result.Utilization:0.0000}, mean queue length {result.MeanQueueLength:0.000}"));
    }

    private static string Describe(string name, BatchEstimate estimate, double reference) =>
        string.Create(CultureInfo.InvariantCulture,
            $"  {name}: simulated {estimate.Value:0.0000} ± {estimate.HalfWidth95:0.0000} (95%), reference {reference:0.0000}, off by {(estimate.Value - reference) / estimate.StandardError:+0.00;-0.00} SE");
}
