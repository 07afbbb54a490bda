using BenchmarkDotNet.Attributes;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Review;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Speed of reading design documents: parsing alone, and the whole review (parse, estimates, binding, every rule), on
/// one realistic page and on a realistic 1 MB document (see <see cref="BenchmarkDocuments"/>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class DesignDocumentBenchmarks
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

    /// <summary>Parses <c>samples/url-shortener.md</c>, about 5 KB.</summary>
    [Benchmark(Baseline = true)]
    public DesignDocument ParseOnePage() => DesignDocumentParser.Parse(_page);

    /// <summary>Parses about 1,000,000 characters.</summary>
    [Benchmark]
    public DesignDocument ParseOneMegabyte() => DesignDocumentParser.Parse(_megabyte);

    /// <summary>Reviews <c>samples/url-shortener.md</c>.</summary>
    [Benchmark]
    public ReviewReport ReviewOnePage() => DesignReviewer.Review(_page);

    /// <summary>Reviews about 1,000,000 characters.</summary>
    [Benchmark]
    public ReviewReport ReviewOneMegabyte() => DesignReviewer.Review(_megabyte);
}
