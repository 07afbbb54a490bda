using DesignDrill.Core.Simulation.Statistics;

namespace DesignDrill.Core.Simulation.Models;

/// <summary>
/// What an <see cref="MmcStation"/> run measured, after its warm-up. Times are in seconds; every mean, probability and
/// percentile carries a 95% confidence half-width from batch means (<see cref="BatchMeans"/>).
/// </summary>
/// <param name="Options">What was simulated.</param>
/// <param name="Seed">The random seed.</param>
/// <param name="Outcome">How the run ended; the estimates cover the part simulated when it stopped early.</param>
/// <param name="Arrivals">Customers that arrived, including the warm-up.</param>
/// <param name="Rejected">Arrivals after the warm-up that found the bounded queue full.</param>
/// <param name="Measured">Customers after the warm-up that entered service (the observations behind the estimates).</param>
/// <param name="MeanWaitSeconds">The mean time from arrival to the start of service (Wq).</param>
/// <param name="WaitProbability">The fraction of customers that waited at all, P(wait &gt; 0) (Erlang C for M/M/c).</param>
/// <param name="MeanResponseSeconds">The mean time from arrival to departure (W = Wq + service).</param>
/// <param name="WaitP50Seconds">The median wait.</param>
/// <param name="WaitP90Seconds">The 90th percentile of the wait.</param>
/// <param name="WaitP99Seconds">The 99th percentile of the wait.</param>
/// <param name="ResponseP50Seconds">The median response time.</param>
/// <param name="ResponseP90Seconds">The 90th percentile of the response time.</param>
/// <param name="ResponseP99Seconds">The 99th percentile of the response time.</param>
/// <param name="Utilization">
/// The time-average fraction of workers busy over the measured interval, in [0, 1] (a point estimate, no interval).
/// </param>
/// <param name="MeanQueueLength">The time-average number of customers waiting (Lq) over the measured interval (a point estimate).</param>
/// <param name="MeasuredSeconds">The simulated time the time averages cover: from the first measured arrival to the end of the run.</param>
public sealed record MmcStationResult(
    MmcStationOptions Options,
    int Seed,
    SimulationOutcome Outcome,
    long Arrivals,
    long Rejected,
    long Measured,
    BatchEstimate MeanWaitSeconds,
    BatchEstimate WaitProbability,
    BatchEstimate MeanResponseSeconds,
    BatchEstimate WaitP50Seconds,
    BatchEstimate WaitP90Seconds,
    BatchEstimate WaitP99Seconds,
    BatchEstimate ResponseP50Seconds,
    BatchEstimate ResponseP90Seconds,
    BatchEstimate ResponseP99Seconds,
    double Utilization,
    double MeanQueueLength,
    double MeasuredSeconds);
