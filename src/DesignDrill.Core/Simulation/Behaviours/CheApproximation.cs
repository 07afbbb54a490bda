using DesignDrill.Core.Simulation.Workloads;
using MathNet.Numerics;
using MathNet.Numerics.Integration;
using MathNet.Numerics.RootFinding;

namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>The result of Che's approximation for an LRU cache.</summary>
/// <param name="HitRatio">The stationary hit ratio, in [0, 1].</param>
/// <param name="CharacteristicTimeRequests">
/// The characteristic time T, in requests: a key not requested for T requests has been evicted. Divide by the
/// request rate in requests per second to get seconds. <see cref="double.PositiveInfinity"/> when the cache holds
/// every key, 0 when the capacity is 0.
/// </param>
public readonly record struct CheEstimate(double HitRatio, double CharacteristicTimeRequests);

/// <summary>
/// Che's approximation of the LRU hit ratio under the independent reference model (Che, Tung and Wang,
/// "Hierarchical Web caching systems: modeling, design and experimental results", IEEE JSAC 20(7), 2002; Fricker,
/// Robert and Roberts, "A versatile and accurate approximation for LRU cache performance", ITC 24, 2012, explain why
/// it is accurate). Requests are independent draws with key probabilities p_k; an LRU cache of C entries behaves as
/// if each key stayed cached for a fixed characteristic time T after its last request, where T solves
/// Σ_k (1 − e^{−p_k T}) = C. The hit ratio is then Σ_k p_k (1 − e^{−p_k T}).
/// </summary>
public static class CheApproximation
{
    /// <summary>Keys summed term by term before the tail is integrated (rule of thumb: cheap and far past the bend).</summary>
    public const long ExactTerms = 1 << 20;

    /// <summary>The relative accuracy of the root T (rule of thumb: far below the 2-point tolerance it is used for).</summary>
    private const double RootAccuracy = 1e-10;

    /// <summary>Che's approximation for a Zipf(s) keyspace of N keys and an LRU cache of C entries.</summary>
    /// <param name="keyCount">The number of keys N; 1 to <see cref="ZipfKeySampler.MaxKeyCount"/>.</param>
    /// <param name="exponent">The Zipf exponent s; finite and at least 0.</param>
    /// <param name="capacity">The cache capacity C in entries; at least 0. C ≥ N gives a hit ratio of 1.</param>
    /// <returns>
    /// The hit ratio and characteristic time. Ranks up to <see cref="ExactTerms"/> are summed exactly; beyond that the
    /// sum over ranks k..N of the smooth, decreasing φ(k) is the Euler–Maclaurin form ∫ φ + (φ(first) + φ(last))/2
    /// + (φ'(last) − φ'(first))/12, with the integral taken by 16-point Gauss–Legendre panels of width ½ in ln k. The
    /// dropped remainder is below max|φ'''|/720 ≈ p_k T/k³ at k = 2^20, under 10^−12 of C for the parameters used
    /// here; the tests compare it with the exact sum at N = 4M.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="keyCount"/> is outside 1..<see cref="ZipfKeySampler.MaxKeyCount"/>, <paramref name="exponent"/>
    /// is negative, NaN or infinite, or <paramref name="capacity"/> is negative.
    /// </exception>
    public static CheEstimate ForZipf(long keyCount, double exponent, long capacity)
    {
        if (keyCount is < 1 or > ZipfKeySampler.MaxKeyCount)
        {
            throw new ArgumentOutOfRangeException(nameof(keyCount), keyCount,
                $"The key count must be between 1 and {ZipfKeySampler.MaxKeyCount}.");
        }

        if (!(exponent >= 0) || double.IsPositiveInfinity(exponent))
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), exponent,
                "The Zipf exponent must be a finite number, at least 0.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (capacity >= keyCount)
        {
            return new CheEstimate(1, double.PositiveInfinity);
        }

        if (capacity == 0)
        {
            return new CheEstimate(0, 0);
        }

        var normaliser = ZipfKeySampler.GeneralizedHarmonic(keyCount, exponent);
        var head = (int)Math.Min(keyCount, ExactTerms);
        var probabilities = new double[head];
        for (var k = 0; k < head; k++)
        {
            probabilities[k] = Math.Pow(k + 1, -exponent) / normaliser;
        }

        var tail = keyCount > head ? new ZipfTail(head + 1, keyCount, exponent, normaliser) : null;
        var time = SolveCharacteristicTime(probabilities, tail, capacity);
        var hit = 0.0;
        for (var k = head - 1; k >= 0; k--)
        {
            hit += probabilities[k] * -SpecialFunctions.Expm1(-probabilities[k] * time);
        }

