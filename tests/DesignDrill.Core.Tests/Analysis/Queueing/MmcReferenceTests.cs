using DesignDrill.Core.Analysis.Queueing;

namespace DesignDrill.Core.Tests.Analysis.Queueing;

/// <summary>Every row of ../shared/reference/queueing.md (μ = 1), to four significant figures.</summary>
public sealed class MmcReferenceTests
{
    /// <summary>c, λ, P(wait), Wq, W, Lq, L, Wq p99, W p50, W p90, W p99.</summary>
    public static TheoryData<int, double, double[]> ReferenceRows => new()
    {
        { 1, 0.5, [0.500000, 1.000000, 2.000000, 0.500000, 1.000000, 7.8240, 1.3863, 4.6052, 9.2103] },
        { 1, 0.8, [0.800000, 4.000000, 5.000000, 3.200000, 4.000000, 21.9101, 3.4657, 11.5129, 23.0259] },
        { 1, 0.9, [0.900000, 9.000000, 10.000000, 8.100000, 9.000000, 44.9981, 6.9315, 23.0259, 46.0517] },
        { 1, 0.95, [0.950000, 19.000000, 20.000000, 18.050000, 19.000000, 91.0775, 13.8629, 46.0517, 92.1034] },
        { 2, 1.6, [0.711111, 1.777778, 2.777778, 2.844444, 4.444444, 10.6606, 2.0400, 6.1716, 11.9374] },
        { 2, 1.8, [0.852632, 4.263158, 5.263158, 7.673684, 9.473684, 22.2287, 3.7692, 11.8315, 23.3444] },
        { 4, 3.2, [0.596432, 0.745541, 1.745541, 2.385730, 5.585730, 5.1105, 1.3462, 3.7760, 6.8932] },
        { 4, 3.6, [0.787753, 1.969383, 2.969383, 7.089779, 10.689779, 10.9165, 2.2545, 6.4244, 12.1932] },
        { 4, 3.8, [0.891419, 4.457095, 5.457095, 16.936961, 20.736961, 22.4511, 3.9856, 12.0539, 23.5669] },
        { 10, 8, [0.409180, 0.204590, 1.204590, 1.636721, 9.636721, 1.8558, 0.9121, 2.6243, 4.9461] },
        { 10, 9, [0.668732, 0.668732, 1.668732, 6.018584, 15.018584, 4.2028, 1.3291, 3.5109, 6.2499] },
        { 10, 9.5, [0.825586, 1.651171, 2.651171, 15.686126, 25.186126, 8.8270, 2.0908, 5.5586, 10.2085] },
        { 100, 90, [0.216940, 0.021694, 1.021694, 1.952464, 91.952464, 0.3077, 0.7169, 2.3264, 4.6290] },
        { 100, 95, [0.506457, 0.101291, 1.101291, 9.622680, 104.622680, 0.7850, 0.8079, 2.4218, 4.7244] },
    };

    [Theory]
    [MemberData(nameof(ReferenceRows))]
    public void Should_match_the_reference_table_to_four_significant_figures(int servers, double lambda, double[] expected)
    {
        // Given / When
        var result = MmcQueue.Analyze(servers, lambda, serviceRatePerSecond: 1);

        // Then
        result.IsSaturated.ShouldBeFalse();
        result.Utilization.ShouldBe(lambda / servers, 1e-12);
        double[] actual =
        [
            result.WaitProbability, result.MeanWaitSeconds, result.MeanResponseSeconds, result.MeanQueueLength,
            result.MeanInSystem, result.WaitPercentileSeconds(0.99), result.ResponsePercentileSeconds(0.50),
            result.ResponsePercentileSeconds(0.90), result.ResponsePercentileSeconds(0.99),
        ];
        string[] columns = ["P(wait)", "Wq", "W", "Lq", "L", "Wq p99", "W p50", "W p90", "W p99"];
        for (var i = 0; i < expected.Length; i++)
        {
            actual[i].ShouldBeToFourSignificantFigures(expected[i], columns[i]);
        }
    }

    [Theory]
    [InlineData(14, 0.17413, 5e-6)]
    [InlineData(15, 0.102, 5e-4)]
    public void Should_match_the_call_centre_example_of_ten_erlangs(int servers, double expected, double tolerance)
    {
        // Given: traffic intensity A = 10 Erlangs.
        // When
        var waitProbability = ErlangC.WaitProbability(servers, 10);

        // Then
        waitProbability.ShouldBe(expected, tolerance);
    }

    [Theory]
    [InlineData(1, 9, 0.900)]
    [InlineData(2, 4.263, 0.853)]
    [InlineData(5, 1.525, 0.762)]
    [InlineData(10, 0.669, 0.669)]
    [InlineData(20, 0.275, 0.551)]
    public void Should_show_the_economies_of_scale_at_ninety_percent_utilisation(int servers, double meanWait,
        double waitProbability)
    {
        // Given: ρ = 0.9 and a mean service time of 1, so waits are in units of the service time.
        // When
        var result = MmcQueue.Analyze(servers, 0.9 * servers, 1);

        // Then
        result.MeanWaitSeconds.ShouldBe(meanWait, 0.0005);
        result.WaitProbability.ShouldBe(waitProbability, 0.0005);
    }

    [Theory]
    [InlineData(10, 0.1)]
    [InlineData(1000, 0.01)]
    public void Should_scale_with_the_service_rate(int servers, double serviceRate)
    {
        // Given: the reference row c = 10, ρ = 0.9, in a system whose service rate is not 1.
        var lambda = 0.9 * servers * serviceRate;

        // When
        var result = MmcQueue.Analyze(servers, lambda, serviceRate);

        // Then: probabilities are unchanged and times scale with the mean service time.
        var unit = MmcQueue.Analyze(servers, 0.9 * servers, 1);
        result.WaitProbability.ShouldBe(unit.WaitProbability, 1e-12);
        result.MeanWaitSeconds.ShouldBe(unit.MeanWaitSeconds / serviceRate, 1e-9 / serviceRate);
        result.ResponsePercentileSeconds(0.99).ShouldBe(unit.ResponsePercentileSeconds(0.99) / serviceRate,
            1e-8 / serviceRate);
    }
}

internal static class SignificantFigures
{
    /// <summary>Asserts agreement to four significant figures: within half a unit in the fourth significant digit.</summary>
    public static void ShouldBeToFourSignificantFigures(this double actual, double expected, string what)
    {
        var unit = Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(expected))) - 3);
        Math.Abs(actual - expected).ShouldBeLessThanOrEqualTo(0.5 * unit, $"{what}: expected {expected}, got {actual:R}");
    }
}
