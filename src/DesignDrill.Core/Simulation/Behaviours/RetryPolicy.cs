namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// How a simulated client retries a failed call: how many attempts it makes, how long it waits for each, how long it
/// waits between them (backoff and jitter) and whether a retry budget caps retries as a fraction of requests. An
/// immutable, validated set of options; <see cref="NextDelayNs"/> turns it into delays, deterministically from a
/// <see cref="SimRandom"/>.
/// </summary>
/// <remarks>
/// <para>
/// <b>Attempts.</b> Attempts are numbered from 1 (the first try). After attempt k fails, <see cref="NextDelayNs"/>
/// with <c>attempt = k</c> gives the delay before attempt k + 1, or <c>null</c> once k = <see cref="MaxAttempts"/>.
/// </para>
/// <para>
/// <b>Delays</b>, in whole nanoseconds, with base = <see cref="BaseDelayNs"/>, cap = <see cref="MaxDelayNs"/> and the
/// ceiling c = <see cref="BackoffCeilingNs"/>(k): <see cref="BackoffKind.None"/> gives 0 (jitter ignored);
/// <see cref="BackoffKind.Constant"/> c = base; <see cref="BackoffKind.Exponential"/> c = min(cap, base × 2^(k−1)),
/// computed by shifts with no overflow for any k. Then <see cref="JitterKind.None"/> gives c,
/// <see cref="JitterKind.Full"/> U[0, c], <see cref="JitterKind.Equal"/> ⌈c/2⌉ + U[0, ⌊c/2⌋] and
/// <see cref="JitterKind.Decorrelated"/> min(cap, U[base, 3 × max(previous, base)]), where U[a, b] is a uniform whole
/// number in [a, b]. These are the formulas of M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog,
/// 4 March 2015, in integer nanoseconds.
/// </para>
/// <para>
/// <b>Applying the per-attempt timeout</b> (<see cref="AttemptTimeoutNs"/>), which the simulator does rather than this
/// class: when an attempt is sent at time t, schedule a timeout event at t + <see cref="AttemptTimeoutNs"/> beside the
/// request. Whichever of the response and the timeout comes first decides the attempt; the other is ignored when it
/// fires (keep an attempt number per call and drop events of a stale attempt, since the event list cannot cancel). A
/// timeout is a failure for the retry policy and the circuit breaker, and the next attempt is sent at
/// timeout time + <see cref="NextDelayNs"/>. The server is not told: the timed-out request stays in its queue and is
/// still served, and that orphaned work, on top of the retries, is what makes a slowdown feed on itself. The total time
/// a call can take is at most MaxAttempts × timeout plus the sum of the delays.
/// </para>
/// <para>
/// <b>Defaults</b>: 3 attempts (AWS SDKs and Tools Reference Guide, "Retry behavior": standard mode makes three
/// attempts; Google's SRE book, ch. 21, also caps a request at three attempts); a 10 s attempt timeout
/// (Microsoft.Extensions.Http.Resilience, <c>HttpStandardResilienceOptions.AttemptTimeout</c>); exponential backoff
/// with full jitter, base 1 s and cap 20 s (the AWS SDKs' standard mode: min(b × 2^i, 20 s) with b uniform in
/// [0, 1] s); no retry budget.
/// </para>
/// </remarks>
public sealed class RetryPolicy
{
    /// <summary>Attempts per call when not given: 3 (AWS SDKs' standard retry mode; Google SRE book, ch. 21, "Handling Overload").</summary>
    public const int DefaultMaxAttempts = 3;

    /// <summary>
    /// The most attempts a policy may allow: 10,000 (rule of thumb: far beyond any real client — gRPC clamps
    /// <c>maxAttempts</c> to 5 — while keeping a runaway configuration finite).
    /// </summary>
    public const int MaxAllowedAttempts = 10_000;

