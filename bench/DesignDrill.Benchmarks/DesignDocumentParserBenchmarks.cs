using BenchmarkDotNet.Attributes;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Benchmarks;

/// <summary>Parsing speed of design documents: one realistic page and a realistic 1 MB document (see <see cref="BenchmarkDocuments"/>).</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DesignDocumentParserBenchmarks
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

    /// <summary><c>samples/url-shortener.md</c>, about 5 KB.</summary>
    [Benchmark(Baseline = true)]
    public DesignDocument OnePage() => DesignDocumentParser.Parse(_page);

    /// <summary>About 1,000,000 characters.</summary>
    [Benchmark]
    public DesignDocument OneMegabyte() => DesignDocumentParser.Parse(_megabyte);
}
