using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using DesignDrill.Benchmarks;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Review;

if (args is ["--describe"])
{
    // Prints what the 1 MB benchmark input contains, and one cold and one warm timing, as a sanity check before a long run.
    var text = BenchmarkDocuments.Large();
    var document = DesignDocumentParser.Parse(text);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{text.Length:N0} chars, {document.LineCount:N0} lines, {document.Estimates.Count:N0} estimates, {document.Api.Count:N0} endpoints, {document.Entities.Count:N0} entities, {document.Architecture.Components.Count:N0} components, {document.Architecture.Flows.Count:N0} flows"));
    foreach (var group in document.Diagnostics.GroupBy(d => d.Code).OrderByDescending(g => g.Count()))
    {
        Console.WriteLine($"  {group.Key} x{group.Count()}: {group.First()}");
    }

    for (var run = 0; run < 2; run++)
    {
        var watch = Stopwatch.StartNew();
        DesignDocumentParser.Parse(text);
        var parse = watch.Elapsed;
        watch.Restart();
        var report = DesignReviewer.Review(text);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run + 1}: parse {parse.TotalMilliseconds:N0} ms, review {watch.Elapsed.TotalMilliseconds:N0} ms ({report.Diagnostics.Count:N0} diagnostics, {report.Findings.Count:N0} findings)"));
    }

    return;
}

if (args is ["--describe-analysis"])
{
    // Prints what the synthetic 200-component design holds, what its review reports, and one cold and one warm timing.
    var text = SyntheticDesign.Generate();
    for (var run = 0; run < 2; run++)
    {
        var watch = Stopwatch.StartNew();
        var report = DesignReviewer.Review(text);
        var review = watch.Elapsed;
        watch.Restart();
        var analysis = DesignDrill.Core.Analysis.ArchitectureAnalyzer.Analyze(
            report.Architecture, DesignDrill.Core.Analysis.ParameterResolver.Resolve(report.Architecture, DesignDrill.Core.Catalog.ComponentCatalog.Default));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run + 1}: review {review.TotalMilliseconds:N1} ms, resolve and analyse {watch.Elapsed.TotalMilliseconds:N1} ms; {text.Length:N0} chars, {report.Document.Architecture.Components.Count} components, {report.Document.Architecture.Flows.Count} flows, {analysis.Components.Sum(c => (long)c.Servers):N0} M/M/c servers, headroom {analysis.Headroom?.Multiple:0.##}x at {analysis.Headroom?.Component}"));
        if (run == 0)
        {
            foreach (var line in report.Diagnostics.Select(d => d.ToString()).Concat(report.Findings.Select(f => $"{f.Severity} {f.Id} line {f.Span.Line}: {f.Message}")))
            {
                Console.WriteLine("  " + line);
            }
        }
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
