namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A client-side circuit breaker in the simulator: it stops sending calls to a dependency that keeps failing, so that
/// the dependency gets room to recover and callers fail fast instead of waiting for timeouts. Deterministic: it holds
/// no timer and reads no clock; time is whatever the caller passes, in simulated nanoseconds, non-decreasing.
/// </summary>
/// <remarks>
/// <para>
/// <b>State machine</b> (M. Nygard, <i>Release It!</i>, 2nd ed., 2018; the resilience4j and Hystrix implementations):
/// </para>
/// <list type="bullet">
/// <item><b>Closed</b>: every call is allowed and its outcome recorded. With <see cref="CircuitTrip.FailureRate"/> the
/// outcomes of the last <see cref="CircuitBreakerOptions.SlidingWindowSize"/> calls are kept in a ring; once at least
/// <see cref="CircuitBreakerOptions.MinimumNumberOfCalls"/> are recorded and failures / recorded ≥ the threshold
/// (compared exactly, in millionths, after every recorded outcome) the circuit opens. With
/// <see cref="CircuitTrip.ConsecutiveFailures"/> it opens when the run of failures reaches
/// <see cref="CircuitBreakerOptions.ConsecutiveFailureThreshold"/>. It opens at the time of the outcome that tripped
/// it. With the failure rate, <b>slow calls</b> count too (resilience4j's <c>slowCallRateThreshold</c> and
/// <c>slowCallDurationThreshold</c>): an outcome recorded with a duration above
/// <see cref="CircuitBreakerOptions.SlowCallDurationThresholdNs"/> is slow, success or failure, and the circuit also
/// opens once slow / recorded ≥ <see cref="CircuitBreakerOptions.SlowCallRateThreshold"/>.</item>
/// <item><b>Open</b>: every call is rejected (<see cref="RejectedWhileOpenCount"/>) until
/// <see cref="OpenUntilNs"/> = opened + <see cref="CircuitBreakerOptions.OpenDurationNs"/>. The first call (or outcome)
/// at or after that instant finds the circuit half-open; the transition is logged at the instant itself, so the log
/// reads "open at t, half-open at t + duration" to the nanosecond, whenever the next call comes (resilience4j's
/// default, without a timer: <c>automaticTransitionFromOpenToHalfOpenEnabled = false</c>).</item>
/// <item><b>Half-open</b>: the first <see cref="CircuitBreakerOptions.HalfOpenProbes"/> (K) calls are allowed as probes
/// and later ones rejected (<see cref="RejectedWhileHalfOpenCount"/>). Any probe failure, or slow probe, reopens the circuit at once
/// for a new open duration; when all K probes have succeeded it closes with an empty window. With K = 1 this is
/// Hystrix's single test request; resilience4j instead closes when the failure rate of its K probes is below the
/// threshold, which takes longer to reopen on a dependency that fails half the time.</item>
/// </list>
/// <para>
/// <b>Late outcomes.</b> The breaker cannot tell which state allowed a call. An outcome recorded while open is ignored
/// (a call allowed before the circuit opened); one recorded while half-open counts as a probe result only while a probe
/// is outstanding (allowed and not yet resolved), and is otherwise ignored. Ignored outcomes are counted in
/// <see cref="IgnoredOutcomeCount"/>. The simulator should record a timed-out attempt as a failure at its timeout.
/// </para>
/// <para>
/// <b>Cost.</b> O(1) per call and no allocation, except that the transition log grows by one entry per transition (up
/// to <see cref="CircuitBreakerOptions.MaxLoggedTransitions"/>). Memory: one byte per window slot. Not thread-safe.
/// </para>
/// </remarks>
public sealed class CircuitBreaker
{
    private readonly CircuitBreakerOptions _options;
    private readonly bool[] _window;
    private readonly bool[] _slowWindow;
    private readonly List<CircuitTransition> _transitions = [];
    private int _windowNext;
    private int _windowCount;
    private int _windowFailures;
    private int _windowSlow;
    private int _consecutiveFailures;
    private int _probesAllowed;
    private int _probeSuccesses;
    private long _lastNs;

    /// <summary>Creates a closed circuit breaker.</summary>
    /// <param name="options">The settings; <see cref="CircuitBreakerOptions.Default"/> (resilience4j's defaults) when <c>null</c>.</param>
    public CircuitBreaker(CircuitBreakerOptions? options = null)
    {
        _options = options ?? CircuitBreakerOptions.Default;
        _window = new bool[_options.Trip == CircuitTrip.FailureRate ? _options.SlidingWindowSize : 0];
        _slowWindow = new bool[_window.Length];
    }

    /// <summary>The settings.</summary>
    public CircuitBreakerOptions Options => _options;

