using BenchmarkDotNet.Attributes;
using DesignDrill.Core.Simulation.Behaviours;

namespace DesignDrill.Benchmarks;

/// <summary>
/// Cost of one rate-limiter decision in the simulator: 1,000,000 requests one microsecond apart (1M requests/s
/// offered) into each limiter set to 100,000 requests/s, so nine in ten are rejected and windows roll over often.
/// Each operation is one request (<c>OperationsPerInvoke</c>).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RateLimiterBenchmarks
{
    private const int Requests = 1_000_000;
    private const long StepNs = 1_000;
    private const long WindowNs = 10_000_000;
    private const int LimitPerWindow = 1_000;

    /// <summary>The limiter measured; see <see cref="Create"/>.</summary>
    [Params("token", "leaky", "fixed", "log", "counter")]
    public string Kind { get; set; } = "token";

    /// <summary>Offers the requests to a fresh limiter and returns the number admitted (100,020 for the buckets).</summary>
    /// <returns>The admitted count, so the work cannot be optimised away.</returns>
    [Benchmark(OperationsPerInvoke = Requests)]
    public long OfferOneMillionRequests()
    {
        var limiter = Create(Kind);
        var t = 0L;
        for (var i = 0; i < Requests; i++)
        {
            limiter.TryAdmit(t);
            t += StepNs;
        }

        return limiter.AdmittedCount;
    }

    /// <summary>Builds the limiter named <paramref name="kind"/>, each at 100,000 requests/s.</summary>
    /// <param name="kind">token, leaky, fixed, log or counter.</param>
    /// <returns>The limiter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not one of the five.</exception>
    public static IRateLimiter Create(string kind) => kind switch
    {
        "token" => new TokenBucketLimiter(100_000, 20),
        "leaky" => new LeakyBucketLimiter(100_000, 20),
        "fixed" => new FixedWindowLimiter(LimitPerWindow, WindowNs),
        "log" => new SlidingWindowLogLimiter(LimitPerWindow, WindowNs),
        "counter" => new SlidingWindowCounterLimiter(LimitPerWindow, WindowNs),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected token, leaky, fixed, log or counter."),
    };
}
