using DesignDrill.Core.Review;
using DesignDrill.Core.Simulation.Behaviours;
using DesignDrill.Core.Simulation.Design;

namespace DesignDrill.Core.Tests.Simulation.Design;

/// <summary>The design-driven run allocates nothing per request once warmed up (its fixed costs aside).</summary>
public sealed class SimulatorAllocationTests
{
    [Fact]
    public void Should_not_allocate_per_request_with_a_breaker_and_a_cache()
    {
        // Given: a cached read path with a client circuit breaker; two runs of different lengths
        var report = DesignReviewer.Review("## Architecture\n```\napi: service x4, 20K rps each, 1 ms\ncache: redis x2, hit 80%\ndb: postgres x4, 5K rps each, 2 ms\nflow f at 20K/s, read: client -> api -> cache -> db on miss\n```\n");
        long Allocated(double seconds)
        {
            var options = new DesignSimulationOptions { DurationSeconds = seconds, Seed = 1, ClientBreaker = CircuitBreakerOptions.Default };
            DesignSimulator.Run(report, options with { DurationSeconds = 1 }); // warm the JIT
            var before = GC.GetAllocatedBytesForCurrentThread();
            DesignSimulator.Run(report, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // When: 100K and 1.1M requests
        var shortRun = Allocated(5);
        var longRun = Allocated(55);

        // Then: the extra million requests cost less than 4 bytes each (a closure or a boxed value per request is 24+)
        ((longRun - shortRun) / 1_000_000.0).ShouldBeLessThan(4);
    }
}
