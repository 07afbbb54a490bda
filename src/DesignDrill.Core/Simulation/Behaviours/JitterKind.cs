namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// How a retry delay is randomised, after M. Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog,
/// 4 March 2015 (aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter). With c the backoff ceiling of
/// <see cref="BackoffKind"/> and U[a, b] a uniform whole number of nanoseconds in [a, b]:
/// </summary>
public enum JitterKind
{
    /// <summary>No jitter: the delay is the ceiling c itself, so clients that failed together retry together.</summary>
    None,

    /// <summary>Full jitter: U[0, c]. Brooker's recommendation: the least work for the server and short completion times.</summary>
    Full,

    /// <summary>Equal jitter: ⌈c/2⌉ + U[0, ⌊c/2⌋], so the delay is in [c/2, c] and never near 0.</summary>
    Equal,

    /// <summary>
    /// Decorrelated jitter: min(cap, U[base, 3 × previous]), where previous is the delay before the previous retry (base
    /// for the first). It replaces the exponential ceiling (it grows by a factor of 2 on average per retry by itself),
    /// so it is accepted only with <see cref="BackoffKind.Exponential"/>.
    /// </summary>
    Decorrelated,
}
