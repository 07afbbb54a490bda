namespace DesignDrill.Core.DesignDocs;

/// <summary>The recognised H2 sections of a design document (aliases in docs/design-format.md).</summary>
public enum SectionKind
{
    /// <summary>A section whose title is not recognised; kept with its lines.</summary>
    Unknown,

    /// <summary>"Clarifying questions", "Questions", "Clarifications", "Assumptions", ...</summary>
    ClarifyingQuestions,

    /// <summary>"Requirements", with <c>### Functional</c> and <c>### Non-functional</c> subsections.</summary>
    Requirements,

    /// <summary>"Estimates", "Back of the envelope", "Capacity estimates", ...</summary>
    Estimates,

    /// <summary>"API", "API design", "Interface", ...</summary>
    Api,

    /// <summary>"Data model", "Schema", "Storage", ...</summary>
    DataModel,

    /// <summary>"Architecture", "High-level design", ...</summary>
    Architecture,

    /// <summary>"Deep dives", "Detailed design", ...</summary>
    DeepDives,

    /// <summary>"Bottlenecks and failure modes", "Failure modes", "Reliability", ...</summary>
    BottlenecksAndFailureModes,

    /// <summary>"Trade-offs", "Tradeoffs", ...</summary>
    TradeOffs,

    /// <summary>"Operations", "Observability", "Monitoring", ...</summary>
    Operations,
}

/// <summary>What an H3 subsection is; only the Requirements section gives subsections a meaning.</summary>
public enum SubsectionKind
{
    /// <summary>Any other subsection.</summary>
    Other,

    /// <summary><c>### Functional</c> (also "Functional requirements", "Features").</summary>
    Functional,

    /// <summary><c>### Non-functional</c> (also "Non functional", "NFRs", "Quality attributes").</summary>
    NonFunctional,
}
