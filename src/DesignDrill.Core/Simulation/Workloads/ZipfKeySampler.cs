using MathNet.Numerics.Random;

namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// Draws key ranks 0..N−1 from a Zipf (truncated zeta) distribution, P(rank k) = (k + 1)^−s / H(N, s), with
/// H(N, s) = Σ_{j=1..N} j^−s the generalised harmonic number. Rank 0 is the most popular key; s = 0 is uniform, web
/// and key-value workloads show s between about 0.6 and 1.2 (Breslau et al., "Web caching and Zipf-like
/// distributions", INFOCOM 1999; Atikoglu et al., "Workload analysis of a large-scale key-value store", SIGMETRICS
/// 2012).
/// </summary>
/// <remarks>
/// <para>
/// The sampler uses rejection-inversion (Hörmann and Derflinger, "Rejection-inversion to generate variates from
/// monotone discrete distributions", ACM TOMACS 6(3), 1996). Rank k (1-based) owns an interval of length h(k) = k^−s
/// on the axis of H(x) = ∫₁ˣ t^−s dt; the intervals end at H(k + ½) and, because h is convex, do not overlap. A
/// uniform point u in [H(1.5) − 1, H(N + ½)] is inverted to x = H⁻¹(u) and rounded to k; it is accepted when it falls
/// in k's interval (u ≥ H(k + ½) − h(k)), and most draws are accepted by the cheaper squeeze test k − x ≤ 2 −
/// H⁻¹(H(2.5) − h(2)) from the same paper. The expected number of trials is close to 1, every draw costs a few
/// logarithms and exponentials, and the memory is O(1) whatever N: 100M keys cost nothing more than 100.
/// </para>
/// <para>
/// The ranks are popularity ranks, not key names: a caller that needs keys scattered over a hash space (sharding,
/// hot partitions) maps the rank through its own hash. Not thread-safe: one sampler per simulation.
/// </para>
/// </remarks>
public sealed class ZipfKeySampler
{
    /// <summary>Largest supported key count, 2^53: beyond it a double no longer represents every rank exactly.</summary>
    public const long MaxKeyCount = 1L << 53;

    private readonly RandomSource _random;
    private readonly double _exponent;
    private readonly long _keyCount;
    private readonly double _areaStart;
    private readonly double _areaEnd;
    private readonly double _squeeze;

    /// <summary>Creates a sampler with its own seeded xoshiro256** generator.</summary>
    /// <param name="keyCount">The number of keys N; 1 to <see cref="MaxKeyCount"/>.</param>
    /// <param name="exponent">The Zipf exponent s; finite and at least 0 (0 is uniform).</param>
    /// <param name="seed">The seed; the same seed gives the same sequence of ranks.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="keyCount"/> is outside 1..<see cref="MaxKeyCount"/>, or <paramref name="exponent"/> is negative,
    /// NaN or infinite.
    /// </exception>
    public ZipfKeySampler(long keyCount, double exponent, int seed)
        : this(keyCount, exponent, new Xoshiro256StarStar(seed, threadSafe: false))
    {
    }

