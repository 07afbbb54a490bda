namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// The settings of a <see cref="CircuitBreaker"/>: what trips it, how long it stays open and how many probes it lets
/// through when half-open. Immutable and validated on construction.
/// </summary>
/// <remarks>
/// The defaults are resilience4j's (resilience4j.readme.io/docs/circuitbreaker, "Create and configure a
/// CircuitBreaker"): failure-rate threshold 50%, a count-based window of the last 100 calls, at least 100 calls before
/// the rate counts, 60 s open, 10 calls permitted when half-open. For comparison, Hystrix (github.com/Netflix/Hystrix/wiki/Configuration)
/// trips at 50% errors over a 10 s rolling window once it has seen 20 requests, sleeps 5 s and then lets one test
/// request through: about <c>new CircuitBreakerOptions(slidingWindowSize: 20, minimumNumberOfCalls: 20,
/// openDurationNs: 5 s, halfOpenProbes: 1)</c> with a window counted in calls instead of seconds. Slow calls are
/// resilience4j's too: a call longer than <c>slowCallDurationThreshold</c> (60 s) is slow, and the circuit opens when
/// the slow share of the window reaches <c>slowCallRateThreshold</c> (100%), so a dependency that answers, but too
/// late, can open it without a single failure.
/// </remarks>
public sealed class CircuitBreakerOptions
{
    /// <summary>The failure rate that opens the circuit when not given: 0.5 (resilience4j <c>failureRateThreshold</c> 50; Hystrix <c>errorThresholdPercentage</c> 50).</summary>
    public const double DefaultFailureRateThreshold = 0.5;

    /// <summary>The window when not given: the last 100 calls (resilience4j <c>slidingWindowSize</c>, count-based).</summary>
    public const int DefaultSlidingWindowSize = 100;

    /// <summary>Calls needed before the failure rate is judged, when not given: 100 (resilience4j <c>minimumNumberOfCalls</c>).</summary>
    public const int DefaultMinimumNumberOfCalls = 100;

    /// <summary>The run of failures that opens the circuit in <see cref="CircuitTrip.ConsecutiveFailures"/> mode, when not given: 5 (Envoy outlier detection, <c>consecutive_5xx</c> default).</summary>
    public const int DefaultConsecutiveFailureThreshold = 5;

    /// <summary>How long the circuit stays open when not given: 60 s (resilience4j <c>waitDurationInOpenState</c>; Hystrix uses 5 s).</summary>
    public const long DefaultOpenDurationNs = 60 * SimTime.NanosecondsPerSecond;

    /// <summary>Probe calls allowed when half-open, when not given: 10 (resilience4j <c>permittedNumberOfCallsInHalfOpenState</c>; Hystrix allows 1).</summary>
    public const int DefaultHalfOpenProbes = 10;

    /// <summary>Transitions kept in the log when not given: 100,000 (rule of thumb: a few MB, more than any run needs to explain itself).</summary>
    public const int DefaultMaxLoggedTransitions = 100_000;

    /// <summary>
    /// The duration above which a call counts as slow, when not given: 60 s (resilience4j
    /// <c>slowCallDurationThreshold</c>, whose default is 60,000 ms).
    /// </summary>
    public const long DefaultSlowCallDurationThresholdNs = 60 * SimTime.NanosecondsPerSecond;

    /// <summary>
    /// The share of slow calls in the window that opens the circuit, when not given: 1, every call (resilience4j
    /// <c>slowCallRateThreshold</c>, whose default is 100%).
    /// </summary>
    public const double DefaultSlowCallRateThreshold = 1.0;

    /// <summary>The largest window, 1,000,000 calls (rule of thumb: 1 MB per breaker, far beyond resilience4j's default of 100).</summary>
    public const int MaxSlidingWindowSize = 1_000_000;

