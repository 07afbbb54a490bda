namespace DesignDrill.Core.Review;

/// <summary>
/// The seniority a design is reviewed at. Higher levels expect more unprompted: a senior answer names trade-offs and
/// failure modes; a staff answer adds evolution, cost and operations (rule of thumb from interview guides; see
/// ../shared/DESIGN.md).
/// </summary>
public enum CandidateLevel
{
    /// <summary>Mid-level: solid fundamentals, complete structure.</summary>
    Mid,

    /// <summary>Senior: drives the conversation, names trade-offs and failure modes unprompted.</summary>
    Senior,

    /// <summary>Staff: adds evolution, cost and organisation-wide concerns.</summary>
    Staff,
}
