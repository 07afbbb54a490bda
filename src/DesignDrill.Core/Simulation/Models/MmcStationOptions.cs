namespace DesignDrill.Core.Simulation.Models;

/// <summary>What an <see cref="MmcStation"/> run simulates.</summary>
/// <param name="Servers">The number of workers c; at least 1.</param>
/// <param name="ArrivalRatePerSecond">The Poisson arrival rate λ, in customers per second; finite and above 0.</param>
/// <param name="ServiceRatePerSecond">
/// The service rate μ of one worker, in completions per second (1 / mean service time); finite and above 0. Service times
/// are exponential.
/// </param>
/// <param name="Customers">The number of arrivals to simulate, including the warm-up; at least 1.</param>
/// <param name="WarmUpCustomers">
/// How many of the first arrivals to leave out of every statistic (the initial transient of a run that starts empty);
/// at least 0 and below <paramref name="Customers"/>. Rule of thumb: 5–10% of the run.
/// </param>
/// <param name="QueueCapacity">
/// The most customers that may wait (not counting those in service); an arrival that finds it full is rejected.
/// <c>null</c> for an unbounded queue (bounded only by <see cref="SimulationLimits.MaxQueuedItems"/>).
/// </param>
/// <param name="BatchCount">The number of batches for the confidence intervals (<see cref="Statistics.BatchMeans"/>); 2 to 1,000.</param>
public sealed record MmcStationOptions(
    int Servers,
    double ArrivalRatePerSecond,
    double ServiceRatePerSecond,
    long Customers,
    long WarmUpCustomers = 0,
    int? QueueCapacity = null,
    int BatchCount = Statistics.BatchMeans.DefaultBatchCount)
{
    /// <summary>The offered utilisation ρ = λ / (c μ).</summary>
    public double OfferedUtilization => ArrivalRatePerSecond / (Servers * ServiceRatePerSecond);

    /// <summary>Checks every field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A field is out of the range its documentation gives.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Servers, 1, nameof(Servers));
        if (!(ArrivalRatePerSecond > 0) || double.IsPositiveInfinity(ArrivalRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ArrivalRatePerSecond), ArrivalRatePerSecond,
                "The arrival rate must be a finite number of customers per second, above 0.");
        }

        if (!(ServiceRatePerSecond > 0) || double.IsPositiveInfinity(ServiceRatePerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(ServiceRatePerSecond), ServiceRatePerSecond,
                "The service rate must be a finite number of completions per second, above 0.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Customers, 1, nameof(Customers));
        ArgumentOutOfRangeException.ThrowIfNegative(WarmUpCustomers, nameof(WarmUpCustomers));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(WarmUpCustomers, Customers, nameof(WarmUpCustomers));
        if (QueueCapacity is { } capacity)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(capacity, nameof(QueueCapacity));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(BatchCount, 2, nameof(BatchCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BatchCount, 1_000, nameof(BatchCount));
    }
}
