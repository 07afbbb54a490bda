namespace DesignDrill.Core.Review;

/// <content>Rules that read what the design says (REV050–REV079).</content>
public static partial class ReviewRules
{
    /// <summary>Rules on the content of the sections: security, operations, messaging, consistency, partitioning.</summary>
    private static IReadOnlyList<ReviewRule> ContentRules { get; } = [];
}
