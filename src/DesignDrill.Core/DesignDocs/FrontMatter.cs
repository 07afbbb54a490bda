using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>The interview level a design is written for; changes what the rubric expects.</summary>
public enum DesignLevel
{
    /// <summary>Mid-level: solid fundamentals.</summary>
    Mid,

    /// <summary>Senior: drives the conversation, names trade-offs and failure modes unprompted.</summary>
    Senior,

    /// <summary>Staff: adds evolution, cost and organisation-wide concerns.</summary>
    Staff,
}

/// <summary>The YAML front matter between <c>---</c> lines at the top of the document.</summary>
/// <param name="Prompt">The prompt id (such as <c>url-shortener</c>), or <see langword="null"/>.</param>
/// <param name="PromptSpan">Where the prompt id is written.</param>
/// <param name="LevelText">The level as written, or <see langword="null"/>.</param>
/// <param name="Level">The recognised level, or <see langword="null"/> when absent or unknown.</param>
/// <param name="LevelSpan">Where the level is written.</param>
/// <param name="Conventions">Estimation conventions, raw, in file order.</param>
/// <param name="StartLine">Line of the opening <c>---</c> (always 1).</param>
/// <param name="EndLine">Line of the closing <c>---</c>.</param>
public sealed record FrontMatter(
    string? Prompt,
    SourceSpan PromptSpan,
    string? LevelText,
    DesignLevel? Level,
    SourceSpan LevelSpan,
    IReadOnlyList<Convention> Conventions,
    int StartLine,
    int EndLine)
{
    /// <summary>The convention with the given key (case-insensitive), or <see langword="null"/>.</summary>
    /// <param name="key">Such as <c>seconds_per_day</c>.</param>
    /// <returns>The last convention with that key, if any.</returns>
    public Convention? GetConvention(string key) => Conventions.LastOrDefault(c => string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One estimation convention from the front matter, such as <c>seconds_per_day: 100K</c>. The value is kept as raw
/// text; the estimation engine interprets it.
/// </summary>
/// <param name="Key">The key as written.</param>
/// <param name="KeySpan">Where the key is.</param>
/// <param name="ValueText">The value as written (YAML scalar text).</param>
/// <param name="ValueSpan">Where the value is (its first line when it spans several).</param>
public sealed record Convention(string Key, SourceSpan KeySpan, string ValueText, SourceSpan ValueSpan);
