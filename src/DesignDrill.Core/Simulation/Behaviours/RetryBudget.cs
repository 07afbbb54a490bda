namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A client's retry budget: retries may be at most a fixed fraction of requests, so that when a dependency fails
/// the client adds at most that fraction to its load instead of multiplying it by the number of attempts. A token
/// bucket filled by requests: every request (first attempt) deposits <see cref="RetryRatio"/> tokens, every retry
/// takes one whole token, and a retry that finds less than one token is refused (the call fails instead).
/// </summary>
/// <remarks>
/// <para>
/// <b>Sources.</b> Google's SRE book (Beyer et al., <i>Site Reliability Engineering</i>, O'Reilly 2016, ch. 21,
/// "Handling Overload", "Deciding to Retry") keeps a per-client budget: a request is retried only while retries are
/// below 10% of requests (<see cref="SreRetryRatio"/>). Finagle's <c>RetryBudget</c> (finagle.github.io/blog, "Retry
/// Budgets", 2016: 20% of requests plus a reserve) and tower's <c>retry::budget</c> are the same deposit-and-withdraw
/// bucket with deposits that expire after a time to live. gRPC's retry throttling (gRFC A6, "gRPC Retry Design":
/// tokens start at <c>maxTokens</c>, a failure takes 1, a success adds <c>tokenRatio</c>, retries only above half)
/// is driven by outcomes instead; it stops retries when failures outrun successes, and this budget stops them when
/// retries outrun the ratio.
/// </para>
/// <para>
/// <b>Guarantee.</b> The bucket starts full, holds at most <see cref="MaxTokens"/> and is counted exactly in millionths
/// of a token (the ratio is rounded to a multiple of 10^-6), so over any stretch of a run the retries granted are at most
/// MaxTokens + ⌊ratio × requests⌋. Deposits do not expire (the budget counts, it reads no clock): the capacity is what
/// bounds the retries saved up while all was well. The class is not thread-safe; calls come from the event loop.
/// </para>
/// </remarks>
public sealed class RetryBudget
{
    /// <summary>The SRE book's per-client retry budget: retries at most 10% of requests (Beyer et al., 2016, ch. 21).</summary>
    public const double SreRetryRatio = 0.1;

    /// <summary>
    /// The capacity when not given: 10 retries (rule of thumb; the reserve of Finagle's default budget is 10 retries
    /// per second, which lets a client that has only just started retry a few transient errors).
    /// </summary>
    public const long DefaultMaxTokens = 10;

    /// <summary>The smallest ratio, 10^-6 (one retry per million requests): the resolution of the token count.</summary>
    public const double MinRetryRatio = 1e-6;

    /// <summary>The largest ratio, 1,000 retries per request (tower's bound on <c>retry_percent</c>; far beyond any sensible budget).</summary>
    public const double MaxRetryRatio = 1_000;

    /// <summary>The largest capacity, 10^12 retries (rule of thumb; keeps the count in millionths of a token inside a long).</summary>
    public const long MaxMaxTokens = 1_000_000_000_000;

    private const long MicrosPerToken = 1_000_000;

    private readonly long _depositMicros;
    private readonly long _capacityMicros;
    private long _balanceMicros;

    /// <summary>Creates a full budget.</summary>
    /// <param name="retryRatio">
    /// Retries allowed per request on average; between <see cref="MinRetryRatio"/> and <see cref="MaxRetryRatio"/>,
    /// rounded to a multiple of 10^-6. <see cref="SreRetryRatio"/> is the SRE book's 10%.
    /// </param>
    /// <param name="maxTokens">The capacity in retries, and the starting balance; 1 to <see cref="MaxMaxTokens"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of the range given above, or the ratio is NaN.</exception>
    public RetryBudget(double retryRatio, long maxTokens = DefaultMaxTokens)
    {
        CheckRatio(retryRatio, nameof(retryRatio));
        CheckMaxTokens(maxTokens, nameof(maxTokens));
        _depositMicros = (long)Math.Round(retryRatio * MicrosPerToken, MidpointRounding.AwayFromZero);
        _capacityMicros = maxTokens * MicrosPerToken;
        _balanceMicros = _capacityMicros;
        MaxTokens = maxTokens;
    }

    /// <summary>Retries allowed per request, after rounding to a multiple of 10^-6.</summary>
    public double RetryRatio => _depositMicros / (double)MicrosPerToken;

    /// <summary>The capacity in retries.</summary>
    public long MaxTokens { get; }

    /// <summary>The balance in retries, between 0 and <see cref="MaxTokens"/> (exact to 10^-6).</summary>
    public double Tokens => _balanceMicros / (double)MicrosPerToken;

    /// <summary>Whether a retry would be granted now (at least one whole token), without taking it.</summary>
    public bool CanRetry => _balanceMicros >= MicrosPerToken;

    /// <summary>The requests recorded by <see cref="RecordRequest"/>.</summary>
    public long RequestCount { get; private set; }

    /// <summary>The retries granted by <see cref="TryWithdrawRetry"/>.</summary>
    public long RetryCount { get; private set; }

    /// <summary>The retries refused by <see cref="TryWithdrawRetry"/> for want of a token.</summary>
    public long ThrottledCount { get; private set; }

    /// <summary>Records a request (a first attempt, not a retry): deposits <see cref="RetryRatio"/> tokens, up to the capacity.</summary>
    public void RecordRequest()
    {
        RequestCount++;
        var balance = _balanceMicros + _depositMicros;
        _balanceMicros = balance > _capacityMicros ? _capacityMicros : balance;
    }

    /// <summary>Asks to retry: takes one token and returns <see langword="true"/>, or returns <see langword="false"/> when less than one is left.</summary>
    /// <returns>Whether the retry may be sent.</returns>
    public bool TryWithdrawRetry()
    {
        if (_balanceMicros < MicrosPerToken)
        {
            ThrottledCount++;
            return false;
        }

        _balanceMicros -= MicrosPerToken;
        RetryCount++;
        return true;
    }

    /// <summary>Checks a retry ratio.</summary>
    /// <param name="ratio">The ratio.</param>
    /// <param name="parameterName">The caller's parameter name, for the exception.</param>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is NaN or outside [<see cref="MinRetryRatio"/>, <see cref="MaxRetryRatio"/>].</exception>
    internal static void CheckRatio(double ratio, string parameterName)
    {
        if (!(ratio >= MinRetryRatio) || !(ratio <= MaxRetryRatio))
        {
            throw new ArgumentOutOfRangeException(parameterName, ratio,
                "The retry budget is the number of retries allowed per request, between 0.000001 and 1,000; " +
                "write 0.1 for the SRE book's 10%.");
        }
    }

    /// <summary>Checks a budget capacity.</summary>
    /// <param name="maxTokens">The capacity in retries.</param>
    /// <param name="parameterName">The caller's parameter name, for the exception.</param>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is outside [1, <see cref="MaxMaxTokens"/>].</exception>
    internal static void CheckMaxTokens(long maxTokens, string parameterName)
    {
        if (maxTokens is < 1 or > MaxMaxTokens)
        {
            throw new ArgumentOutOfRangeException(parameterName, maxTokens,
                $"The retry budget's capacity is a number of retries between 1 and {MaxMaxTokens:N0}; write 10 for a small reserve.");
        }
    }
}
