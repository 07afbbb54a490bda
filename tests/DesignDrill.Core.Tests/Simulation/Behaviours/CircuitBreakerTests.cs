using DesignDrill.Core.Simulation.Behaviours;
using static DesignDrill.Core.Tests.Simulation.Behaviours.LimiterRuns;

namespace DesignDrill.Core.Tests.Simulation.Behaviours;

public sealed class CircuitBreakerTests
{
    private const long OpenNs = 5 * NsPerSecond;

    [Fact]
    public void Should_open_when_the_failure_rate_over_the_window_reaches_the_threshold()
    {
        // Given: 50% over the last 10 calls, judged from 10 calls.
        var breaker = RateBreaker(window: 10, minimum: 10);

        // When: five successes and four failures (9 calls, below the minimum), then the fifth failure at 10 µs.
        for (var t = 0; t < 5; t++)
        {
            Call(breaker, t, ok: true);
        }

        for (var t = 5; t < 9; t++)
        {
            Call(breaker, t, ok: false);
        }

        var beforeTenth = breaker.State;
        Call(breaker, 10_000, ok: false);

        // Then: 5 / 10 ≥ 0.5 opens it at the tenth outcome's time.
        beforeTenth.ShouldBe(CircuitState.Closed);
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.Transitions.ShouldBe([new CircuitTransition(10_000, CircuitState.Closed, CircuitState.Open)]);
        breaker.OpenUntilNs.ShouldBe(10_000 + OpenNs);
        breaker.OpenedCount.ShouldBe(1);
    }

    [Fact]
    public void Should_not_judge_the_rate_before_the_minimum_number_of_calls()
    {
        // Given: a minimum of 10 calls.
        var breaker = RateBreaker(window: 20, minimum: 10);

        // When / Then: nine failures leave it closed; the tenth opens it.
        for (var t = 0; t < 9; t++)
        {
            Call(breaker, t, ok: false);
        }

        breaker.State.ShouldBe(CircuitState.Closed);
        breaker.WindowFailureCount.ShouldBe(9);
        Call(breaker, 9, ok: false);
        breaker.State.ShouldBe(CircuitState.Open);
    }

    [Fact]
    public void Should_forget_outcomes_that_slide_out_of_the_window()
    {
        // Given: 75% over the last 4 calls.
        var breaker = RateBreaker(window: 4, minimum: 4, threshold: 0.75);

        // When: F F S S S F F — every window of four holds at most two failures until the last three outcomes.
        var outcomes = new[] { false, false, true, true, true, false, false };
        for (var t = 0; t < outcomes.Length; t++)
        {
            Call(breaker, t, outcomes[t]);
            breaker.State.ShouldBe(CircuitState.Closed, $"after outcome {t}");
        }

        // Then: S F F F makes 3 / 4.
        breaker.WindowFailureCount.ShouldBe(2);
        Call(breaker, 7, ok: false);
        breaker.State.ShouldBe(CircuitState.Open);
    }

    [Fact]
    public void Should_open_on_the_success_that_completes_the_minimum_when_the_rate_is_already_over()
    {
        // Given: a 50% threshold judged from 4 calls.
        var breaker = RateBreaker(window: 4, minimum: 4);

        // When: F F S — then a success makes 2 / 4.
        Call(breaker, 0, ok: false);
        Call(breaker, 1, ok: false);
        Call(breaker, 2, ok: true);
        Call(breaker, 3, ok: true);

        // Then: as resilience4j, the rate is judged after every outcome.
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.Transitions[0].TimeNs.ShouldBe(3);
    }

