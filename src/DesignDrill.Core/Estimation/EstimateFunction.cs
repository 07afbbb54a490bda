namespace DesignDrill.Core.Estimation;

/// <summary>
/// A function of the estimation language, called as <c>name(argument, ...)</c>. Functions are data: the parser and
/// the reserved-word check follow from <see cref="All"/>; the evaluator supplies the arithmetic (see
/// <see cref="Availability"/>).
/// </summary>
/// <param name="Name">The name, which is a reserved word and cannot name an estimate.</param>
/// <param name="MinArguments">The fewest arguments accepted.</param>
/// <param name="MaxArguments">The most arguments accepted; <see cref="int.MaxValue"/> for no limit.</param>
/// <param name="Usage">How a call is written, for hints: <c>parallel(availability, replicas)</c>.</param>
/// <param name="Example">A worked call, for hints: <c>parallel(99.9%, 2)</c>.</param>
/// <param name="Description">What the function computes, for docs and messages.</param>
public sealed record EstimateFunction(
    string Name, int MinArguments, int MaxArguments, string Usage, string Example, string Description)
{
    /// <summary>
    /// Every function, in documentation order: <c>series</c>, <c>parallel</c>, <c>kofn</c> and <c>downtime</c>.
    /// </summary>
    public static IReadOnlyList<EstimateFunction> All { get; } =
    [
        new("series", 1, int.MaxValue, "series(a, b, ...)", "series(99.9%, 99.95%)",
            "availability of components that must all be up: the product a·b·…"),
        new("parallel", 2, 2, "parallel(availability, replicas)", "parallel(99%, 2)",
            "availability of n replicas of which any one suffices: 1 − (1 − a)^n"),
        new("kofn", 3, 3, "kofn(availability, k, n)", "kofn(99%, 2, 3)",
            "availability of n replicas of which at least k must be up: Σ C(n,i)·a^i·(1 − a)^(n−i) for i ≥ k"),
        new("downtime", 2, 2, "downtime(availability, period)", "downtime(99.9%, year)",
            "expected time down in a period: (1 − a) × period"),
    ];

    /// <summary>Looks a function up by its exact (case-sensitive) name.</summary>
    /// <param name="name">The word as written.</param>
    /// <param name="function">The function, when found.</param>
    /// <returns>True when <paramref name="name"/> names a function.</returns>
    public static bool TryGet(string name, out EstimateFunction function)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                function = candidate;
                return true;
            }
        }

        function = null!;
        return false;
    }

    /// <summary>True when <paramref name="name"/> names a function.</summary>
    /// <param name="name">A word.</param>
    /// <returns>True for <c>series</c>, <c>parallel</c>, <c>kofn</c> and <c>downtime</c>.</returns>
    public static bool IsFunction(string name) => TryGet(name, out _);
}