    /// <summary>The per-attempt timeout when not given: 10 s (Microsoft.Extensions.Http.Resilience, standard handler's attempt timeout).</summary>
    public const long DefaultAttemptTimeoutNs = 10 * SimTime.NanosecondsPerSecond;

    /// <summary>An attempt timeout meaning "wait for ever": <see cref="long.MaxValue"/> ns (about 292 years).</summary>
    public const long NoTimeoutNs = long.MaxValue;

    /// <summary>The base delay when not given: 1 s (AWS SDKs' standard retry mode, whose random factor b is in [0, 1] s).</summary>
    public const long DefaultBaseDelayNs = SimTime.NanosecondsPerSecond;

    /// <summary>The delay cap when not given: 20 s (AWS SDKs' standard retry mode, MAX_BACKOFF).</summary>
    public const long DefaultMaxDelayNs = 20 * SimTime.NanosecondsPerSecond;

    /// <summary>2^53: a <see cref="SimRandom.NextDouble"/> uniform times this is a whole number below 2^53.</summary>
    private const double TwoToThe53 = 9_007_199_254_740_992.0;

    /// <summary>Creates a policy; every argument is checked.</summary>
    /// <param name="maxAttempts">Attempts per call, including the first; 1 (no retries) to <see cref="MaxAllowedAttempts"/>.</param>
    /// <param name="attemptTimeoutNs">How long a client waits for each attempt, in nanoseconds; at least 1, or <see cref="NoTimeoutNs"/>.</param>
    /// <param name="backoff">How the delay grows with the attempt number.</param>
    /// <param name="jitter">How the delay is randomised; ignored with <see cref="BackoffKind.None"/>.</param>
    /// <param name="baseDelayNs">The first (and with <see cref="BackoffKind.Constant"/> every) delay ceiling, in nanoseconds; at least 1 unless <paramref name="backoff"/> is <see cref="BackoffKind.None"/>.</param>
    /// <param name="maxDelayNs">The cap on any delay, in nanoseconds; at least <paramref name="baseDelayNs"/> unless <paramref name="backoff"/> is <see cref="BackoffKind.None"/>.</param>
    /// <param name="retryBudgetRatio">
    /// The retries a client may make per request on average (0.1 = the SRE book's 10%), enforced by a
    /// <see cref="RetryBudget"/>; <c>null</c> for none. Between <see cref="RetryBudget.MinRetryRatio"/> and
    /// <see cref="RetryBudget.MaxRetryRatio"/>.
    /// </param>
    /// <param name="retryBudgetMaxTokens">The budget's capacity in retries (the most a burst of failures may spend at once); at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of the range given above.</exception>
    /// <exception cref="ArgumentException">
    /// <see cref="JitterKind.Decorrelated"/> with a backoff other than <see cref="BackoffKind.Exponential"/>.
    /// </exception>
    public RetryPolicy(
        int maxAttempts = DefaultMaxAttempts,
        long attemptTimeoutNs = DefaultAttemptTimeoutNs,
        BackoffKind backoff = BackoffKind.Exponential,
        JitterKind jitter = JitterKind.Full,
        long baseDelayNs = DefaultBaseDelayNs,
        long maxDelayNs = DefaultMaxDelayNs,
        double? retryBudgetRatio = null,
        long retryBudgetMaxTokens = RetryBudget.DefaultMaxTokens)
    {
        if (maxAttempts is < 1 or > MaxAllowedAttempts)
        {
            throw new ArgumentOutOfRangeException(nameof(maxAttempts), maxAttempts,
                $"The number of attempts counts the first try and must be between 1 (no retries) and {MaxAllowedAttempts:N0}; " +
                "write 3 for a first try and two retries.");
        }

        if (attemptTimeoutNs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(attemptTimeoutNs), attemptTimeoutNs,
                "The attempt timeout must be at least 1 ns; write 1,000,000,000 for one second, or long.MaxValue for no timeout.");
        }

        if (!Enum.IsDefined(backoff))
        {
            throw new ArgumentOutOfRangeException(nameof(backoff), backoff, "Unknown backoff kind.");
        }

