using DesignDrill.Core.Analysis;
using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Estimation;

namespace DesignDrill.Core.Review;

/// <summary>What every review rule sees: the document, its evaluated estimates and bound architecture, the conventions and the level.</summary>
/// <param name="Document">The parsed document.</param>
/// <param name="Estimates">The evaluated estimates.</param>
/// <param name="Architecture">The bound architecture.</param>
/// <param name="Conventions">Conventions in force.</param>
/// <param name="Level">Level reviewed at.</param>
/// <param name="Catalog">The component catalog.</param>
/// <param name="Analysis">The analytic model's result: load, utilisation, latency, availability, headroom.</param>
public sealed record ReviewContext(
    DesignDocument Document,
    EstimateSheet Estimates,
    BoundArchitecture Architecture,
    Conventions Conventions,
    DesignLevel Level,
    ComponentCatalog Catalog,
    ArchitectureAnalysis Analysis);
