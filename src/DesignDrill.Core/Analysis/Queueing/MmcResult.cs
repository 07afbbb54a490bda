namespace DesignDrill.Core.Analysis.Queueing;

/// <summary>
/// The steady-state metrics of an M/M/c queue (see <see cref="MmcQueue.Analyze"/>) and the distributions of the wait
/// and the response time. Times are in seconds, rates per second, lengths in requests.
/// </summary>
/// <param name="Servers">The number of servers c.</param>
/// <param name="ArrivalRatePerSecond">The arrival rate λ, per second.</param>
/// <param name="ServiceRatePerSecond">The service rate μ of one server, per second (1 / mean service time).</param>
/// <param name="Utilization">ρ = λ / (cμ): the share of time a server is busy; at least 1 when saturated.</param>
/// <param name="IsSaturated">
/// True when ρ ≥ 1: arrivals outpace the servers, the queue grows without bound and no steady state exists. The means
/// are then <see cref="double.PositiveInfinity"/>, <see cref="WaitProbability"/> is 1 and the percentiles are infinite.
/// </param>
/// <param name="ShedRatePerSecond">
/// When saturated, λ − cμ: the arrivals per second that must be shed (or queued forever) for the rest to be served; 0
/// otherwise.
/// </param>
/// <param name="WaitProbability">The probability that an arrival waits (Erlang C), in [0, 1].</param>
/// <param name="MeanWaitSeconds">Wq = C / (cμ − λ): the mean time spent queueing before service starts.</param>
/// <param name="MeanResponseSeconds">W = Wq + 1/μ: the mean time from arrival to departure.</param>
/// <param name="MeanQueueLength">Lq = λ·Wq (Little's law): the mean number waiting.</param>
/// <param name="MeanInSystem">L = λ·W (Little's law): the mean number waiting or in service.</param>
public sealed record MmcResult(
    int Servers, double ArrivalRatePerSecond, double ServiceRatePerSecond, double Utilization, bool IsSaturated,
    double ShedRatePerSecond, double WaitProbability, double MeanWaitSeconds, double MeanResponseSeconds,
    double MeanQueueLength, double MeanInSystem)
{
    /// <summary>Relative accuracy to which <see cref="ResponsePercentileSeconds"/> is solved: 1e-10.</summary>
    public const double PercentileRelativeTolerance = 1e-10;

    /// <summary>
    /// cμ − λ: the rate of the exponential part of the wait. Conditional on waiting, the wait of an M/M/c queue is
    /// exponential with this rate (Kleinrock 1975, ch. 3; Harchol-Balter 2013, ch. 14).
    /// </summary>
    private double DrainRate => (Servers * ServiceRatePerSecond) - ArrivalRatePerSecond;

    /// <summary>
    /// P(Wq ≤ t), the distribution of the wait in queue: an atom of 1 − P(wait) at zero, then
    /// 1 − P(wait)·exp(−(cμ − λ)t).
    /// </summary>
    /// <param name="t">A time in seconds; negative times give 0 and +∞ gives 1.</param>
    /// <returns>The probability in [0, 1]; 0 for every finite <paramref name="t"/> when saturated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is NaN.</exception>
    public double WaitCdf(double t)
    {
        CheckTime(t);
        if (t < 0)
        {
            return 0;
        }

        if (IsSaturated)
        {
            return double.IsPositiveInfinity(t) ? 1 : 0;
        }

        return Math.Clamp(1 - (WaitProbability * Math.Exp(-DrainRate * t)), 0, 1);
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile of the wait in queue Wq: 0 when p ≤ 1 − P(wait) (most arrivals do not wait),
    /// otherwise ln(P(wait) / (1 − p)) / (cμ − λ).
    /// </summary>
    /// <param name="p">The probability, in [0, 1]: 0.99 for the 99th percentile.</param>
    /// <returns>The time in seconds; +∞ for p = 1 or when saturated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public double WaitPercentileSeconds(double p)
    {
        CheckProbability(p);
        if (IsSaturated || p == 1)
        {
            return double.PositiveInfinity;
        }

        var tail = 1 - p;
        return tail >= WaitProbability ? 0 : Math.Log(WaitProbability / tail) / DrainRate;
    }

    /// <summary>
    /// P(W ≤ t), the distribution of the response time W = Wq + S with S ~ Exp(μ) independent of the wait. Its
    /// survival function is P(W &gt; t) = e^(−μt) + P(wait)·μ·(e^(−μt) − e^(−δt)) / (δ − μ) with δ = cμ − λ
    /// (the convolution of the wait's distribution with the service time's), with the limit
    /// e^(−μt)·(1 + P(wait)·μt) when δ = μ. It is evaluated as a sum of positive terms,
    /// e^(−μt) + P(wait)·μ·t·e^(−min(μ, δ)t)·(1 − e^(−|δ − μ|t)) / (|δ − μ|t), so no digits cancel near δ = μ.
    /// </summary>
    /// <param name="t">A time in seconds; negative times give 0 and +∞ gives 1.</param>
    /// <returns>The probability in [0, 1]; 0 for every finite <paramref name="t"/> when saturated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="t"/> is NaN.</exception>
    public double ResponseCdf(double t)
    {
        CheckTime(t);
        if (t <= 0)
        {
            return 0;
        }

        if (IsSaturated)
        {
            return double.IsPositiveInfinity(t) ? 1 : 0;
        }

        return Math.Clamp(1 - ResponseSurvival(t), 0, 1);
    }

    /// <summary>
    /// The <paramref name="p"/>-quantile of the response time W: the t with P(W ≤ t) = p. The distribution has no
    /// closed-form inverse, so the survival function is bracketed (doubling from the mean) and the root found by
    /// bisection to a relative accuracy of <see cref="PercentileRelativeTolerance"/>.
    /// </summary>
    /// <param name="p">The probability, in [0, 1]: 0.99 for the 99th percentile.</param>
    /// <returns>The time in seconds; 0 for p = 0; +∞ for p = 1 or when saturated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is NaN or outside [0, 1].</exception>
    public double ResponsePercentileSeconds(double p)
    {
        CheckProbability(p);
        if (IsSaturated || p == 1)
        {
            return double.PositiveInfinity;
        }

        if (p == 0)
        {
            return 0;
        }

        // Solve P(W > t) = 1 − p on the survival side, so the 99.99th percentile keeps its digits.
        var target = 1 - p;
        var low = 0.0;
        var high = double.IsFinite(MeanResponseSeconds) && MeanResponseSeconds > 0 ? MeanResponseSeconds : 1;
        for (var i = 0; i < 2100 && ResponseSurvival(high) > target; i++)
        {
            low = high;
            high *= 2;
        }

        for (var i = 0; i < 200 && high - low > PercentileRelativeTolerance * high; i++)
        {
            var middle = low + ((high - low) / 2);
            if (ResponseSurvival(middle) > target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low + ((high - low) / 2);
    }

    private double ResponseSurvival(double t)
    {
        var mu = ServiceRatePerSecond;
        var delta = DrainRate;
        var spread = Math.Abs(delta - mu) * t;
        var convolved = mu * t * Math.Exp(-Math.Min(mu, delta) * t) * OneMinusExpOver(spread);
        return Math.Exp(-mu * t) + (WaitProbability * convolved);
    }

    /// <summary>(1 − e^(−x)) / x for x ≥ 0, with its Taylor series near 0 where the direct form cancels.</summary>
    private static double OneMinusExpOver(double x) =>
        x < 1e-4
            ? 1 - (x / 2 * (1 - (x / 3 * (1 - (x / 4)))))
            : (1 - Math.Exp(-x)) / x;

    private static void CheckProbability(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile's probability must be in [0, 1], such as 0.99.");
        }
    }

    private static void CheckTime(double t)
    {
        if (double.IsNaN(t))
        {
            throw new ArgumentOutOfRangeException(nameof(t), t, "The time must be a number of seconds, not NaN.");
        }
    }
}