    /// <summary>The state after the last call to <see cref="AllowRequest"/>, <see cref="RecordSuccess(long, long)"/> or <see cref="RecordFailure(long, long)"/> (or their one-argument forms).</summary>
    public CircuitState State { get; private set; } = CircuitState.Closed;

    /// <summary>When the current open period ends, in simulated nanoseconds; meaningful while <see cref="State"/> is <see cref="CircuitState.Open"/>.</summary>
    public long OpenUntilNs { get; private set; }

    /// <summary>The outcomes in the closed-state window (at most the window size); 0 in other states' fresh windows.</summary>
    public int WindowCallCount => _windowCount;

    /// <summary>The failures among <see cref="WindowCallCount"/>.</summary>
    public int WindowFailureCount => _windowFailures;

    /// <summary>The slow calls (longer than <see cref="CircuitBreakerOptions.SlowCallDurationThresholdNs"/>) among <see cref="WindowCallCount"/>.</summary>
    public int WindowSlowCallCount => _windowSlow;

    /// <summary>The current run of failures recorded while closed.</summary>
    public int ConsecutiveFailures => _consecutiveFailures;

    /// <summary>Calls allowed (closed, or as half-open probes).</summary>
    public long AllowedCount { get; private set; }

    /// <summary>Calls rejected because the circuit was open.</summary>
    public long RejectedWhileOpenCount { get; private set; }

    /// <summary>Calls rejected because the circuit was half-open and all its probes were taken.</summary>
    public long RejectedWhileHalfOpenCount { get; private set; }

    /// <summary>All rejected calls: <see cref="RejectedWhileOpenCount"/> + <see cref="RejectedWhileHalfOpenCount"/>.</summary>
    public long RejectedCount => RejectedWhileOpenCount + RejectedWhileHalfOpenCount;

    /// <summary>Successes that counted (closed-state outcomes and probe results).</summary>
    public long SuccessCount { get; private set; }

    /// <summary>Failures that counted (closed-state outcomes and probe results).</summary>
    public long FailureCount { get; private set; }

    /// <summary>Calls recorded as slow (longer than the slow-call threshold) that counted, successes and failures alike.</summary>
    public long SlowCallCount { get; private set; }

    /// <summary>Outcomes ignored: recorded while open, or while half-open with no probe outstanding.</summary>
    public long IgnoredOutcomeCount { get; private set; }

    /// <summary>Every transition since construction, logged or not.</summary>
    public long TransitionCount { get; private set; }

    /// <summary>How many times the circuit has opened (from closed or from half-open).</summary>
    public long OpenedCount { get; private set; }

    /// <summary>
    /// The transitions in order, with their times, for the event log; the first
    /// <see cref="CircuitBreakerOptions.MaxLoggedTransitions"/> only (<see cref="TransitionCount"/> counts them all).
    /// </summary>
    public IReadOnlyList<CircuitTransition> Transitions => _transitions;

    /// <summary>Asks whether a call at <paramref name="nowNs"/> may go to the dependency, and counts it.</summary>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0 and at least the previous call's time.</param>
    /// <returns><see langword="true"/> to send the call (the caller must later record its outcome); <see langword="false"/> to fail it at once.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or earlier than the previous call's.</exception>
    public bool AllowRequest(long nowNs)
    {
        Advance(nowNs);
        switch (State)
        {
            case CircuitState.Closed:
                AllowedCount++;
                return true;
            case CircuitState.Open:
                RejectedWhileOpenCount++;
                return false;
            default:
                if (_probesAllowed < _options.HalfOpenProbes)
                {
                    _probesAllowed++;
                    AllowedCount++;
                    return true;
                }

                RejectedWhileHalfOpenCount++;
                return false;
        }
    }

    /// <summary>Records that an allowed call succeeded at <paramref name="nowNs"/>, fast (its duration unknown or not above the slow-call threshold).</summary>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0 and at least the previous call's time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or earlier than the previous call's.</exception>
    public void RecordSuccess(long nowNs) => RecordSuccess(nowNs, 0);

