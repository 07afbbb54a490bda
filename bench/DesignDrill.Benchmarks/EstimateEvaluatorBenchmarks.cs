using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Benchmarks;

/// <summary>Speed of evaluating one typical estimate expression with names, units and a time span.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class EstimateEvaluatorBenchmarks
{
    /// <summary>The URL shortener's five-year storage line.</summary>
    private const string Expression = "new_urls * 5 years * url_size";

    private readonly Dictionary<string, Quantity> _scope = new()
    {
        ["new_urls"] = Quantity.FromRatePerSecond(115.74),
        ["url_size"] = Quantity.FromBytes(500),
    };

    /// <summary><c>new_urls * 5 years * url_size</c> with <c>new_urls</c> = 115.74/s and <c>url_size</c> = 500 B.</summary>
    [Benchmark]
    public EvaluationResult TypicalExpression() => EstimateEvaluator.Evaluate(Expression, _scope, Conventions.Default);
}