        if (!Enum.IsDefined(jitter))
        {
            throw new ArgumentOutOfRangeException(nameof(jitter), jitter, "Unknown jitter kind.");
        }

        if (backoff != BackoffKind.None)
        {
            if (baseDelayNs < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(baseDelayNs), baseDelayNs,
                    "The base delay must be at least 1 ns with a constant or exponential backoff; use BackoffKind.None for immediate retries.");
            }

            if (maxDelayNs < baseDelayNs)
            {
                throw new ArgumentOutOfRangeException(nameof(maxDelayNs), maxDelayNs,
                    $"The delay cap must be at least the base delay ({baseDelayNs} ns).");
            }

            if (jitter == JitterKind.Decorrelated && backoff != BackoffKind.Exponential)
            {
                throw new ArgumentException(
                    "Decorrelated jitter grows the delay by itself (each delay is drawn up to three times the previous), " +
                    "so it goes with BackoffKind.Exponential; use full or equal jitter with a constant backoff.",
                    nameof(jitter));
            }
        }

        if (retryBudgetRatio is { } ratio)
        {
            RetryBudget.CheckRatio(ratio, nameof(retryBudgetRatio));
        }

        RetryBudget.CheckMaxTokens(retryBudgetMaxTokens, nameof(retryBudgetMaxTokens));

        MaxAttempts = maxAttempts;
        AttemptTimeoutNs = attemptTimeoutNs;
        Backoff = backoff;
        Jitter = backoff == BackoffKind.None ? JitterKind.None : jitter;
        BaseDelayNs = backoff == BackoffKind.None ? 0 : baseDelayNs;
        MaxDelayNs = backoff == BackoffKind.None ? 0 : maxDelayNs;
        RetryBudgetRatio = retryBudgetRatio;
        RetryBudgetMaxTokens = retryBudgetMaxTokens;
    }

    /// <summary>The defaults: 3 attempts, 10 s timeout, exponential backoff with full jitter from 1 s to 20 s, no budget.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>One attempt and no retries, with the default timeout.</summary>
    public static RetryPolicy NoRetries { get; } = new(maxAttempts: 1);

    /// <summary>Attempts per call, including the first; 1 to <see cref="MaxAllowedAttempts"/>.</summary>
    public int MaxAttempts { get; }

    /// <summary>How long a client waits for each attempt, in nanoseconds; <see cref="NoTimeoutNs"/> for ever.</summary>
    public long AttemptTimeoutNs { get; }

    /// <summary>How the delay grows with the attempt number.</summary>
    public BackoffKind Backoff { get; }

    /// <summary>How the delay is randomised; <see cref="JitterKind.None"/> whenever <see cref="Backoff"/> is <see cref="BackoffKind.None"/>.</summary>
    public JitterKind Jitter { get; }

    /// <summary>The base delay in nanoseconds (0 with <see cref="BackoffKind.None"/>).</summary>
    public long BaseDelayNs { get; }

    /// <summary>The cap on any delay in nanoseconds (0 with <see cref="BackoffKind.None"/>).</summary>
    public long MaxDelayNs { get; }

    /// <summary>The retry budget's ratio of retries to requests, or <c>null</c> when retries are not budgeted.</summary>
    public double? RetryBudgetRatio { get; }

    /// <summary>The retry budget's capacity in retries (used only with a <see cref="RetryBudgetRatio"/>).</summary>
    public long RetryBudgetMaxTokens { get; }

    /// <summary>
    /// A new, full retry budget for one client with this policy's ratio and capacity, or <c>null</c> when the policy has
    /// none. Each client (or each client pool sharing a budget) needs its own.
    /// </summary>
    /// <returns>The budget, or <c>null</c>.</returns>
    public RetryBudget? CreateRetryBudget() =>
        RetryBudgetRatio is { } ratio ? new RetryBudget(ratio, RetryBudgetMaxTokens) : null;

    /// <summary>
    /// The backoff ceiling c before retry <paramref name="attempt"/> (after that many failed attempts), before jitter:
    /// 0 with no backoff, base with a constant one, min(cap, base × 2^(attempt−1)) with an exponential one.
    /// </summary>
    /// <param name="attempt">The number of attempts made so far; at least 1. Any size: above 63 the ceiling is the cap.</param>
    /// <returns>The ceiling in nanoseconds, between 0 and <see cref="MaxDelayNs"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="attempt"/> is below 1.</exception>
    public long BackoffCeilingNs(int attempt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        switch (Backoff)
        {
            case BackoffKind.Constant:
                return BaseDelayNs;
            case BackoffKind.Exponential:
                // base × 2^n ≤ cap exactly when base ≤ cap >> n (cap >> n is ⌊cap / 2^n⌋ and base is whole), so the
                // shift below cannot overflow; for n ≥ 63, 2^n × base exceeds any long.
                var shift = attempt - 1;
                return shift < 63 && BaseDelayNs <= MaxDelayNs >> shift ? BaseDelayNs << shift : MaxDelayNs;
            default:
                return 0;
        }
    }

    /// <summary>
    /// The delay before the next attempt after attempt <paramref name="attempt"/> failed, or <c>null</c> when the policy
    /// gives up (it has made <see cref="MaxAttempts"/>). Draws at most one random number; none for
    /// <see cref="JitterKind.None"/> or when it gives up. Does not consult the retry budget: the caller asks its
    /// <see cref="RetryBudget"/> afterwards.
    /// </summary>
    /// <param name="attempt">The number of attempts made so far, the one that just failed included; at least 1.</param>
    /// <param name="previousDelayNs">
    /// The delay returned before the previous retry, in nanoseconds, or 0 before the first retry; at least 0. Only
    /// <see cref="JitterKind.Decorrelated"/> uses it (a value below the base counts as the base).
    /// </param>
    /// <param name="random">The run's random source.</param>
    /// <returns>The delay in nanoseconds, between 0 and <see cref="MaxDelayNs"/>; or <c>null</c> to give up.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="attempt"/> is below 1 or <paramref name="previousDelayNs"/> is negative.
    /// </exception>
    public long? NextDelayNs(int attempt, long previousDelayNs, SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(previousDelayNs);
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        switch (Jitter)
        {
            case JitterKind.Full:
                return UniformInclusive(0, BackoffCeilingNs(attempt), random);
            case JitterKind.Equal:
                var ceiling = BackoffCeilingNs(attempt);
                var half = ceiling / 2;
                return ceiling - half + UniformInclusive(0, half, random);
            case JitterKind.Decorrelated:
                var previous = Math.Max(previousDelayNs, BaseDelayNs);
                var high = previous > long.MaxValue / 3 ? long.MaxValue : previous * 3;
                return Math.Min(MaxDelayNs, UniformInclusive(BaseDelayNs, high, random));
            default:
                return BackoffCeilingNs(attempt);
        }
    }

    /// <summary>
    /// A uniform whole number in [<paramref name="low"/>, <paramref name="high"/>], exactly: the 53-bit uniform k of
    /// <see cref="SimRandom.NextDouble"/> maps to low + ⌊k × span / 2^53⌋ with span = high − low + 1, in 128-bit
    /// arithmetic. Each value's probability is within span / 2^53 (relative) of 1 / span.
    /// </summary>
    private static long UniformInclusive(long low, long high, SimRandom random)
    {
        // 0 ≤ low ≤ high, so high − low ≤ long.MaxValue and span ≤ 2^63; k × span < 2^116 fits in UInt128.
        var span = (ulong)(high - low) + 1;
        var k = (ulong)(random.NextDouble() * TwoToThe53);
        var offset = (ulong)(((UInt128)k * span) >> 53);
        return low + (long)offset;
    }
}