    [Fact]
    public void Should_open_after_the_threshold_of_consecutive_failures_and_reset_the_run_on_success()
    {
        // Given
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 3, openDurationNs: OpenNs));

        // When: F F S F F stays closed (the success broke the run); the next F is the third in a row.
        foreach (var (t, ok) in new[] { (0, false), (1, false), (2, true), (3, false), (4, false) })
        {
            Call(breaker, t, ok);
        }

        var beforeThird = breaker.State;
        Call(breaker, 5, ok: false);

        // Then
        beforeThird.ShouldBe(CircuitState.Closed);
        breaker.ConsecutiveFailures.ShouldBe(3);
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.WindowCallCount.ShouldBe(0);
    }

    [Fact]
    public void Should_reject_while_open_and_turn_half_open_at_the_exact_nanosecond_the_cool_down_ends()
    {
        // Given: opened at 1 s.
        var breaker = OpenedAt(NsPerSecond, probes: 2);

        // When / Then: rejected up to one nanosecond before 6 s; allowed at 6 s.
        breaker.AllowRequest(NsPerSecond).ShouldBeFalse();
        breaker.AllowRequest(NsPerSecond + OpenNs - 1).ShouldBeFalse();
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.AllowRequest(NsPerSecond + OpenNs).ShouldBeTrue();
        breaker.State.ShouldBe(CircuitState.HalfOpen);
        breaker.RejectedWhileOpenCount.ShouldBe(2);
        breaker.Transitions[^1].ShouldBe(new CircuitTransition(NsPerSecond + OpenNs, CircuitState.Open, CircuitState.HalfOpen));
    }

    [Fact]
    public void Should_log_the_half_open_transition_when_the_cool_down_ended_not_when_the_next_call_came()
    {
        // Given: opened at 1 s, and no call until 100 s.
        var breaker = OpenedAt(NsPerSecond, probes: 1);

        // When
        breaker.AllowRequest(100 * NsPerSecond).ShouldBeTrue();

        // Then
        breaker.Transitions[^1].ShouldBe(new CircuitTransition(6 * NsPerSecond, CircuitState.Open, CircuitState.HalfOpen));
    }

    [Fact]
    public void Should_allow_exactly_k_probes_and_close_when_all_of_them_succeed()
    {
        // Given: half-open at 6 s with three probes.
        var breaker = OpenedAt(NsPerSecond, probes: 3);
        var t = 6 * NsPerSecond;

        // When: four calls arrive; three are probes.
        var allowed = Enumerable.Range(0, 4).Count(i => breaker.AllowRequest(t + i));

        // Then
        allowed.ShouldBe(3);
        breaker.RejectedWhileHalfOpenCount.ShouldBe(1);
        breaker.RecordSuccess(t + 10);
        breaker.RecordSuccess(t + 11);
        breaker.State.ShouldBe(CircuitState.HalfOpen);
        breaker.RecordSuccess(t + 12);
        breaker.State.ShouldBe(CircuitState.Closed);
        breaker.WindowCallCount.ShouldBe(0);
        breaker.Transitions.ShouldBe([
            new CircuitTransition(NsPerSecond, CircuitState.Closed, CircuitState.Open),
            new CircuitTransition(t, CircuitState.Open, CircuitState.HalfOpen),
            new CircuitTransition(t + 12, CircuitState.HalfOpen, CircuitState.Closed),
        ]);
        breaker.AllowRequest(t + 13).ShouldBeTrue();
    }

    [Fact]
    public void Should_reopen_for_a_full_cool_down_on_a_probe_failure()
    {
        // Given: half-open at 6 s with three probes, two allowed.
        var breaker = OpenedAt(NsPerSecond, probes: 3);
        var t = 6 * NsPerSecond;
        breaker.AllowRequest(t).ShouldBeTrue();
        breaker.AllowRequest(t + 1).ShouldBeTrue();

        // When: the first probe succeeds, the second fails at 6.5 s.
        breaker.RecordSuccess(t + 2);
        breaker.RecordFailure(t + (NsPerSecond / 2));

        // Then: open again until 11.5 s, to the nanosecond.
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.OpenUntilNs.ShouldBe(11 * NsPerSecond + (NsPerSecond / 2));
        breaker.AllowRequest(breaker.OpenUntilNs - 1).ShouldBeFalse();
        breaker.AllowRequest(breaker.OpenUntilNs).ShouldBeTrue();
        breaker.OpenedCount.ShouldBe(2);
        breaker.Transitions.Select(x => x.To).ShouldBe([
            CircuitState.Open, CircuitState.HalfOpen, CircuitState.Open, CircuitState.HalfOpen]);
        breaker.TransitionCount.ShouldBe(4);
    }

    [Fact]
    public void Should_ignore_outcomes_of_calls_allowed_before_the_circuit_opened()
    {
        // Given: ten calls allowed while closed, then the circuit opens on the first outcomes.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 2, openDurationNs: OpenNs, halfOpenProbes: 1));
        for (var i = 0; i < 10; i++)
        {
            breaker.AllowRequest(i).ShouldBeTrue();
        }

        breaker.RecordFailure(100);
        breaker.RecordFailure(101);

        // When: late outcomes while open, then while half-open before any probe, then the probe and its outcome.
        breaker.RecordFailure(102);
        breaker.RecordSuccess(103);
        breaker.RecordFailure(101 + OpenNs);
        var stateAfterLateFailure = breaker.State;
        breaker.AllowRequest(101 + OpenNs + 1).ShouldBeTrue();
        breaker.RecordSuccess(101 + OpenNs + 2);

        // Then: only the probe's success counted, and it closed the circuit.
        stateAfterLateFailure.ShouldBe(CircuitState.HalfOpen);
        breaker.State.ShouldBe(CircuitState.Closed);
        breaker.IgnoredOutcomeCount.ShouldBe(3);
        breaker.FailureCount.ShouldBe(2);
        breaker.SuccessCount.ShouldBe(1);
        breaker.AllowedCount.ShouldBe(11);
    }

    [Fact]
    public void Should_keep_only_the_first_transitions_in_the_log_and_count_them_all()
    {
        // Given: a log of two entries, and a breaker that trips on every failure.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 1, openDurationNs: 10, halfOpenProbes: 1, maxLoggedTransitions: 2));

        // When: ten cycles of fail, wait, probe.
        long t = 0;
        breaker.AllowRequest(t);
        breaker.RecordFailure(t);
        for (var i = 0; i < 10; i++)
        {
            t += 10;
            breaker.AllowRequest(t).ShouldBeTrue();
            breaker.RecordFailure(t);
        }

        // Then
        breaker.Transitions.Count.ShouldBe(2);
        breaker.TransitionCount.ShouldBe(21);
        breaker.OpenedCount.ShouldBe(11);
    }

    [Fact]
    public void Should_not_allocate_per_call_in_steady_state()
    {
        // Given: a closed breaker that never trips (one failure in four), and one that cycles with no log kept.
        var closed = RateBreaker(window: 100, minimum: 100);
        var cycling = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 1, openDurationNs: 3, halfOpenProbes: 1, maxLoggedTransitions: 0));
        Call(closed, 0, ok: true);
        Call(cycling, 0, ok: false);

        // When
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (long t = 1; t <= 1_000_000; t++)
        {
            Call(closed, t, ok: t % 4 != 0);
            if (cycling.AllowRequest(t))
            {
                cycling.RecordFailure(t);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Then
        // Nothing per operation: a stray one-off runtime allocation (tiered JIT, on-stack replacement) stays far below a byte an operation.
        allocated.ShouldBeLessThan(65_536); // a million operations: one allocation each would be tens of megabytes
        closed.State.ShouldBe(CircuitState.Closed);
        cycling.TransitionCount.ShouldBeGreaterThan(400_000);
    }

    [Fact]
    public void Should_refuse_time_that_runs_backwards_or_is_negative()
    {
        // Given
        var breaker = new CircuitBreaker();
        breaker.AllowRequest(500).ShouldBeTrue();

        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => breaker.RecordSuccess(499)).Message.ShouldContain("500 ns");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreaker().AllowRequest(-1)).Message.ShouldContain("negative");
    }

    [Fact]
    public void Should_use_resilience4j_defaults()
    {
        // Given
        var options = new CircuitBreaker().Options;

        // When / Then
        options.Trip.ShouldBe(CircuitTrip.FailureRate);
        options.FailureRateThreshold.ShouldBe(0.5);
        options.SlidingWindowSize.ShouldBe(100);
        options.MinimumNumberOfCalls.ShouldBe(100);
        options.OpenDurationNs.ShouldBe(60 * NsPerSecond);
        options.HalfOpenProbes.ShouldBe(10);
    }

    [Fact]
    public void Should_refuse_absurd_options_with_a_message_naming_the_parameter()
    {
        // Given / When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(failureRateThreshold: 0)).ParamName.ShouldBe("failureRateThreshold");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(failureRateThreshold: 1.01)).ParamName.ShouldBe("failureRateThreshold");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(failureRateThreshold: double.NaN)).ParamName.ShouldBe("failureRateThreshold");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(slidingWindowSize: 0)).ParamName.ShouldBe("slidingWindowSize");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(slidingWindowSize: 1_000_001)).ParamName.ShouldBe("slidingWindowSize");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(slidingWindowSize: 10, minimumNumberOfCalls: 11)).ParamName.ShouldBe("minimumNumberOfCalls");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(consecutiveFailureThreshold: 0)).ParamName.ShouldBe("consecutiveFailureThreshold");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(openDurationNs: 0)).ParamName.ShouldBe("openDurationNs");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(halfOpenProbes: 0)).ParamName.ShouldBe("halfOpenProbes");
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(trip: (CircuitTrip)9)).ParamName.ShouldBe("trip");
    }

    [Fact]
    public void Should_not_overflow_when_opened_near_the_end_of_simulated_time()
    {
        // Given: an open duration of long.MaxValue.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 1, openDurationNs: long.MaxValue));

        // When
        Call(breaker, long.MaxValue - 5, ok: false);

        // Then: open until the end of time, saturated instead of wrapped.
        breaker.OpenUntilNs.ShouldBe(long.MaxValue);
        breaker.AllowRequest(long.MaxValue - 1).ShouldBeFalse();
    }

    [Fact]
    public void Should_open_when_the_slow_call_rate_reaches_its_threshold_though_every_call_succeeds()
    {
        // Given: resilience4j's slow calls: longer than 1 s is slow; half of the last 10 calls slow opens the circuit.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(
            slidingWindowSize: 10, minimumNumberOfCalls: 10, openDurationNs: OpenNs, slowCallDurationThresholdNs: NsPerSecond, slowCallRateThreshold: 0.5));

        // When: five fast successes, then four successes that took 2 s, then a fifth slow one.
        for (var t = 0; t < 5; t++)
        {
            breaker.AllowRequest(t).ShouldBeTrue();
            breaker.RecordSuccess(t, 10 * NsPerMillisecond);
        }

        for (var t = 5; t < 9; t++)
        {
            breaker.AllowRequest(t).ShouldBeTrue();
            breaker.RecordSuccess(t, 2 * NsPerSecond);
        }

        var beforeTenth = breaker.State;
        breaker.AllowRequest(9).ShouldBeTrue();
        breaker.RecordSuccess(9, 2 * NsPerSecond);

        // Then: 5 slow of 10 ≥ 50% opens it, with no failure at all.
        beforeTenth.ShouldBe(CircuitState.Closed);
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.FailureCount.ShouldBe(0);
        breaker.SlowCallCount.ShouldBe(5);
        breaker.WindowSlowCallCount.ShouldBe(5);
    }

    [Theory]
    [InlineData(1_000_000_000L, false)] // exactly the threshold: not slow (resilience4j: "greater than")
    [InlineData(1_000_000_001L, true)]
    public void Should_count_a_call_as_slow_only_above_the_duration_threshold(long durationNs, bool slow)
    {
        // Given: every call slow opens it (resilience4j's default rate of 100%), judged from 1 call.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(slidingWindowSize: 1, minimumNumberOfCalls: 1, slowCallDurationThresholdNs: NsPerSecond));

        // When
        breaker.AllowRequest(0).ShouldBeTrue();
        breaker.RecordSuccess(0, durationNs);

        // Then
        breaker.State.ShouldBe(slow ? CircuitState.Open : CircuitState.Closed);
    }

    [Fact]
    public void Should_count_slow_failures_as_slow_and_ignore_durations_by_default_below_a_minute()
    {
        // Given: the defaults (60 s, 100%); a failure rate that cannot trip (100%) over 4 calls.
        var defaults = new CircuitBreaker(new CircuitBreakerOptions(failureRateThreshold: 1, slidingWindowSize: 4, minimumNumberOfCalls: 4));
        var strict = new CircuitBreaker(new CircuitBreakerOptions(failureRateThreshold: 1, slidingWindowSize: 4, minimumNumberOfCalls: 4, slowCallDurationThresholdNs: NsPerSecond));

        // When: three 30 s successes and one 30 s failure
        foreach (var breaker in new[] { defaults, strict })
        {
            for (var t = 0; t < 3; t++)
            {
                breaker.AllowRequest(t).ShouldBeTrue();
                breaker.RecordSuccess(t, 30 * NsPerSecond);
            }

            breaker.AllowRequest(3).ShouldBeTrue();
            breaker.RecordFailure(3, 30 * NsPerSecond);
        }

        // Then: under a minute nothing is slow by default; with a 1 s threshold all four are, the failure included.
        defaults.State.ShouldBe(CircuitState.Closed);
        defaults.SlowCallCount.ShouldBe(0);
        strict.State.ShouldBe(CircuitState.Open);
        strict.SlowCallCount.ShouldBe(4);
    }

    [Fact]
    public void Should_reopen_a_half_open_circuit_on_a_slow_probe()
    {
        // Given: open after one failure; 1 s slow-call threshold; two probes.
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 1, openDurationNs: OpenNs, halfOpenProbes: 2, slowCallDurationThresholdNs: NsPerSecond));
        Call(breaker, 0, ok: false);

        // When: the first probe succeeds, but after 3 s
        breaker.AllowRequest(OpenNs).ShouldBeTrue();
        breaker.RecordSuccess(OpenNs + (3 * NsPerSecond), 3 * NsPerSecond);

        // Then: no evidence of recovery: open again for a full open duration from that moment
        breaker.State.ShouldBe(CircuitState.Open);
        breaker.OpenUntilNs.ShouldBe(OpenNs + (3 * NsPerSecond) + OpenNs);
    }

    [Theory]
    [InlineData(0L, 1.0, "slowCallDurationThresholdNs")]
    [InlineData(1_000L, 0.0, "slowCallRateThreshold")]
    [InlineData(1_000L, 1.5, "slowCallRateThreshold")]
    [InlineData(1_000L, double.NaN, "slowCallRateThreshold")]
    public void Should_refuse_an_unusable_slow_call_setting(long durationNs, double rate, string parameter)
    {
        // When / Then
        Should.Throw<ArgumentOutOfRangeException>(() => new CircuitBreakerOptions(slowCallDurationThresholdNs: durationNs, slowCallRateThreshold: rate))
            .ParamName.ShouldBe(parameter);
    }

    private static CircuitBreaker RateBreaker(int window, int minimum, double threshold = 0.5) =>
        new(new CircuitBreakerOptions(CircuitTrip.FailureRate, threshold, window, minimum, openDurationNs: OpenNs));

    /// <summary>A breaker with K probes, opened by one failure at <paramref name="atNs"/>.</summary>
    private static CircuitBreaker OpenedAt(long atNs, int probes)
    {
        var breaker = new CircuitBreaker(new CircuitBreakerOptions(CircuitTrip.ConsecutiveFailures,
            consecutiveFailureThreshold: 1, openDurationNs: OpenNs, halfOpenProbes: probes));
        Call(breaker, atNs, ok: false);
        breaker.State.ShouldBe(CircuitState.Open);
        return breaker;
    }

    /// <summary>Allows a call at <paramref name="nowNs"/> and records its outcome at the same time.</summary>
    private static void Call(CircuitBreaker breaker, long nowNs, bool ok)
    {
        breaker.AllowRequest(nowNs).ShouldBeTrue();
        if (ok)
        {
            breaker.RecordSuccess(nowNs);
        }
        else
        {
            breaker.RecordFailure(nowNs);
        }
    }
}
