namespace DesignDrill.Core.Review;

/// <summary>
/// The dimensions an interviewer scores a system design answer on. The list follows the rubric the field's interview
/// guides describe (see ../shared/DESIGN.md, "The rubric's dimensions").
/// </summary>
public enum RubricDimension
{
    /// <summary>Asking for scale, use cases and priorities before designing; stating measurable targets.</summary>
    RequirementDiscovery,

    /// <summary>Endpoints, contracts, idempotency, pagination, versioning.</summary>
    ApiDesign,

    /// <summary>Entities, keys, access patterns, store choice and partition key.</summary>
    DataModelling,

    /// <summary>Estimates, peak load, and an architecture that carries it.</summary>
    Scalability,

    /// <summary>Availability targets, single points of failure, failure modes and recovery.</summary>
    Reliability,

    /// <summary>Monitoring, deployment, cost and running the system.</summary>
    OperationalRealism,

    /// <summary>Alternatives named and chosen for stated reasons.</summary>
    TradeOffs,

    /// <summary>A clear structure that an interviewer can follow.</summary>
    Communication,
}
