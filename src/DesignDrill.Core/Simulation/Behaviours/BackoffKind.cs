namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>How the delay before a retry grows with the number of attempts made (<see cref="RetryPolicy"/>).</summary>
public enum BackoffKind
{
    /// <summary>No backoff: a failed attempt is retried at once (delay 0), the behaviour that turns a blip into a retry storm.</summary>
    None,

    /// <summary>A constant delay: <see cref="RetryPolicy.BaseDelayNs"/> before every retry.</summary>
    Constant,

    /// <summary>
    /// Exponential backoff: the ceiling before retry k (after k failed attempts) is min(cap, base × 2^(k−1)), as in
    /// M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog, 4 March 2015.
    /// </summary>
    Exponential,
}
