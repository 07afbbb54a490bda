namespace DesignDrill.Core.Review;

/// <content>Rules that read the analytic model's numbers (REV030–REV049).</content>
public static partial class ReviewRules
{
    /// <summary>Rules on load, latency, availability and sizing.</summary>
    private static IReadOnlyList<ReviewRule> AnalysisRules { get; } = [];
}
