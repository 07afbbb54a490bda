namespace DesignDrill.Core.Estimation;

/// <summary>
/// Availability arithmetic for independent components, as used by the estimation functions <c>series</c>,
/// <c>parallel</c>, <c>kofn</c> and <c>downtime</c>. An availability is the long-run fraction of time a component is
/// up, in [0, 1]. The formulas are the standard reliability-block-diagram ones (series, parallel, and the binomial
/// k-out-of-n system; see M. Rausand and A. Høyland, <i>System Reliability Theory</i>, 2nd ed., 2004), and
/// they assume failures are independent, which real replicas sharing a rack, a region or a deploy are not: treat
/// the results as upper bounds.
/// </summary>
public static class Availability
{
    /// <summary>Largest n accepted by <see cref="KOfN"/>: 1,000 (rule of thumb: more than any replica set sized by hand).</summary>
    public const int MaxReplicas = 1_000;

    /// <summary>Availability of components in series (all must be up): the product of their availabilities.</summary>
    /// <param name="availabilities">The availabilities, each in [0, 1].</param>
    /// <returns>The product, in [0, 1]; 1 for an empty list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="availabilities"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An availability is outside [0, 1] or NaN.</exception>
    public static double Series(IEnumerable<double> availabilities)
    {
        ArgumentNullException.ThrowIfNull(availabilities);
        var product = 1.0;
        foreach (var a in availabilities)
        {
            Check(a, nameof(availabilities));
            product *= a;
        }

        return product;
    }

    /// <summary>Availability of <paramref name="replicas"/> redundant copies, any one of which suffices: 1 − (1 − a)^n.</summary>
    /// <param name="availability">The availability a of one copy, in [0, 1].</param>
    /// <param name="replicas">The number of copies n; at least 1.</param>
    /// <returns>The availability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="availability"/> is outside [0, 1], or <paramref name="replicas"/> is below 1.</exception>
    public static double Parallel(double availability, int replicas)
    {
        Check(availability, nameof(availability));
        if (replicas < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "There must be at least one replica.");
        }

        return 1 - Math.Pow(1 - availability, replicas);
    }

    /// <summary>
    /// Availability of a k-out-of-n system: n independent copies of availability a, up while at least k are up (a
    /// quorum of 2 of 3, say). The binomial sum Σ_{i=k..n} C(n, i)·a^i·(1 − a)^(n−i) is evaluated term by term in
    /// logarithms (so no factorial or power overflows for n up to <see cref="MaxReplicas"/>), summing whichever tail
    /// is smaller and taking its complement when that is the lower tail.
    /// </summary>
    /// <param name="availability">The availability a of one copy, in [0, 1].</param>
    /// <param name="required">The number k of copies that must be up; from 1 to <paramref name="replicas"/>.</param>
    /// <param name="replicas">The number n of copies; from 1 to <see cref="MaxReplicas"/>.</param>
    /// <returns>The availability, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="availability"/> is outside [0, 1], <paramref name="replicas"/> is outside 1 to
    /// <see cref="MaxReplicas"/>, or <paramref name="required"/> is outside 1 to <paramref name="replicas"/>.
    /// </exception>
    public static double KOfN(double availability, int required, int replicas)
    {
        Check(availability, nameof(availability));
        if (replicas is < 1 or > MaxReplicas)
        {
            throw new ArgumentOutOfRangeException(nameof(replicas), replicas, "n must be from 1 to 1,000.");
        }

        if (required < 1 || required > replicas)
        {
            throw new ArgumentOutOfRangeException(nameof(required), required, "k must be from 1 to n.");
        }

        if (availability == 1)
        {
            return 1;
        }

        if (availability == 0)
        {
            return 0;
        }

        var logUp = Math.Log(availability);
        var logDown = Math.Log(1 - availability);
        var upperTail = required > replicas * availability;
        var from = upperTail ? required : 0;
        var to = upperTail ? replicas : required - 1;

        var logChoose = 0.0;
        for (var i = 1; i <= from; i++)
        {
            logChoose += Math.Log(replicas - i + 1) - Math.Log(i);
        }

        var sum = 0.0;
        for (var i = from; i <= to; i++)
        {
            if (i > from)
            {
                logChoose += Math.Log(replicas - i + 1) - Math.Log(i);
            }

            sum += Math.Exp(logChoose + (i * logUp) + ((replicas - i) * logDown));
        }

        return Math.Clamp(upperTail ? sum : 1 - sum, 0, 1);
    }

    /// <summary>Expected downtime over a period: (1 − a) × period.</summary>
    /// <param name="availability">The availability a, in [0, 1].</param>
    /// <param name="periodSeconds">The period in seconds (a year is 31,536,000 s with 365-day years); at least 0.</param>
    /// <returns>The downtime in seconds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="availability"/> is outside [0, 1], or the period is negative or NaN.</exception>
    public static double DowntimeSeconds(double availability, double periodSeconds)
    {
        Check(availability, nameof(availability));
        if (!(periodSeconds >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(periodSeconds), periodSeconds, "The period must be at least 0 s.");
        }

        return (1 - availability) * periodSeconds;
    }

    private static void Check(double availability, string name)
    {
        if (!(availability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, availability, "An availability must be in [0, 1], such as 0.999.");
        }
    }
}