    /// <summary>Creates a sampler that draws its uniforms from <paramref name="random"/>.</summary>
    /// <param name="keyCount">The number of keys N; 1 to <see cref="MaxKeyCount"/>.</param>
    /// <param name="exponent">The Zipf exponent s; finite and at least 0 (0 is uniform).</param>
    /// <param name="random">The random source, shared with other draws of the same simulation when wanted.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="keyCount"/> is outside 1..<see cref="MaxKeyCount"/>, or <paramref name="exponent"/> is negative,
    /// NaN or infinite.
    /// </exception>
    /// <exception cref="ArgumentNullException"><paramref name="random"/> is null.</exception>
    public ZipfKeySampler(long keyCount, double exponent, RandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (keyCount is < 1 or > MaxKeyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(keyCount), keyCount,
                $"The key count must be between 1 and {MaxKeyCount}.");
        }

        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                "The Zipf exponent must be a finite number, at least 0.");
        }

        _random = random;
        _exponent = exponent;
        _keyCount = keyCount;
        _areaStart = AreaUnderHat(1.5) - 1;
        _areaEnd = AreaUnderHat(keyCount + 0.5);
        _squeeze = 2 - InverseAreaUnderHat(AreaUnderHat(2.5) - Hat(2));
    }

    /// <summary>The number of keys N.</summary>
    public long KeyCount => _keyCount;

    /// <summary>The Zipf exponent s.</summary>
    public double Exponent => _exponent;

    /// <summary>Draws one rank.</summary>
    /// <returns>A rank in 0..N−1; rank k has probability <see cref="Probability(long)"/>.</returns>
    public long Next()
    {
        while (true)
        {
            var u = _areaEnd + (_random.NextDouble() * (_areaStart - _areaEnd));
            var x = InverseAreaUnderHat(u);
            var k = (long)(x + 0.5);
            if (k < 1)
            {
                k = 1;
            }
            else if (k > _keyCount)
            {
                k = _keyCount;
            }

            if (k - x <= _squeeze || u >= AreaUnderHat(k + 0.5) - Hat(k))
            {
                return k - 1;
            }
        }
    }

    /// <summary>The probability of rank <paramref name="rank"/>: (rank + 1)^−s / H(N, s).</summary>
    /// <param name="rank">A rank in 0..N−1.</param>
    /// <returns>The probability, in (0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rank"/> is outside 0..N−1.</exception>
    public double Probability(long rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, _keyCount);
        return Hat(rank + 1) / GeneralizedHarmonic(_keyCount, _exponent);
    }

    /// <summary>
    /// The generalised harmonic number H(n, s) = Σ_{k=1..n} k^−s, the normalising constant of the Zipf distribution.
    /// </summary>
    /// <param name="n">The number of terms; 0 to <see cref="MaxKeyCount"/>.</param>
    /// <param name="exponent">The exponent s; finite and at least 0.</param>
    /// <returns>
    /// The sum. Up to 10,000 terms it is summed directly (smallest terms first); beyond, the first 10,000 terms are
    /// summed and the rest is the Euler–Maclaurin formula with corrections up to the third derivative, whose
    /// remainder is below s⁵ · 10,000^−(s+5) / 30,240 — far under one part in 10^15 of the sum.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="n"/> is outside 0..<see cref="MaxKeyCount"/>, or <paramref name="exponent"/> is negative, NaN
    /// or infinite.
    /// </exception>
    public static double GeneralizedHarmonic(long n, double exponent)
    {
        if (n is < 0 or > MaxKeyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"The term count must be between 0 and {MaxKeyCount}.");
        }

        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                "The exponent must be a finite number, at least 0.");
        }

        const long directTerms = 10_000;
        var head = Math.Min(n, directTerms);
        var sum = 0.0;
        for (var k = head; k >= 1; k--)
        {
            sum += Math.Pow(k, -exponent);
        }

        if (n <= directTerms)
        {
            return sum;
        }

        // Σ_{k=m..n} f(k) ≈ ∫ₘⁿ f + (f(m) + f(n))/2 + (f'(n) − f'(m))/12 − (f'''(n) − f'''(m))/720, f(x) = x^−s.
        double m = directTerms + 1;
        double last = n;
        var s = exponent;
        var integral = Math.Pow(m, 1 - s) * PowerIntegralFactor(Math.Log(last / m), 1 - s);
        double F(double x) => Math.Pow(x, -s);
        double F1(double x) => -s * Math.Pow(x, -s - 1);
        double F3(double x) => -s * (s + 1) * (s + 2) * Math.Pow(x, -s - 3);
        return sum + integral + ((F(m) + F(last)) / 2) + ((F1(last) - F1(m)) / 12) - ((F3(last) - F3(m)) / 720);
    }

    /// <summary>h(x) = x^−s, the hat function.</summary>
    private double Hat(double x) => Math.Exp(-_exponent * Math.Log(x));

    /// <summary>H(x) = ∫₁ˣ t^−s dt = ln x · (e^{(1−s) ln x} − 1) / ((1−s) ln x), stable for s near 1.</summary>
    private double AreaUnderHat(double x) => PowerIntegralFactor(Math.Log(x), 1 - _exponent);

    /// <summary>H⁻¹(y) = exp(y · ln(1 + (1−s) y) / ((1−s) y)), stable for s near 1.</summary>
    private double InverseAreaUnderHat(double y)
    {
        var t = y * (1 - _exponent);
        if (t < -1)
        {
            // Only reachable through rounding at the lower end of the range; x = 0 then rounds up to rank 1.
            t = -1;
        }

        return Math.Exp(Log1pOverX(t) * y);
    }

    /// <summary>∫₁^{e^L} t^{a−1} dt = L · (e^{aL} − 1)/(aL), with the ratio evaluated stably.</summary>
    private static double PowerIntegralFactor(double logX, double a) => logX * Expm1OverX(a * logX);

    /// <summary>
    /// (e^t − 1)/t, evaluated as (u − 1)/ln u with u = e^t, which cancels the rounding error of u (Kahan's trick,
    /// in Goldberg, "What every computer scientist should know about floating-point arithmetic", 1991).
    /// </summary>
    private static double Expm1OverX(double t)
    {
        var u = Math.Exp(t);
        if (u == 1)
        {
            return 1;
        }

        var um1 = u - 1;
        return um1 == -1 ? -1 / t : um1 / Math.Log(u);
    }

    /// <summary>ln(1 + t)/t, evaluated as ln u/(u − 1) with u = 1 + t (Goldberg 1991, theorem 4).</summary>
    private static double Log1pOverX(double t)
    {
        var u = 1 + t;
        return u == 1 ? 1 : Math.Log(u) / (u - 1);
    }
}
