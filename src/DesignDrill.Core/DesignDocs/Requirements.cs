using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>The Requirements section, split into functional lines and non-functional requirements.</summary>
/// <param name="Functional">Non-blank lines of the Functional part, verbatim.</param>
/// <param name="NonFunctional">Requirements found in the Non-functional part (and measurable ones found elsewhere in the section).</param>
/// <param name="Other">Non-blank lines outside both parts (before the first subsection, or in other subsections).</param>
public sealed record Requirements(
    IReadOnlyList<SourceLine> Functional,
    IReadOnlyList<NonFunctionalRequirement> NonFunctional,
    IReadOnlyList<SourceLine> Other)
{
    /// <summary>No requirements at all.</summary>
    public static Requirements Empty { get; } = new([], [], []);
}

/// <summary>What a non-functional requirement constrains.</summary>
public enum NfrKind
{
    /// <summary>Response time, usually a percentile and a bound (<c>p99 &lt; 100 ms</c>).</summary>
    Latency,

    /// <summary>Requests or messages per unit of time (<c>10K rps</c>).</summary>
    Throughput,

    /// <summary>Share of time the service answers (<c>99.99%</c>, <c>four nines</c>).</summary>
    Availability,

    /// <summary>Probability of not losing stored data (<c>11 nines</c>).</summary>
    Durability,

    /// <summary>Consistency model per kind of data (<c>strong consistency for payments</c>).</summary>
    Consistency,

    /// <summary>Recovery point objective: data loss tolerated on failure (<c>RPO 0</c>).</summary>
    RecoveryPoint,

    /// <summary>Recovery time objective: time to restore service (<c>RTO &lt; 5 min</c>).</summary>
    RecoveryTime,

    /// <summary>Where users and data are (<c>multi-region</c>, <c>US and EU</c>, <c>global</c>).</summary>
    Geography,

    /// <summary>"Scalable" and similar; never measurable by itself.</summary>
    Scalability,

    /// <summary>Security and privacy wishes.</summary>
    Security,

    /// <summary>Anything else.</summary>
    Other,
}

/// <summary>
/// A non-functional requirement. One line can yield several (<c>p99 &lt; 100 ms, 99.99% available</c>); each has
/// the span of the part that matched. Unmeasurable wishes ("fast", "highly available") are kept with
/// <see cref="IsMeasurable"/> false so a later rule can flag them.
/// </summary>
/// <param name="Kind">What is constrained.</param>
/// <param name="Text">The whole requirement line, without list marker.</param>
/// <param name="Span">Where the matched part is (the whole item for unmeasurable ones).</param>
/// <param name="IsMeasurable">True when the requirement states something checkable: a number with a unit, a percentage, a named consistency model or named regions.</param>
/// <param name="Percentile">For latency: the percentile (99 for <c>p99</c>, 50 for <c>median</c>); <see langword="null"/> when not stated or for a mean.</param>
/// <param name="BoundText">The bound as written, raw (<c>100 ms</c>, <c>5 min</c>, <c>0</c>, <c>10K rps</c>, <c>US and EU</c>); the estimation engine interprets it.</param>
/// <param name="BoundSpan">Where <paramref name="BoundText"/> is.</param>
/// <param name="Percent">For availability and durability: the percentage (99.99 for <c>four nines</c>).</param>
/// <param name="ConsistencyModel">For consistency: <c>strong</c>, <c>eventual</c>, <c>causal</c>, <c>read-your-writes</c>, <c>linearizable</c>, ...</param>
/// <param name="AppliesTo">What data or operation it is stated for (<c>payments</c>, <c>reads</c>), raw; <see langword="null"/> when not said.</param>
public sealed record NonFunctionalRequirement(
    NfrKind Kind,
    string Text,
    SourceSpan Span,
    bool IsMeasurable,
    double? Percentile = null,
    string? BoundText = null,
    SourceSpan BoundSpan = default,
    double? Percent = null,
    string? ConsistencyModel = null,
    string? AppliesTo = null)
{
    /// <summary>
    /// The clause of the line the target was read from (between semicolons), so flows named for another target on the
    /// same line ("99.99% for reads; 99.95% for follow") are not held to this one; <see langword="null"/> when built by hand.
    /// </summary>
    public string? Clause { get; init; }
}
