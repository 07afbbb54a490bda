using MathNet.Numerics.Random;

namespace DesignDrill.Core.Simulation;

/// <summary>
/// The seeded random source of a simulation run: the same seed gives the same sequence on every machine and .NET
/// version, so a run can be repeated exactly.
/// </summary>
/// <remarks>
/// Wraps MathNet.Numerics' <see cref="Xoshiro256StarStar"/> (D. Blackman and S. Vigna, "Scrambled linear pseudorandom
/// number generators", ACM TOMS 47(4), 2021): 256 bits of state, period 2^256 − 1, sub-nanosecond per draw, and its
/// state seeded from the 32-bit seed by SplitMix64. It is created without locking (one run, one thread). Uniforms are
/// multiples of 2^-53 in [0, 1).
/// </remarks>
public sealed class SimRandom
{
    private readonly Xoshiro256StarStar _source;

    /// <summary>Creates a generator.</summary>
    /// <param name="seed">The seed; any value. Equal seeds give equal sequences.</param>
    public SimRandom(int seed)
    {
        Seed = seed;
        _source = new Xoshiro256StarStar(seed, threadSafe: false);
    }

    /// <summary>The seed the generator was created with.</summary>
    public int Seed { get; }

    /// <summary>A uniform random number in [0, 1).</summary>
    /// <returns>The number.</returns>
    public double NextDouble() => _source.NextDouble();

    /// <summary>
    /// An exponentially distributed random number with the given rate (mean 1 / <paramref name="rate"/>), by inversion:
    /// −ln(1 − U) / rate with U uniform in [0, 1), so the logarithm's argument is in (0, 1] and the result is finite.
    /// </summary>
    /// <param name="rate">The rate λ (per unit of the result, e.g. per second); finite and above 0. Not checked, for speed.</param>
    /// <returns>A number ≥ 0, at most about 36.7 / <paramref name="rate"/> (since 1 − U ≥ 2^-53).</returns>
    public double Exponential(double rate) => -Math.Log(1.0 - _source.NextDouble()) / rate;

    /// <summary>
    /// An exponentially distributed random number with the given mean (−ln(1 − U) × mean); the same as
    /// <see cref="Exponential"/> with rate 1 / <paramref name="mean"/>, without the division.
    /// </summary>
    /// <param name="mean">The mean (e.g. a mean delay in nanoseconds); finite and at least 0. Not checked, for speed.</param>
    /// <returns>A number ≥ 0, at most about 36.7 × <paramref name="mean"/>.</returns>
    public double ExponentialWithMean(double mean) => -Math.Log(1.0 - _source.NextDouble()) * mean;

    /// <summary>
    /// A uniform random integer in [0, <paramref name="n"/>), as ⌊U × n⌋: each value's probability is within
    /// n / 2^53 &lt; 2.4 × 10^-7 (relative) of 1/n, far below what any run can detect.
    /// </summary>
    /// <param name="n">The exclusive upper bound; at least 1.</param>
    /// <returns>The integer.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public int Below(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        return (int)(_source.NextDouble() * n);
    }
}