    /// <summary>Creates the settings; every argument is checked.</summary>
    /// <param name="trip">What opens the circuit: the failure rate over a window, or a run of consecutive failures.</param>
    /// <param name="failureRateThreshold">
    /// The failure rate at or above which the circuit opens (<see cref="CircuitTrip.FailureRate"/>), as a fraction in
    /// (0, 1], rounded to a multiple of 10^-6 (at least 10^-6).
    /// </param>
    /// <param name="slidingWindowSize">The number of most recent calls whose outcomes make the rate; 1 to <see cref="MaxSlidingWindowSize"/>.</param>
    /// <param name="minimumNumberOfCalls">The outcomes recorded in the window before the rate is judged; 1 to <paramref name="slidingWindowSize"/>.</param>
    /// <param name="consecutiveFailureThreshold">The run of failures that opens the circuit (<see cref="CircuitTrip.ConsecutiveFailures"/>); at least 1.</param>
    /// <param name="openDurationNs">How long the circuit stays open before probing, in nanoseconds; at least 1.</param>
    /// <param name="halfOpenProbes">The probe calls let through when half-open (K); all must succeed to close; at least 1.</param>
    /// <param name="maxLoggedTransitions">How many transitions the log keeps (later ones are only counted); at least 0.</param>
    /// <param name="slowCallDurationThresholdNs">
    /// A call that took longer than this, in nanoseconds, is slow, failed or not (resilience4j's
    /// <c>slowCallDurationThreshold</c>); at least 1.
    /// </param>
    /// <param name="slowCallRateThreshold">
    /// The share of slow calls in the window at or above which the circuit opens (<see cref="CircuitTrip.FailureRate"/>
    /// only; resilience4j's <c>slowCallRateThreshold</c>), as a fraction in (0, 1], rounded to a multiple of 10^-6.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of the range given above.</exception>
    public CircuitBreakerOptions(
        CircuitTrip trip = CircuitTrip.FailureRate,
        double failureRateThreshold = DefaultFailureRateThreshold,
        int slidingWindowSize = DefaultSlidingWindowSize,
        int minimumNumberOfCalls = DefaultMinimumNumberOfCalls,
        int consecutiveFailureThreshold = DefaultConsecutiveFailureThreshold,
        long openDurationNs = DefaultOpenDurationNs,
        int halfOpenProbes = DefaultHalfOpenProbes,
        int maxLoggedTransitions = DefaultMaxLoggedTransitions,
        long slowCallDurationThresholdNs = DefaultSlowCallDurationThresholdNs,
        double slowCallRateThreshold = DefaultSlowCallRateThreshold)
    {
        if (!Enum.IsDefined(trip))
        {
            throw new ArgumentOutOfRangeException(nameof(trip), trip, "Unknown circuit trip kind.");
        }

        if (!(failureRateThreshold > 0) || !(failureRateThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(failureRateThreshold), failureRateThreshold,
                "The failure-rate threshold is a fraction of calls above 0 and at most 1; write 0.5 for 50%.");
        }

        if (slidingWindowSize is < 1 or > MaxSlidingWindowSize)
        {
            throw new ArgumentOutOfRangeException(nameof(slidingWindowSize), slidingWindowSize,
                $"The sliding window is a number of calls between 1 and {MaxSlidingWindowSize:N0}; write 100 for resilience4j's default.");
        }

        if (minimumNumberOfCalls < 1 || minimumNumberOfCalls > slidingWindowSize)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumNumberOfCalls), minimumNumberOfCalls,
                $"The minimum number of calls must be between 1 and the window size ({slidingWindowSize}): the window never holds more.");
        }

        if (consecutiveFailureThreshold < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(consecutiveFailureThreshold), consecutiveFailureThreshold,
                "The consecutive-failure threshold must be at least 1; write 5 for Envoy's default.");
        }

        if (openDurationNs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(openDurationNs), openDurationNs,
                "The open duration must be at least 1 ns; write 60,000,000,000 for resilience4j's 60 s.");
        }

        if (halfOpenProbes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(halfOpenProbes), halfOpenProbes,
                "A half-open circuit must let at least 1 probe call through, or it could never close.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxLoggedTransitions);
        if (slowCallDurationThresholdNs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(slowCallDurationThresholdNs), slowCallDurationThresholdNs,
                "The slow-call duration threshold must be at least 1 ns; write 60,000,000,000 for resilience4j's 60 s.");
        }

        if (!(slowCallRateThreshold > 0) || !(slowCallRateThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(slowCallRateThreshold), slowCallRateThreshold,
                "The slow-call rate threshold is a fraction of calls above 0 and at most 1; write 1 for resilience4j's 100%.");
        }

        Trip = trip;
        FailureRateThresholdMicros = Math.Max(1, (long)Math.Round(failureRateThreshold * 1_000_000, MidpointRounding.AwayFromZero));
        SlidingWindowSize = slidingWindowSize;
        MinimumNumberOfCalls = minimumNumberOfCalls;
        ConsecutiveFailureThreshold = consecutiveFailureThreshold;
        OpenDurationNs = openDurationNs;
        HalfOpenProbes = halfOpenProbes;
        MaxLoggedTransitions = maxLoggedTransitions;
        SlowCallDurationThresholdNs = slowCallDurationThresholdNs;
        SlowCallRateThresholdMicros = Math.Max(1, (long)Math.Round(slowCallRateThreshold * 1_000_000, MidpointRounding.AwayFromZero));
    }

    /// <summary>The defaults (resilience4j's).</summary>
    public static CircuitBreakerOptions Default { get; } = new();

    /// <summary>What opens the circuit.</summary>
    public CircuitTrip Trip { get; }

    /// <summary>The failure-rate threshold as a fraction in (0, 1], after rounding to a multiple of 10^-6.</summary>
    public double FailureRateThreshold => FailureRateThresholdMicros / 1_000_000.0;

    /// <summary>The window length in calls.</summary>
    public int SlidingWindowSize { get; }

    /// <summary>The outcomes needed in the window before the rate is judged.</summary>
    public int MinimumNumberOfCalls { get; }

    /// <summary>The run of failures that opens the circuit in <see cref="CircuitTrip.ConsecutiveFailures"/> mode.</summary>
    public int ConsecutiveFailureThreshold { get; }

    /// <summary>How long the circuit stays open before probing, in nanoseconds.</summary>
    public long OpenDurationNs { get; }

    /// <summary>The probe calls let through when half-open.</summary>
    public int HalfOpenProbes { get; }

    /// <summary>How many transitions the log keeps.</summary>
    public int MaxLoggedTransitions { get; }

    /// <summary>The duration above which a call is slow, in nanoseconds.</summary>
    public long SlowCallDurationThresholdNs { get; }

    /// <summary>The slow-call rate threshold as a fraction in (0, 1], after rounding to a multiple of 10^-6.</summary>
    public double SlowCallRateThreshold => SlowCallRateThresholdMicros / 1_000_000.0;

    /// <summary>The threshold in millionths, for exact integer comparison.</summary>
    internal long FailureRateThresholdMicros { get; }

    /// <summary>The slow-call rate threshold in millionths, for exact integer comparison.</summary>
    internal long SlowCallRateThresholdMicros { get; }
}
