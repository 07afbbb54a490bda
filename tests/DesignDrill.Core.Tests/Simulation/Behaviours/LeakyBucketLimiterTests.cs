using DesignDrill.Core.Simulation.Behaviours;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class LeakyBucketLimiterTests
{
    [Fact]
    public void Should_admit_a_burst_of_capacity_at_once_and_reject_the_next()
    {
        // Given: an empty bucket of 50 draining at 10/s.
        var limiter = new LeakyBucketLimiter(ratePerSecond: 10, capacity: 50);

        // When
        var admitted = Enumerable.Range(0, 60).Count(_ => limiter.TryAdmit(2 * NsPerSecond));

        // Then
        admitted.ShouldBe(50);
        limiter.Level.ShouldBe(50);
        limiter.RejectedCount.ShouldBe(10);
    }

    [Theory]
    [InlineData(100, 20, 10)]
    [InlineData(3.3, 5, 7)]
    [InlineData(1_234.5678, 2, 3)]
    [InlineData(0.5, 100, 60)]
    public void Should_keep_the_long_run_rate_at_most_rate_plus_capacity_over_t(
        double ratePerSecond, long capacity, long seconds)
    {
        // Given: offered a request every 10 µs, far above the rate and often enough that the bucket never runs empty
        // between two requests (10 µs ≤ (capacity − 1) / rate), so no drain is lost at zero.
        var limiter = new LeakyBucketLimiter(ratePerSecond, capacity);

        // When
        var admitted = CountAdmittedEvery(limiter, 0, seconds * NsPerSecond, 10 * NsPerMicrosecond);

        // Then: admitted / t ≤ rate + capacity / t, and the bound is reached to within one request.
        var bound = (ratePerSecond * seconds) + capacity;
        ((double)admitted).ShouldBeLessThanOrEqualTo(bound);
        ((double)admitted).ShouldBeGreaterThan(bound - 1);
    }

    [Fact]
    public void Should_space_admissions_by_one_over_rate_once_full()
    {
        // Given: capacity 1 at 4/s (one every 250 ms).
        var limiter = new LeakyBucketLimiter(ratePerSecond: 4, capacity: 1);
        limiter.TryAdmit(0).ShouldBeTrue();

        // When / Then
        limiter.TryAdmit((250 * NsPerMillisecond) - 1).ShouldBeFalse();
        limiter.TryAdmit(250 * NsPerMillisecond).ShouldBeTrue();
        limiter.TryAdmit(250 * NsPerMillisecond).ShouldBeFalse();
        limiter.TryAdmit(500 * NsPerMillisecond).ShouldBeTrue();
    }

    [Fact]
    public void Should_handle_an_absurd_rate_of_1e15_per_second_without_overflow()
    {
        // Given
        var small = new LeakyBucketLimiter(ratePerSecond: 1e15, capacity: 1);
        var huge = new LeakyBucketLimiter(ratePerSecond: 1e15, capacity: long.MaxValue);

        // When
        var smallAdmitted = CountAdmittedEvery(small, 0, 1_000, 1);
        long[] far = [0, 0, long.MaxValue / 2, long.MaxValue];
        var hugeAdmitted = far.Count(huge.TryAdmit);

        // Then
        smallAdmitted.ShouldBe(1_001);
        hugeAdmitted.ShouldBe(4);
        huge.Level.ShouldBe(1);
    }
}