    /// <summary>
    /// Records that an allowed call succeeded at <paramref name="nowNs"/> after <paramref name="durationNs"/>. A call
    /// longer than the slow-call threshold counts as slow in the window; a slow probe reopens a half-open circuit, as a
    /// failed one does.
    /// </summary>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0 and at least the previous call's time.</param>
    /// <param name="durationNs">How long the call took, in nanoseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or earlier than the previous call's.</exception>
    public void RecordSuccess(long nowNs, long durationNs)
    {
        var slow = durationNs > _options.SlowCallDurationThresholdNs;
        Advance(nowNs);
        if (slow && State == CircuitState.HalfOpen && _probeSuccesses < _probesAllowed)
        {
            // A probe that answered too late is no evidence of recovery: it reopens the circuit, as a failure would.
            SuccessCount++;
            SlowCallCount++;
            Open(nowNs);
            return;
        }

        switch (State)
        {
            case CircuitState.Closed:
                SuccessCount++;
                SlowCallCount += slow ? 1 : 0;
                _consecutiveFailures = 0;
                Remember(failed: false, slow);

                // As in resilience4j, the rate is judged after every outcome: the call that completes the minimum
                // number may be a success.
                if (ShouldTrip())
                {
                    Open(nowNs);
                }

                break;
            case CircuitState.HalfOpen when _probeSuccesses < _probesAllowed:
                SuccessCount++;
                if (++_probeSuccesses == _options.HalfOpenProbes)
                {
                    ResetWindow();
                    MoveTo(CircuitState.Closed, nowNs);
                }

                break;
            default:
                IgnoredOutcomeCount++;
                break;
        }
    }

    /// <summary>Records that an allowed call failed (an error or a timeout) at <paramref name="nowNs"/>, fast.</summary>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0 and at least the previous call's time.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or earlier than the previous call's.</exception>
    public void RecordFailure(long nowNs) => RecordFailure(nowNs, 0);

    /// <summary>
    /// Records that an allowed call failed (an error or a timeout) at <paramref name="nowNs"/> after
    /// <paramref name="durationNs"/>; a failure longer than the slow-call threshold is also slow (as in resilience4j).
    /// </summary>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0 and at least the previous call's time.</param>
    /// <param name="durationNs">How long the call took, in nanoseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or earlier than the previous call's.</exception>
    public void RecordFailure(long nowNs, long durationNs)
    {
        var slow = durationNs > _options.SlowCallDurationThresholdNs;
        Advance(nowNs);
        switch (State)
        {
            case CircuitState.Closed:
                FailureCount++;
                SlowCallCount += slow ? 1 : 0;
                _consecutiveFailures++;
                Remember(failed: true, slow);
                if (ShouldTrip())
                {
                    Open(nowNs);
                }

                break;
            case CircuitState.HalfOpen when _probeSuccesses < _probesAllowed:
                FailureCount++;
                Open(nowNs);
                break;
            default:
                IgnoredOutcomeCount++;
                break;
        }
    }

    private void Advance(long nowNs)
    {
        if (nowNs < _lastNs || nowNs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(nowNs), nowNs, nowNs < 0
                ? "Simulated time starts at 0 ns; a circuit breaker cannot be asked about a negative time."
                : $"Simulated time must not run backwards: the previous call was at {_lastNs} ns.");
        }

        _lastNs = nowNs;
        if (State == CircuitState.Open && nowNs >= OpenUntilNs)
        {
            _probesAllowed = 0;
            _probeSuccesses = 0;
            MoveTo(CircuitState.HalfOpen, OpenUntilNs);
        }
    }

    private void Remember(bool failed, bool slow)
    {
        if (_window.Length == 0)
        {
            return;
        }

        if (_windowCount == _window.Length)
        {
            if (_window[_windowNext])
            {
                _windowFailures--;
            }

            if (_slowWindow[_windowNext])
            {
                _windowSlow--;
            }
        }
        else
        {
            _windowCount++;
        }

        _window[_windowNext] = failed;
        _slowWindow[_windowNext] = slow;
        if (failed)
        {
            _windowFailures++;
        }

        if (slow)
        {
            _windowSlow++;
        }

        if (++_windowNext == _window.Length)
        {
            _windowNext = 0;
        }
    }

    private bool ShouldTrip() => _options.Trip == CircuitTrip.ConsecutiveFailures
        ? _consecutiveFailures >= _options.ConsecutiveFailureThreshold
        : _windowCount >= _options.MinimumNumberOfCalls &&
          (_windowFailures * 1_000_000L >= _options.FailureRateThresholdMicros * _windowCount
           || _windowSlow * 1_000_000L >= _options.SlowCallRateThresholdMicros * _windowCount);

    private void Open(long nowNs)
    {
        OpenUntilNs = SimTime.AddSaturating(nowNs, _options.OpenDurationNs);
        OpenedCount++;
        MoveTo(CircuitState.Open, nowNs);
    }

    private void ResetWindow()
    {
        _windowNext = 0;
        _windowCount = 0;
        _windowFailures = 0;
        _windowSlow = 0;
        _consecutiveFailures = 0;
    }

    private void MoveTo(CircuitState to, long atNs)
    {
        if (_transitions.Count < _options.MaxLoggedTransitions)
        {
            _transitions.Add(new CircuitTransition(atNs, State, to));
        }

        TransitionCount++;
        State = to;
    }
}
