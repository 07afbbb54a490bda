namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>How an <see cref="ArrivalProcess"/> spaces arrivals at a given rate.</summary>
public enum ArrivalPattern
{
    /// <summary>
    /// A (non-homogeneous) Poisson process: independent arrivals, exponential gaps at a constant rate; the model of
    /// many independent users (the Palm–Khintchine theorem), and the assumption behind M/M/c formulas.
    /// </summary>
    Poisson = 0,

    /// <summary>Evenly spaced arrivals at the current rate, 1/λ apart: a load generator or a cron-like client.</summary>
    Deterministic = 1,
}
