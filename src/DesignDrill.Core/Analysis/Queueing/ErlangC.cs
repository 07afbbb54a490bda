namespace DesignDrill.Core.Analysis.Queueing;

/// <summary>
/// The Erlang B and Erlang C formulas for a group of identical servers fed by Poisson arrivals (A. K. Erlang, "Solution
/// of some problems in the theory of probabilities of significance in automatic telephone exchanges", 1917; see also
/// L. Kleinrock, <i>Queueing Systems, Volume 1: Theory</i>, 1975, ch. 3, and M. Harchol-Balter, <i>Performance
/// Modeling and Design of Computer Systems</i>, 2013, ch. 14).
/// </summary>
/// <remarks>
/// Both are computed with the Erlang B recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), which needs no
/// factorials or powers: every step divides a positive number by a larger positive number, so B stays in [0, 1] and
/// neither overflows nor loses precision to cancellation. It costs O(servers) and is accurate from 1 to 10,000
/// servers and beyond. Erlang C follows as C = B / (1 − ρ(1 − B)) with ρ = a / servers, evaluated as
/// B / ((1 − ρ) + ρB) so that a utilisation close to 1 does not cancel digits.
/// </remarks>
public static class ErlangC
{
    /// <summary>
    /// The probability that an arrival waits in an M/M/c queue (Erlang C): every server busy on arrival.
    /// </summary>
    /// <param name="servers">The number of servers c; at least 1.</param>
    /// <param name="offeredLoadErlangs">
    /// The offered load a = λ/μ in Erlangs (arrival rate times mean service time); at least 0 and below
    /// <paramref name="servers"/>, since at a ≥ c the queue has no steady state.
    /// </param>
    /// <returns>The probability in [0, 1]; 0 when the load is 0. Never NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="servers"/> is below 1, or <paramref name="offeredLoadErlangs"/> is negative, NaN, or not below
    /// <paramref name="servers"/>.
    /// </exception>
    public static double WaitProbability(int servers, double offeredLoadErlangs)
    {
        ValidateServers(servers);
        if (!(offeredLoadErlangs >= 0) || !(offeredLoadErlangs < servers))
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoadErlangs), offeredLoadErlangs,
                "The offered load must be at least 0 and below the number of servers (utilisation below 1).");
        }

        var b = Recursion(servers, offeredLoadErlangs);
        var utilization = offeredLoadErlangs / servers;
        var idleShare = (servers - offeredLoadErlangs) / servers;
        return Math.Clamp(b / (idleShare + (utilization * b)), 0, 1);
    }

    /// <summary>
    /// The Erlang B blocking probability: the share of arrivals that find all <paramref name="servers"/> busy in a loss
    /// system with no queue (M/M/c/c).
    /// </summary>
    /// <param name="servers">The number of servers c; at least 1.</param>
    /// <param name="offeredLoadErlangs">The offered load a = λ/μ in Erlangs; finite and at least 0 (it may exceed c).</param>
    /// <returns>The probability in [0, 1]; 0 when the load is 0. Never NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="servers"/> is below 1, or <paramref name="offeredLoadErlangs"/> is negative, NaN or infinite.
    /// </exception>
    public static double ErlangB(int servers, double offeredLoadErlangs)
    {
        ValidateServers(servers);
        if (!(offeredLoadErlangs >= 0) || double.IsPositiveInfinity(offeredLoadErlangs))
        {
            throw new ArgumentOutOfRangeException(nameof(offeredLoadErlangs), offeredLoadErlangs,
                "The offered load must be a finite number of Erlangs, at least 0.");
        }

        return Recursion(servers, offeredLoadErlangs);
    }

    private static double Recursion(int servers, double a)
    {
        var b = 1.0;
        for (var k = 1; k <= servers; k++)
        {
            var ab = a * b;
            b = ab / (k + ab);
        }

        return b;
    }

    private static void ValidateServers(int servers)
    {
        if (servers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(servers), servers, "There must be at least one server.");
        }
    }
}
