using DesignDrill.Core.Simulation;
using DesignDrill.Core.Simulation.Models;

namespace DesignDrill.Core.Tests.Simulation;

public sealed class MmcStationTests
{
    private static readonly MmcStationOptions FourWorkers = new(4, 3.6, 1, Customers: 50_000, WarmUpCustomers: 5_000);

    [Fact]
    public void Should_give_identical_results_for_the_same_seed()
    {
        // Given / When
        var first = MmcStation.Run(FourWorkers, seed: 11);
        var second = MmcStation.Run(FourWorkers, seed: 11);
        var other = MmcStation.Run(FourWorkers, seed: 12);

        // Then
        second.ShouldBe(first);
        other.MeanWaitSeconds.ShouldNotBe(first.MeanWaitSeconds);
    }

    [Fact]
    public void Should_count_customers_and_measure_after_the_warm_up()
    {
        // Given / When
        var result = MmcStation.Run(FourWorkers, seed: 1);

        // Then
        result.Outcome.Status.ShouldBe(SimulationStatus.Completed);
        result.Outcome.Message.ShouldStartWith("The run completed after");
        result.Arrivals.ShouldBe(50_000);
        result.Measured.ShouldBe(45_000);
        result.Rejected.ShouldBe(0);
        result.MeanResponseSeconds.Value.ShouldBeGreaterThan(result.MeanWaitSeconds.Value);
        result.ResponseP99Seconds.Value.ShouldBeGreaterThan(result.ResponseP90Seconds.Value);
        result.ResponseP90Seconds.Value.ShouldBeGreaterThan(result.ResponseP50Seconds.Value);
        result.WaitP99Seconds.Value.ShouldBeGreaterThan(result.WaitP50Seconds.Value);
        result.Utilization.ShouldBe(0.9, 0.03);
    }

    [Fact]
    public void Should_obey_littles_law_for_the_queue()
    {
        // Given / When
        var result = MmcStation.Run(FourWorkers with { Customers = 200_000, WarmUpCustomers = 20_000 }, seed: 3);

        // Then: Lq = λ Wq over the same customers, up to the edge effects of the window.
        result.MeanQueueLength.ShouldBe(3.6 * result.MeanWaitSeconds.Value, 0.02 * result.MeanQueueLength);
    }

    [Fact]
    public void Should_never_wait_with_more_workers_than_customers_could_fill()
    {
        // Given: 1,000 workers at utilisation 0.001.
        var options = new MmcStationOptions(1_000, 1, 1, Customers: 10_000);

        // When
        var result = MmcStation.Run(options, seed: 1);

        // Then
        result.WaitProbability.Value.ShouldBe(0);
        result.MeanWaitSeconds.Value.ShouldBe(0);
        result.MeanResponseSeconds.Value.ShouldBe(1, 0.05);
    }

