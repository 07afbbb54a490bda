using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// The fact topics of <c>catalog/topics.yaml</c>: the vocabulary every prompt fact is filed under. Immutable and safe to
/// share between threads.
/// </summary>
public sealed class TopicCatalog
{
    /// <summary>Name of the embedded resource that holds the shipped topics file.</summary>
    public const string ResourceName = "DesignDrill.Catalog.topics.yaml";

    private static readonly Lazy<TopicCatalog> DefaultTopics = new(LoadDefault);
    private static readonly string[] RootKeys = ["topics"];
    private static readonly string[] TopicKeys = ["id", "description", "keywords", "phrases"];

    private readonly Dictionary<string, FactTopic> _byId;

    private TopicCatalog(IReadOnlyList<FactTopic> topics)
    {
        Topics = topics;
        _byId = new Dictionary<string, FactTopic>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            _byId.TryAdd(topic.Id, topic);
        }
    }

    /// <summary>
    /// The topics shipped with DesignDrill, loaded once from the embedded resource <see cref="ResourceName"/>. Throws
    /// <see cref="InvalidOperationException"/> on first use if the shipped file is missing or invalid (a broken build; a
    /// test pins that it loads without diagnostics).
    /// </summary>
    public static TopicCatalog Default => DefaultTopics.Value;

    /// <summary>All topics, in file order.</summary>
    public IReadOnlyList<FactTopic> Topics { get; }

    /// <summary>True when <paramref name="id"/> is a declared topic id (exact, case-sensitive).</summary>
    /// <param name="id">A topic id such as <c>scale.dau</c>.</param>
    /// <returns>Whether the topic exists.</returns>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The topic with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">A topic id such as <c>scale.dau</c>.</param>
    /// <returns>The topic.</returns>
    public FactTopic? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The topic ids closest to an unknown one, for "did you mean" hints: ids within a few edits (at most 2, or a third
    /// of the word's length; rule of thumb), and ids whose last part equals the word (<c>dau</c> gives <c>scale.dau</c>).
    /// </summary>
    /// <param name="word">The unknown id as written.</param>
    /// <param name="max">Most suggestions to return.</param>
    /// <returns>Up to <paramref name="max"/> ids, closest first, then alphabetical.</returns>
    public IReadOnlyList<string> Suggest(string word, int max = 3)
    {
        var key = word.Trim().ToLowerInvariant();
        if (key.Length == 0 || key.Length > 64)
        {
            return [];
        }

        var cap = Math.Max(2, key.Length / 3);
        return _byId.Keys
            .Select(id => (id, d: id.EndsWith("." + key, StringComparison.Ordinal) || id.StartsWith(key + ".", StringComparison.Ordinal) ? 0 : EditDistance.Compute(key, id, cap)))
            .Where(p => p.d <= cap)
            .OrderBy(p => p.d)
            .ThenBy(p => p.id, StringComparer.Ordinal)
            .Take(max)
            .Select(p => p.id)
            .ToList();
    }

    /// <summary>
    /// Reads and validates a topics file: a mapping with <c>topics:</c>, a list of <c>{ id, description, keywords,
    /// phrases }</c> (the synonym lists are optional). Never throws for bad input: YAML errors, missing fields, bad or
    /// duplicate ids become diagnostics (<c>TOP001</c>–<c>TOP004</c>) with line and column, and invalid entries are left
    /// out; a keyword that is not one word or a phrase of fewer than two words is <c>TOP005</c> and only that synonym is left out.
    /// </summary>
    /// <param name="yaml">The file's text.</param>
    /// <returns>The topics and the diagnostics.</returns>
    public static TopicCatalogLoadResult Load(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new CatalogYamlReader(PromptCatalogDiagnosticCodes.TopicUnknownKey, PromptCatalogDiagnosticCodes.TopicDuplicate, PromptCatalogDiagnosticCodes.TopicInvalid, PromptCatalogDiagnosticCodes.TopicsSyntax);
        var topics = new List<FactTopic>();
        if (reader.Root(yaml, PromptCatalogDiagnosticCodes.TopicsSyntax, "topics file") is { } root
            && reader.Fields(root, "topics file", RootKeys) is { } rootFields
            && reader.Entries(root, rootFields, "topics", "topics file", required: true) is { } entries)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (reader.Fields(entry, "topic", TopicKeys) is not { } fields)
                {
                    continue;
                }

                var id = reader.RequiredText(entry, fields, "id", "topic");
                var description = reader.RequiredText(entry, fields, "description", "topic");
                if (id is null || description is null)
                {
                    continue;
                }

                if (!IsTopicId(id.Value))
                {
                    reader.Add(Severity.Error, PromptCatalogDiagnosticCodes.TopicInvalid, CatalogYamlReader.Span(id), $"'{id.Value}' is not a valid topic id.", "Use lower-case words of letters, digits and '_' joined by dots, such as 'scale.dau'.");
                    continue;
                }

                if (seen.TryGetValue(id.Value, out var firstLine))
                {
                    reader.Add(Severity.Error, PromptCatalogDiagnosticCodes.TopicDuplicate, CatalogYamlReader.Span(id), $"Topic '{id.Value}' is already declared at line {firstLine.ToString(CultureInfo.InvariantCulture)}.", "Every topic id must be unique; remove or rename one.");
                    continue;
                }

                seen[id.Value] = id.Line;
                var keywords = Synonyms(reader, entry, fields, "keywords", isPhrase: false);
                var phrases = Synonyms(reader, entry, fields, "phrases", isPhrase: true);
                topics.Add(new FactTopic(id.Value, description.Value.Trim(), CatalogYamlReader.Span(id), keywords, phrases));
            }
        }

        return new TopicCatalogLoadResult(new TopicCatalog(topics), reader.Diagnostics);
    }

    private static List<string> Synonyms(CatalogYamlReader reader, YamlNode entry, Dictionary<string, YamlNode> fields, string key, bool isPhrase)
    {
        var result = new List<string>();
        foreach (var node in reader.TextList(entry, fields, key, "topic", required: false) ?? [])
        {
            var text = node.Value.Trim();
            var prefix = !isPhrase && text.EndsWith('*');
            var words = Practice.QuestionWords.Split(prefix ? text[..^1] : text);
            if (isPhrase && words.Count < 2)
            {
                reader.Add(Severity.Error, PromptCatalogDiagnosticCodes.TopicSynonymInvalid, CatalogYamlReader.Span(node), $"The phrase '{text}' has fewer than two words.", "Move a single word to 'keywords'.");
            }
            else if (!isPhrase && (words.Count != 1 || (prefix && words[0].Length < 3)))
            {
                reader.Add(Severity.Error, PromptCatalogDiagnosticCodes.TopicSynonymInvalid, CatalogYamlReader.Span(node), $"The keyword '{text}' is not a single word{(prefix ? " of at least three letters before '*'" : "")}.", "Write one word of letters or digits (optionally ending in '*'); move expressions to 'phrases'.");
            }
            else
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>True for ids like <c>scale.dau</c>: lower-case words of letters, digits and '_' joined by single dots, starting with a letter.</summary>
    internal static bool IsTopicId(string value) =>
        value.Length > 0 && char.IsAsciiLetterLower(value[0]) && !value.EndsWith('.') && !value.Contains("..", StringComparison.Ordinal)
        && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.');

    private static TopicCatalog LoadDefault()
    {
        using var stream = typeof(TopicCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var result = Load(reader.ReadToEnd());
        return result.HasErrors
            ? throw new InvalidOperationException("The shipped topics file is invalid: " + string.Join("; ", result.Diagnostics))
            : result.Topics;
    }
}

/// <summary>The outcome of <see cref="TopicCatalog.Load(string)"/>.</summary>
/// <param name="Topics">The valid topics; usable even when <see cref="HasErrors"/> is true.</param>
/// <param name="Diagnostics">Problems found, in file order; codes <c>TOP001</c>–<c>TOP004</c>.</param>
public sealed record TopicCatalogLoadResult(TopicCatalog Topics, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
