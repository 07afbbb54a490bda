using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Design;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>A rate_limiter component in the run enforces its limit with its algorithm.</summary>
public sealed class RateLimiterRunTests
{
    [Theory]
    [InlineData("token_bucket")]
    [InlineData("fixed_window")]
    [InlineData("sliding_window")]
    [InlineData("leaky_bucket")]
    public void Should_admit_the_limit_and_refuse_the_rest(string algorithm)
    {
        // Given: 1,000 requests/s offered to a limit of 400/s
        var report = DesignReviewer.Review($"## Architecture\n```\nlimiter: rate_limiter, limit 400/s, algorithm {algorithm}\napi: service x4, 1K rps each, 1 ms\nflow f at 1K/s, read: client -> limiter -> api\n```\n");

        // When
        var run = DesignSimulator.Run(report, new DesignSimulationOptions { DurationSeconds = 60, WarmUpSeconds = 5, Seed = 3 });

        // Then: about 400/s get through; the rest are refused as rate limited (an error, HTTP 429)
        var flow = run.FindFlow("f")!;
        flow.ThroughputPerSecond.ShouldBe(400, 12);
        flow.RateLimited.ShouldBe(flow.Failed);
        ((double)flow.RateLimited / flow.Offered).ShouldBe(0.6, 0.02);
        run.Notes.ShouldBeEmpty();
    }
}
