using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Speed of the analytic model on a design with 200 components and 50 flows (<see cref="SyntheticDesign"/>): the
/// analysis alone (load, M/M/c per component, path latency, availability, headroom, cost) on an architecture bound
/// and resolved once, and the whole review of the same document.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AnalysisBenchmarks
{
    private string _text = "";
    private BoundArchitecture? _architecture;
    private Dictionary<string, ComponentParameters> _parameters = [];

    /// <summary>Builds the document, reviews it once to bind the architecture, and checks that it is the design the benchmark claims to measure.</summary>
    /// <exception cref="InvalidOperationException">The document does not have 200 components and 50 flows, or it reviews with errors.</exception>
    [GlobalSetup]
    public void Setup()
    {
        _text = SyntheticDesign.Generate();
        var report = DesignReviewer.Review(_text);
        _architecture = report.Architecture;
        _parameters = ParameterResolver.Resolve(_architecture, ComponentCatalog.Default);
        var components = report.Document.Architecture.Components.Count;
        var flows = report.Document.Architecture.Flows.Count;
        var errors = report.Diagnostics.Count(d => d.Severity == Severity.Error) + report.Findings.Count(f => f.Severity == Severity.Error);
        if (components != 200 || flows != 50 || errors > 0)
        {
            throw new InvalidOperationException($"the synthetic design has {components} components, {flows} flows and {errors} errors; expected 200, 50 and 0");
        }
    }

    /// <summary><see cref="ArchitectureAnalyzer.Analyze"/> on the pre-bound architecture and its resolved parameters.</summary>
    [Benchmark(Baseline = true)]
    public ArchitectureAnalysis Analyze() => ArchitectureAnalyzer.Analyze(_architecture!, _parameters);

    /// <summary><see cref="DesignReviewer.Review"/> of the whole document: parse, estimates, binding, analysis and every rule.</summary>
    [Benchmark]
    public ReviewReport Review() => DesignReviewer.Review(_text);
}
