using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Review;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// One interview prompt, read from <c>catalog/prompts/&lt;id&gt;.yaml</c>: what the candidate sees (title, brief), the
/// hidden fact sheet the interviewer answers from, what it tests, and the follow-ups. The schema is docs/prompt-format.md.
/// </summary>
/// <param name="Id">Lower-case id with hyphens, such as <c>url-shortener</c>; the file's name without <c>.yaml</c>.</param>
/// <param name="Title">Display title, such as <c>URL shortener</c>.</param>
/// <param name="Difficulty">How hard the prompt is.</param>
/// <param name="Levels">The interview levels the prompt suits, in file order, at least one.</param>
/// <param name="Tags">Free words for filtering (<c>caching</c>, <c>async</c>); possibly empty.</param>
/// <param name="Brief">The one line the interviewer opens with.</param>
/// <param name="Facts">The hidden fact sheet, in file order.</param>
/// <param name="Tests">What the prompt tests, one skill a line.</param>
/// <param name="HardParts">The deep dives the prompt is known for.</param>
/// <param name="TradeOffs">Trade-offs a strong answer names; possibly empty.</param>
/// <param name="FollowUps">Follow-up questions from the prompt's bank.</param>
/// <param name="ConstraintChanges">"What if" changes to re-run on the design; possibly empty.</param>
/// <param name="ReferenceDesign">The reference design's path as written, relative to the prompt's directory (<c>reference/url-shortener.md</c>).</param>
/// <param name="ReferenceDesignText">The reference design's text, or <see langword="null"/> when it could not be read (an error was reported).</param>
/// <param name="SourceFile">The prompt file, as given to the loader (a path, or <c>catalog/prompts/&lt;id&gt;.yaml</c> for the bundled prompts).</param>
/// <param name="Span">Where the id is written in <paramref name="SourceFile"/>.</param>
public sealed record Prompt(
    string Id,
    string Title,
    PromptDifficulty Difficulty,
    IReadOnlyList<DesignLevel> Levels,
    IReadOnlyList<string> Tags,
    string Brief,
    IReadOnlyList<PromptFact> Facts,
    IReadOnlyList<string> Tests,
    IReadOnlyList<HardPart> HardParts,
    IReadOnlyList<string> TradeOffs,
    IReadOnlyList<string> FollowUps,
    IReadOnlyList<ConstraintChange> ConstraintChanges,
    string ReferenceDesign,
    string? ReferenceDesignText,
    string SourceFile,
    SourceSpan Span)
{
    /// <summary>
    /// The rubric dimensions the prompt stresses most (the optional <c>stresses</c> list), used to choose the next
    /// prompt for a candidate's weakest dimension; empty when the file gives none.
    /// </summary>
    public IReadOnlyList<RubricDimension> Stresses { get; init; } = [];

    /// <summary>The rubric dimensions by their names in prompt files (kebab case: <c>requirement-discovery</c>, ...).</summary>
    public static IReadOnlyList<(string Name, RubricDimension Dimension)> Dimensions { get; } =
    [
        ("requirement-discovery", RubricDimension.RequirementDiscovery),
        ("api-design", RubricDimension.ApiDesign),
        ("data-modelling", RubricDimension.DataModelling),
        ("scalability", RubricDimension.Scalability),
        ("reliability", RubricDimension.Reliability),
        ("operational-realism", RubricDimension.OperationalRealism),
        ("trade-offs", RubricDimension.TradeOffs),
        ("communication", RubricDimension.Communication),
    ];

    /// <summary>True when the prompt carries <paramref name="tag"/> (case-insensitive).</summary>
    /// <param name="tag">A tag such as <c>caching</c>.</param>
    /// <returns>Whether the tag is one of <see cref="Tags"/>.</returns>
    public bool HasTag(string tag) => Tags.Any(t => string.Equals(t, tag, StringComparison.OrdinalIgnoreCase));

    /// <summary>The facts about one topic, in file order.</summary>
    /// <param name="topic">A topic id such as <c>scale.dau</c>.</param>
    /// <returns>The facts, possibly none (the interviewer then answers "your call: state the assumption").</returns>
    public IReadOnlyList<PromptFact> FactsAbout(string topic) => Facts.Where(f => string.Equals(f.Topic, topic, StringComparison.Ordinal)).ToList();
}