        if (tail is not null)
        {
            hit += tail.Sum(time, weighted: true);
        }

        return new CheEstimate(Math.Clamp(hit, 0, 1), time);
    }

    /// <summary>Che's approximation for arbitrary key probabilities.</summary>
    /// <param name="probabilities">The probability of each key; each finite and at least 0, summing to 1 (not checked beyond that).</param>
    /// <param name="capacity">The cache capacity C in entries; at least 0.</param>
    /// <returns>The hit ratio and characteristic time; a hit ratio of 1 when C is at least the number of keys with a non-zero probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="capacity"/> is negative, or a probability is negative, NaN or infinite.
    /// </exception>
    public static CheEstimate ForProbabilities(ReadOnlySpan<double> probabilities, long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var positive = 0;
        foreach (var p in probabilities)
        {
            if (!(p >= 0) || double.IsPositiveInfinity(p))
            {
                throw new ArgumentOutOfRangeException(nameof(probabilities), p,
                    "Every probability must be a finite number, at least 0.");
            }

            positive += p > 0 ? 1 : 0;
        }

        if (capacity >= positive)
        {
            return new CheEstimate(positive == 0 ? 0 : 1, double.PositiveInfinity);
        }

        if (capacity == 0)
        {
            return new CheEstimate(0, 0);
        }

        var copy = probabilities.ToArray();
        var time = SolveCharacteristicTime(copy, null, capacity);
        var hit = 0.0;
        foreach (var p in copy)
        {
            hit += p * -SpecialFunctions.Expm1(-p * time);
        }

        return new CheEstimate(Math.Clamp(hit, 0, 1), time);
    }

    /// <summary>Solves Σ_k (1 − e^{−p_k T}) = C for T by bracketing and Brent's method (MathNet.Numerics).</summary>
    private static double SolveCharacteristicTime(double[] probabilities, ZipfTail? tail, long capacity)
    {
        double Occupancy(double time)
        {
            var sum = 0.0;
            for (var k = probabilities.Length - 1; k >= 0; k--)
            {
                sum += -SpecialFunctions.Expm1(-probabilities[k] * time);
            }

            return tail is null ? sum : sum + tail.Sum(time, weighted: false);
        }

        // Occupancy rises from 0 at T = 0 towards the key count, so doubling from T = C brackets the root.
        double low = 0;
        double high = capacity;
        while (Occupancy(high) < capacity)
        {
            low = high;
            high *= 2;
        }

        return Brent.FindRoot(t => (Occupancy(t) - capacity) / capacity, low, high, RootAccuracy, 200);
    }

    /// <summary>The sum over Zipf ranks first..last of 1 − e^{−p T} (or p (1 − e^{−p T})), by Euler–Maclaurin.</summary>
    private sealed class ZipfTail(long first, long last, double exponent, double normaliser)
    {
        private const double PanelWidth = 0.5;
        private const int GaussLegendreOrder = 16;

        public double Sum(double time, bool weighted)
        {
            double P(double x) => Math.Pow(x, -exponent) / normaliser;
            double Phi(double x)
            {
                var p = P(x);
                var occupied = -SpecialFunctions.Expm1(-p * time);
                return weighted ? p * occupied : occupied;
            }

            // φ'(x) by the chain rule: dp/dx = −s p / x; d/dp [1 − e^{−pT}] = T e^{−pT}; d/dp [p (1 − e^{−pT})] = 1 − e^{−pT} + p T e^{−pT}.
            double PhiDerivative(double x)
            {
                var p = P(x);
                var decay = Math.Exp(-p * time);
                var dPhiDp = weighted ? 1 - decay + (p * time * decay) : time * decay;
                return dPhiDp * (-exponent * p / x);
            }

            double a = first;
            double b = last;
            var integral = 0.0;
            var logA = Math.Log(a);
            var logB = Math.Log(b);
            var panels = Math.Max(1, (int)Math.Ceiling((logB - logA) / PanelWidth));
            var width = (logB - logA) / panels;
            for (var i = 0; i < panels; i++)
            {
                var from = logA + (i * width);
                var to = i == panels - 1 ? logB : from + width;
                integral += GaussLegendreRule.Integrate(y =>
                {
                    var x = Math.Exp(y);
                    return Phi(x) * x;
                }, from, to, GaussLegendreOrder);
            }

            return integral + ((Phi(a) + Phi(b)) / 2) + ((PhiDerivative(b) - PhiDerivative(a)) / 12);
        }
    }
}
