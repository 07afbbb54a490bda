using DesignDrill.Core.Catalog;
using DesignDrill.Core.Tests.Review;

namespace DesignDrill.Core.Tests.Practice;

/// <summary>One entry of <c>Practice/Data/clarifying-questions.yaml</c>.</summary>
internal sealed record ClarifyingQuestion(string Text, IReadOnlyList<string> Topics, string? Prompt, int Line);

/// <summary>Reads the held-out clarifying questions (never edited to make the matcher pass; see the file's header).</summary>
internal static class ClarifyingQuestions
{
    public const string RelativePath = "tests/DesignDrill.Core.Tests/Practice/Data/clarifying-questions.yaml";

    public const string HoldoutPath = "tests/DesignDrill.Core.Tests/Practice/Data/clarifying-questions-holdout.yaml";

    public static IReadOnlyList<ClarifyingQuestion> Load(string relativePath = RelativePath)
    {
        var tree = CatalogYamlReader.ParseTree(RepoFiles.Read(relativePath));
        tree.Error.ShouldBeNull();
        var root = tree.Root.ShouldNotBeNull();
        var list = root.Pairs.Single(p => p.Key.Value == "questions").Value;
        return list.Items.Select(item =>
        {
            var fields = item.Pairs.ToDictionary(p => p.Key.Value, p => p.Value, StringComparer.Ordinal);
            return new ClarifyingQuestion(
                fields["text"].Value,
                fields["topics"].Items.Select(t => t.Value).ToList(),
                fields.TryGetValue("prompt", out var prompt) ? prompt.Value : null,
                item.SpanOnFirstLine().Line);
        }).ToList();
    }

    /// <summary>The file's scoring rule: every expected topic is returned, or nothing is returned for <c>topics: []</c>.</summary>
    public static bool IsRight(ClarifyingQuestion question, IReadOnlyList<string> matched) =>
        question.Topics.Count == 0 ? matched.Count == 0 : question.Topics.All(matched.Contains);
}
