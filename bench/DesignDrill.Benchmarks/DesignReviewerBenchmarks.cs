using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Review;

namespace DesignDrill.Benchmarks;

/// <summary>Speed of the whole review (parse, estimates, binding, every rule) on one page and on the 1 MB document.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DesignReviewerBenchmarks
{
    private string _page = "";
    private string _megabyte = "";

    /// <summary>Reads the samples and builds the 1 MB document.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _page = BenchmarkDocuments.UrlShortener();
        _megabyte = BenchmarkDocuments.Large();
    }

    /// <summary><c>samples/url-shortener.md</c>.</summary>
    [Benchmark(Baseline = true)]
    public ReviewReport UrlShortener() => DesignReviewer.Review(_page);

    /// <summary>About 1,000,000 characters.</summary>
    [Benchmark]
    public ReviewReport OneMegabyte() => DesignReviewer.Review(_megabyte);
}
