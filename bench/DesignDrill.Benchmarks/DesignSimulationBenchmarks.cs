using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Speed of the design-driven simulation (issue 5's architecture target): the URL-shortener sample at 100K requests/s
/// in total (its three flows scaled together) for 60 simulated seconds, about 6M requests through every hop, with
/// every statistic and series on. Target: under 5 s of wall time and under 500 MB peak memory.
/// </summary>
[MemoryDiagnoser]
public class DesignSimulationBenchmarks
{
    /// <summary>Total arrival rate of the sample's flows at its own figures (redirect + shorten + click events), per second.</summary>
    private const double SampleTotalRatePerSecond = 3472.22 * 2 * 10 + 34.72 * 10;

    private ReviewReport _report = null!;

    /// <summary>Reviews the sample once.</summary>
    [GlobalSetup]
    public void Setup() =>
        _report = DesignReviewer.Review(BenchmarkDocuments.UrlShortener());

    /// <summary>60 s at 100K requests/s.</summary>
    /// <returns>Requests simulated.</returns>
    [Benchmark]
    public long UrlShortenerAt100KPerSecond() =>
        DesignSimulator.Run(_report, new DesignSimulationOptions { DurationSeconds = 60, LoadFactor = 100_000 / SampleTotalRatePerSecond, Seed = 1 }).Requests;
}