    [Fact]
    public void Should_reject_arrivals_when_a_bounded_queue_is_full()
    {
        // Given: M/M/1/K with K = 1 + 4 places, at ρ = 1, where each of the K + 1 states is equally likely, so a fraction
        // 1/6 of arrivals find it full.
        var options = new MmcStationOptions(1, 1, 1, Customers: 300_000, WarmUpCustomers: 10_000, QueueCapacity: 4);

        // When
        var result = MmcStation.Run(options, seed: 2);

        // Then
        result.Outcome.Status.ShouldBe(SimulationStatus.Completed);
        ((double)result.Rejected / 290_000).ShouldBe(1 / 6.0, 0.01);
        result.MeanQueueLength.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public void Should_stop_at_the_memory_limit_when_overloaded()
    {
        // Given: twice the arrivals the workers can serve, and room for 1,000 waiting customers.
        var options = new MmcStationOptions(2, 4, 1, Customers: 1_000_000);

        // When
        var result = MmcStation.Run(options, seed: 1, new SimulationLimits(MaxQueuedItems: 1_000));

        // Then
        result.Outcome.Status.ShouldBe(SimulationStatus.StoppedAtMemoryLimit);
        result.Outcome.Message.ShouldContain("1,000 entries");
        result.Outcome.Message.ShouldContain("utilisation");
        result.Arrivals.ShouldBeLessThan(10_000);
    }

    [Fact]
    public void Should_stop_at_the_event_and_simulated_time_limits()
    {
        // Given / When
        var byEvents = MmcStation.Run(FourWorkers, seed: 1, new SimulationLimits(MaxEvents: 1_000));
        var byTime = MmcStation.Run(FourWorkers, seed: 1, new SimulationLimits(MaxSimulatedTimeNs: SimTime.FromSeconds(100)));

        // Then
        byEvents.Outcome.Status.ShouldBe(SimulationStatus.StoppedAtEventLimit);
        byEvents.Outcome.EventsProcessed.ShouldBe(1_000);
        byTime.Outcome.Status.ShouldBe(SimulationStatus.StoppedAtSimulatedTimeLimit);
        byTime.Outcome.SimulatedTimeNs.ShouldBeLessThanOrEqualTo(SimTime.FromSeconds(100));
        byTime.Outcome.Message.ShouldContain("100 simulated seconds");
    }

    [Fact]
    public void Should_stop_when_cancelled()
    {
        // Given
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        // When
        var result = MmcStation.Run(FourWorkers, seed: 1, new SimulationLimits(CheckIntervalEvents: 100), cancellation.Token);

        // Then
        result.Outcome.Status.ShouldBe(SimulationStatus.Cancelled);
        result.Outcome.EventsProcessed.ShouldBe(100);
    }

    [Fact]
    public void Should_stop_when_the_wall_clock_budget_runs_out()
    {
        // Given: a clock that advances one second every time it is read, and a budget of 5 seconds.
        var clock = new SteppingClock(TimeSpan.FromSeconds(1));
        var limits = new SimulationLimits(WallClockBudget: TimeSpan.FromSeconds(5), CheckIntervalEvents: 1_000);

        // When
        var result = MmcStation.Run(FourWorkers, seed: 1, limits, clock: clock);

        // Then: read at the start and at every check; the fifth check sees 5 s elapsed.
        result.Outcome.Status.ShouldBe(SimulationStatus.StoppedAtWallClock);
        result.Outcome.EventsProcessed.ShouldBe(5_000);
        result.Outcome.Message.ShouldContain("wall-clock budget of 5 s");
    }

    [Fact]
    public void Should_reject_options_out_of_range()
    {
        // Given / When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => MmcStation.Run(FourWorkers with { Servers = 0 }, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => MmcStation.Run(FourWorkers with { ArrivalRatePerSecond = double.NaN }, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => MmcStation.Run(FourWorkers with { ServiceRatePerSecond = 0 }, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => MmcStation.Run(FourWorkers with { WarmUpCustomers = 50_000 }, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => MmcStation.Run(FourWorkers, 1, new SimulationLimits(MaxEvents: 0)));
    }

    [Fact]
    public void Should_stay_bounded_for_absurd_rates()
    {
        // Given: 10^15 arrivals per second (below the nanosecond resolution) and 10^-9 per second (one per 32 years).
        var fast = new MmcStationOptions(1, 1e15, 2e15, Customers: 10_000);
        var slow = new MmcStationOptions(1, 1e-9, 1, Customers: 1_000_000);

        // When
        var fastResult = MmcStation.Run(fast, seed: 1);
        var slowResult = MmcStation.Run(slow, seed: 1, new SimulationLimits(MaxSimulatedTimeNs: SimTime.FromSeconds(3.15e9)));

        // Then
        fastResult.Outcome.Status.ShouldBe(SimulationStatus.Completed);
        slowResult.Outcome.Status.ShouldBe(SimulationStatus.StoppedAtSimulatedTimeLimit);
    }

    /// <summary>A wall clock that moves forward by a fixed step every time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks;
    }
}
