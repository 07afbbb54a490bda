namespace DesignDrill.Core.Analysis.Queueing;

/// <summary>
/// Steady-state analysis of the M/M/c queue: Poisson arrivals at rate λ, exponential service at rate μ per server,
/// c identical servers and an unbounded first-come-first-served queue (Kleinrock, <i>Queueing Systems, Volume 1</i>,
/// 1975, ch. 3; Harchol-Balter, <i>Performance Modeling and Design of Computer Systems</i>, 2013, ch. 14).
/// </summary>
public static class MmcQueue
{
    /// <summary>Computes utilisation, probability of waiting and the mean waits and queue lengths of an M/M/c queue.</summary>
    /// <param name="servers">The number of servers c; at least 1.</param>
    /// <param name="arrivalRatePerSecond">The arrival rate λ in arrivals per second; finite and at least 0.</param>
    /// <param name="serviceRatePerSecond">
    /// The service rate μ of one server in completions per second (1 / mean service time); finite and above 0.
    /// </param>
    /// <returns>
    /// The metrics. When the utilisation λ/(cμ) is at least 1 the result is <see cref="MmcResult.IsSaturated"/>: no
    /// steady state exists, the means are <see cref="double.PositiveInfinity"/> and
    /// <see cref="MmcResult.ShedRatePerSecond"/> is the excess λ − cμ.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="servers"/> is below 1, <paramref name="arrivalRatePerSecond"/> is negative, NaN or infinite, or
    /// <paramref name="serviceRatePerSecond"/> is not a finite positive number.
    /// </exception>
    public static MmcResult Analyze(int servers, double arrivalRatePerSecond, double serviceRatePerSecond)
    {
        if (servers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(servers), servers, "There must be at least one server.");
        }

        if (!(arrivalRatePerSecond >= 0) || double.IsPositiveInfinity(arrivalRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(arrivalRatePerSecond), arrivalRatePerSecond,
                "The arrival rate must be a finite number of arrivals per second, at least 0.");
        }

        if (!(serviceRatePerSecond > 0) || double.IsPositiveInfinity(serviceRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(serviceRatePerSecond), serviceRatePerSecond,
                "The service rate must be a finite number of completions per second, above 0.");
        }

        var capacity = servers * serviceRatePerSecond;
        var utilization = arrivalRatePerSecond / capacity;
        var load = arrivalRatePerSecond / serviceRatePerSecond;
        if (!(utilization < 1) || !(load < servers))
        {
            var infinity = double.PositiveInfinity;
            return new MmcResult(servers, arrivalRatePerSecond, serviceRatePerSecond, utilization, IsSaturated: true,
                ShedRatePerSecond: arrivalRatePerSecond - capacity, WaitProbability: 1, MeanWaitSeconds: infinity,
                MeanResponseSeconds: infinity, MeanQueueLength: infinity, MeanInSystem: infinity);
        }

        var waitProbability = ErlangC.WaitProbability(servers, load);
        var meanWait = waitProbability / (capacity - arrivalRatePerSecond);
        var meanResponse = meanWait + (1 / serviceRatePerSecond);
        return new MmcResult(servers, arrivalRatePerSecond, serviceRatePerSecond, utilization, IsSaturated: false,
            ShedRatePerSecond: 0, waitProbability, meanWait, meanResponse,
            MeanQueueLength: arrivalRatePerSecond * meanWait, MeanInSystem: arrivalRatePerSecond * meanResponse);
    }
}
