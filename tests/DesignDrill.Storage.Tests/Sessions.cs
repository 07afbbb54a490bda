using DesignDrill.Core.Progress;
using DesignDrill.Core.Review;

namespace DesignDrill.Storage.Tests;

internal static class Sessions
{
    public static readonly DateTimeOffset Day0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A design document with text from several scripts, combining marks, emoji, tabs and a NUL character.</summary>
    public const string UnicodeDesign =
        "# Design: URL shortener 🚀\n\n## Requirements\n- Latency p99 < 50 ms — naïve café\u0301\n- 日本語のテキスト, Ελληνικά, Русский, עברית, العربية\n\t- 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 and a NUL:\u0000 end\n";

    public static SessionRecord Make(string promptId, DateTimeOffset finishedAt, string? id = null, int score = 3) => new(
        Id: id ?? Guid.NewGuid().ToString("N"),
        PromptId: promptId,
        StartedAt: finishedAt.AddMinutes(-44).AddSeconds(-13),
        FinishedAt: finishedAt,
        PlannedMinutes: 45,
        Scores: Enum.GetValues<RubricDimension>().ToDictionary(d => d, _ => score),
        AverageScore: score,
        Recommendation: "lean yes",
        DesignText: "# Design of " + promptId,
        DetailsJson: "{\"timeline\":[]}");
}
