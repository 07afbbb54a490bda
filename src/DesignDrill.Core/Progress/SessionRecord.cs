using System.Globalization;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Progress;

/// <summary>
/// One finished practice session, as <see cref="IProgressStore"/> keeps it: the prompt, the times, the rubric scores,
/// and the candidate's final design document, which is never dropped.
/// </summary>
/// <param name="Id">The session's id: a GUID in the 32-hex-digit "N" form (<c>Guid.NewGuid().ToString("N")</c>).</param>
/// <param name="PromptId">The id of the prompt practised (a catalog prompt id such as <c>url-shortener</c>).</param>
/// <param name="StartedAt">When the session started.</param>
/// <param name="FinishedAt">When it finished; not before <paramref name="StartedAt"/>.</param>
/// <param name="PlannedMinutes">The planned length of the round: 45 or 60 minutes (DESIGN.md, "the interview structure").</param>
/// <param name="Scores">The rubric score per dimension, 1 (strong no) to 4 (strong yes); a dimension left out was not scored.</param>
/// <param name="AverageScore">The scorecard's average (<c>RubricScorecard.Average</c>), 1–4.</param>
/// <param name="Recommendation">The scorecard's overall call: strong no, lean no, lean yes or strong yes.</param>
/// <param name="DesignText">The candidate's final design document, exactly as written.</param>
/// <param name="DetailsJson">Opaque JSON the practice engine fills (timeline, follow-ups); stored and returned as-is.</param>
public sealed record SessionRecord(
    string Id,
    string PromptId,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int PlannedMinutes,
    IReadOnlyDictionary<RubricDimension, int> Scores,
    double AverageScore,
    string Recommendation,
    string DesignText,
    string DetailsJson)
{
    /// <summary>The planned lengths of a round, in minutes: 45 and 60 (DESIGN.md: "a 45–60 minute round").</summary>
    public static IReadOnlyList<int> PlannedLengthsMinutes { get; } = [45, 60];

    /// <summary>Lowest rubric score (1, strong no; <c>RubricScorer</c>).</summary>
    public const int MinimumScore = 1;

    /// <summary>Highest rubric score (4, strong yes; <c>RubricScorer</c>).</summary>
    public const int MaximumScore = 4;

    /// <summary>Creates a new session id: a fresh GUID in the "N" form.</summary>
    /// <returns>32 lower-case hex digits.</returns>
    public static string NewId() => Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>
    /// What is wrong with this record, one sentence a problem: an id that is not a GUID "N" string, an empty prompt id,
    /// a finish before the start, a planned length other than 45 or 60, a score outside 1–4 or for an undefined
    /// dimension, an average outside 1–4, or null text fields.
    /// </summary>
    /// <returns>The problems; empty when the record can be stored.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Id is null || Id.Length != 32 || !Guid.TryParseExact(Id, "N", out _))
        {
            problems.Add($"Id '{Id}' is not a GUID in the 32-hex-digit \"N\" form.");
        }

        if (string.IsNullOrWhiteSpace(PromptId))
        {
            problems.Add("PromptId is empty.");
        }

        if (FinishedAt < StartedAt)
        {
            problems.Add($"FinishedAt {FinishedAt:O} is before StartedAt {StartedAt:O}.");
        }

        if (!PlannedLengthsMinutes.Contains(PlannedMinutes))
        {
            problems.Add($"PlannedMinutes is {PlannedMinutes}; a round is planned for 45 or 60 minutes.");
        }

        if (Scores is null)
        {
            problems.Add("Scores is null.");
        }
        else
        {
            foreach (var (dimension, score) in Scores)
            {
                if (!Enum.IsDefined(dimension))
                {
                    problems.Add($"Scores has an unknown dimension {(int)dimension}.");
                }
                else if (score is < MinimumScore or > MaximumScore)
                {
                    problems.Add($"The {dimension} score is {score}; scores are 1 to 4.");
                }
            }
        }

        if (!double.IsFinite(AverageScore) || AverageScore is < MinimumScore or > MaximumScore)
        {
            problems.Add($"AverageScore is {AverageScore.ToString(CultureInfo.InvariantCulture)}; it is 1 to 4.");
        }

        if (Recommendation is null || DesignText is null || DetailsJson is null)
        {
            problems.Add("Recommendation, DesignText and DetailsJson must not be null (use an empty string or \"{}\").");
        }

        return problems;
    }
}
