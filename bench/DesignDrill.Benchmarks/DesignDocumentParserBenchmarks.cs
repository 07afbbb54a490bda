using System.Text;
using BenchmarkDotNet.Attributes;
using DesignDrill.Core.DesignDocs;

namespace DesignDrill.Benchmarks;

/// <summary>Parsing speed of design documents: a realistic one-page design and a 1 MB stress document.</summary>
[MemoryDiagnoser]
public class DesignDocumentParserBenchmarks
{
    private const string Page = """
        ---
        prompt: url-shortener
        level: senior
        ---
        # URL shortener
        ## Requirements
        ### Non-functional
        - p99 redirect latency < 100 ms
        - 99.99% availability, strong consistency for aliases
        ## Estimates
        dau = 100M
        read_rate = write_rate * 100 ≈ 116K/s
        ## API
        - `POST /v1/urls {long_url, custom_alias?} -> {short_url}`
        ## Data model
        - url(code PK, long_url, created_at) in urls
        ## Architecture
        api: service x6, 2K rps each, 20 ms
        cache: redis, 64 GB, ttl 24h, hit 90%
        urls: postgres, 1 primary + 2 replicas
        flow redirect at read_rate * 3: client -> api -> cache -> urls on miss

        """;

    private string _megabyte = "";

    /// <summary>Builds the 1 MB document by repeating the page.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder();
        while (builder.Length < 1_000_000)
        {
            builder.Append(Page.Replace("---", "- - -", StringComparison.Ordinal));
        }

        _megabyte = builder.ToString();
    }

    /// <summary>One realistic page.</summary>
    [Benchmark(Baseline = true)]
    public DesignDocument OnePage() => DesignDocumentParser.Parse(Page);

    /// <summary>About 1,000,000 characters.</summary>
    [Benchmark]
    public DesignDocument OneMegabyte() => DesignDocumentParser.Parse(_megabyte);
}
