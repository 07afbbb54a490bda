using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// The known component kinds and technologies, read from <c>catalog/components.yaml</c>. Resolves the words a design
/// document uses (<c>lb</c>, <c>postgresql</c>, <c>cache</c>) to a kind and optional technology, and suggests the
/// closest known words for hints. Immutable and safe to share between threads.
/// </summary>
public sealed partial class ComponentCatalog
{
    /// <summary>Name of the embedded resource that holds the shipped catalog.</summary>
    public const string ResourceName = "DesignDrill.Catalog.components.yaml";

    /// <summary>Largest catalog text accepted by <see cref="Load(string)"/>, in characters (1,000,000; rule of thumb, 30x the shipped file).</summary>
    public const int MaxCatalogLength = 1_000_000;

    private static readonly Lazy<ComponentCatalog> DefaultCatalog = new(LoadDefault);

    private readonly Dictionary<string, ComponentKindInfo> _kindsByWord;
    private readonly Dictionary<string, TechnologyInfo> _technologiesByWord;
    private readonly Dictionary<string, ComponentKindInfo> _kindsById;

    private ComponentCatalog(IReadOnlyList<ComponentKindInfo> kinds, IReadOnlyList<TechnologyInfo> technologies)
    {
        Kinds = kinds;
        Technologies = technologies;
        _kindsByWord = new Dictionary<string, ComponentKindInfo>(StringComparer.Ordinal);
        _technologiesByWord = new Dictionary<string, TechnologyInfo>(StringComparer.Ordinal);
        _kindsById = new Dictionary<string, ComponentKindInfo>(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            _kindsById.TryAdd(kind.Id, kind);
            _kindsByWord.TryAdd(kind.Id, kind);
            foreach (var alias in kind.Aliases)
            {
                _kindsByWord.TryAdd(alias, kind);
            }
        }

        foreach (var technology in technologies)
        {
            _technologiesByWord.TryAdd(technology.Id, technology);
            foreach (var alias in technology.Aliases)
            {
                _technologiesByWord.TryAdd(alias, technology);
            }
        }
    }

    /// <summary>
    /// The catalog shipped with DesignDrill, loaded once from the embedded resource <see cref="ResourceName"/>.
    /// Throws <see cref="InvalidOperationException"/> on first use if the shipped file is missing or invalid (a broken
    /// build, not bad user input; a test pins that it loads without diagnostics).
    /// </summary>
    public static ComponentCatalog Default => DefaultCatalog.Value;

    /// <summary>An empty catalog: resolves nothing.</summary>
    public static ComponentCatalog Empty { get; } = new([], []);

    /// <summary>All kinds, in file order.</summary>
    public IReadOnlyList<ComponentKindInfo> Kinds { get; }

    /// <summary>All technologies, in file order.</summary>
    public IReadOnlyList<TechnologyInfo> Technologies { get; }

    /// <summary>
    /// Normalises a word for lookup: trimmed, lower case, with '-', '.' and spaces read as '_' (so <c>Load-Balancer</c>
    /// and <c>load balancer</c> both become <c>load_balancer</c>).
    /// </summary>
    /// <param name="word">Any text.</param>
    /// <returns>The normalised form.</returns>
    public static string Normalize(string word)
    {
        var trimmed = word.Trim();
        var chars = new char[trimmed.Length];
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            chars[i] = c is '-' or ' ' or '.' or '\t' ? '_' : char.ToLowerInvariant(c);
        }

        return new string(chars);
    }

    /// <summary>Finds a kind by its id (not by alias).</summary>
    /// <param name="id">Kind id such as <c>cache</c>.</param>
    /// <returns>The kind's entry, or <see langword="null"/>.</returns>
    public ComponentKindInfo? GetKind(ComponentKind? id) => id is not null && _kindsById.TryGetValue(id.Id, out var info) ? info : null;

    /// <summary>
    /// Resolves a word from a design document. A kind id or alias gives that kind and no technology; a technology id or
    /// alias gives the technology and its kind. Kinds win when a word is both (the loader rejects that anyway).
    /// </summary>
    /// <param name="word">The word as written; normalised with <see cref="Normalize"/>.</param>
    /// <param name="kind">The resolved kind, when the result is true.</param>
    /// <param name="technology">The resolved technology, or <see langword="null"/> when the word named a kind.</param>
    /// <returns>True when the word is known.</returns>
    public bool TryResolve(string word, [MaybeNullWhen(false)] out ComponentKindInfo kind, out TechnologyInfo? technology)
    {
        var key = Normalize(word);
        if (_kindsByWord.TryGetValue(key, out var found))
        {
            kind = found;
            technology = null;
            return true;
        }

        if (_technologiesByWord.TryGetValue(key, out var tech) && _kindsById.TryGetValue(tech.Kind.Id, out var techKind))
        {
            kind = techKind;
            technology = tech;
            return true;
        }

        kind = null;
        technology = null;
        return false;
    }

    /// <summary>Finds a technology by its id or one of its aliases.</summary>
    /// <param name="word">Technology id or alias as written; normalised with <see cref="Normalize"/>.</param>
    /// <returns>The technology's entry, or <see langword="null"/>.</returns>
    public TechnologyInfo? GetTechnology(string? word) =>
        word is not null && _technologiesByWord.TryGetValue(Normalize(word), out var technology) ? technology : null;

    /// <summary>
    /// The default figures for a component: the kind's generic figures, with the technology's own figures laid over
    /// them (the technology wins field by field). Each figure keeps its source and the entry it came from
    /// (<c>kind:cache</c> or <c>technology:redis</c>). A design's own figures are laid over the result by the caller
    /// with <see cref="ComponentDefaults.Merge"/>.
    /// </summary>
    /// <param name="kind">The component's kind; when <see langword="null"/>, the technology's kind is used.</param>
    /// <param name="technology">A technology id or alias (such as <c>redis</c> or <c>valkey</c>), or <see langword="null"/>.</param>
    /// <returns>The merged figures; <see cref="ComponentDefaults.Empty"/> when neither is known.</returns>
    public ComponentDefaults GetDefaults(ComponentKind? kind, string? technology)
    {
        var technologyInfo = GetTechnology(technology);
        var kindDefaults = GetKind(kind ?? technologyInfo?.Kind)?.Defaults ?? ComponentDefaults.Empty;
        return technologyInfo is null ? kindDefaults : kindDefaults.Merge(technologyInfo.Defaults);
    }

    /// <summary>True when <paramref name="word"/> names a technology (not a kind).</summary>
    /// <param name="word">The word as written.</param>
    /// <returns>Whether the catalog knows it as a technology.</returns>
    public bool IsTechnology(string word) => _technologiesByWord.ContainsKey(Normalize(word));

    /// <summary>
    /// The known kind and technology ids closest to <paramref name="word"/> by edit distance (at most 2 edits, or a
    /// third of the word's length for long words), closest first then alphabetical; used in "did you mean" hints.
    /// </summary>
    /// <param name="word">The unknown word as written.</param>
    /// <param name="max">Most suggestions to return.</param>
    /// <returns>Up to <paramref name="max"/> ids, possibly none.</returns>
    public IReadOnlyList<string> Suggest(string word, int max = 3)
    {
        var key = Normalize(word);
        if (key.Length == 0 || key.Length > 64)
        {
            return [];
        }

        var cap = Math.Max(2, key.Length / 3);
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (candidate, id) in _kindsByWord.Select(p => (p.Key, p.Value.Id))
                     .Concat(_technologiesByWord.Select(p => (p.Key, p.Value.Id))))
        {
            var distance = candidate.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(candidate, StringComparison.Ordinal)
                ? Math.Min(1, Math.Abs(candidate.Length - key.Length))
                : EditDistance.Compute(key, candidate, cap);
            if (distance <= cap && (!best.TryGetValue(id, out var seen) || distance < seen))
            {
                best[id] = distance;
            }
        }

        return best.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(max).Select(p => p.Key).ToList();
    }

    /// <summary>
    /// Reads and validates a catalog. Never throws for bad input: YAML errors, missing fields, wrong shapes, duplicate
    /// ids or aliases, technologies of unknown kinds, bad default figures and figures without a source become diagnostics
    /// (<c>CAT001</c>–<c>CAT010</c>) with the line and column; invalid entries and invalid figures are left out. Unknown
    /// keys are warnings (with the closest known key as a hint) so the schema can grow.
    /// </summary>
    /// <param name="yaml">The catalog text (at most <see cref="MaxCatalogLength"/> characters).</param>
    /// <returns>The catalog and the diagnostics.</returns>
    public static CatalogLoadResult Load(string yaml) => new CatalogReader().Read(yaml);

    private static ComponentCatalog LoadDefault()
    {
        using var stream = typeof(ComponentCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(ComponentCatalog).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var result = Load(reader.ReadToEnd());
        if (result.HasErrors)
        {
            throw new InvalidOperationException("The shipped component catalog is invalid: " + string.Join("; ", result.Diagnostics));
        }

        return result.Catalog;
    }

    private sealed partial class CatalogReader
    {
        private static readonly string[] KindKeys = ["id", "category", "stateful", "description", "aliases", "defaults", "source"];
        private static readonly string[] TechnologyKeys = ["id", "kind", "description", "aliases", "defaults", "source"];

        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Dictionary<string, SourceSpan> _names = new(StringComparer.Ordinal);

        public CatalogLoadResult Read(string yaml)
        {
            if (yaml.Length > MaxCatalogLength)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.YamlSyntax, SourceSpan.None, $"The catalog is {yaml.Length:N0} characters long; at most {MaxCatalogLength:N0} are read.", "Split or trim the file.");
                return new CatalogLoadResult(Empty, _diagnostics);
            }

            var tree = YamlTree.Parse(yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), 0, maxEvents: 200_000, maxDepth: 16);
            if (tree.Error is not null)
            {
                var span = tree.ErrorLine > 0 ? new SourceSpan(tree.ErrorLine, tree.ErrorColumn, tree.ErrorColumn + 1) : SourceSpan.None;
                Add(Severity.Error, CatalogDiagnosticCodes.YamlSyntax, span, $"The catalog is not valid YAML: {tree.Error}.", "Check indentation, colons and quotes at this position.");
                return new CatalogLoadResult(Empty, _diagnostics);
            }

            if (tree.Root is not { Kind: YamlNodeKind.Mapping } root)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(tree.Root), "The catalog must be a mapping with 'kinds:' and 'technologies:'.", "Start the file with 'kinds:'.");
                return new CatalogLoadResult(Empty, _diagnostics);
            }

            YamlNode? kindsNode = null;
            YamlNode? technologiesNode = null;
            foreach (var (key, value) in root.Pairs)
            {
                switch (key.Value)
                {
                    case "kinds": kindsNode = value; break;
                    case "technologies": technologiesNode = value; break;
                    default: UnknownKey(key, "the top level", ["kinds", "technologies"]); break;
                }
            }

            var kinds = new List<ComponentKindInfo>();
            foreach (var item in Items(kindsNode, "kinds", required: true))
            {
                if (ReadKind(item) is { } kind)
                {
                    kinds.Add(kind);
                }
            }

            var kindsById = new Dictionary<string, ComponentKindInfo>(StringComparer.Ordinal);
            foreach (var kind in kinds)
            {
                kindsById.TryAdd(kind.Id, kind);
            }

            var technologies = new List<TechnologyInfo>();
            foreach (var item in Items(technologiesNode, "technologies", required: false))
            {
                if (ReadTechnology(item, kindsById) is { } technology)
                {
                    technologies.Add(technology);
                }
            }

            return new CatalogLoadResult(new ComponentCatalog(kinds, technologies), _diagnostics);
        }

        private IEnumerable<YamlNode> Items(YamlNode? node, string name, bool required)
        {
            if (node is null)
            {
                if (required)
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.MissingField, SourceSpan.None, $"The catalog has no '{name}:' list.", $"Add '{name}:' followed by '- id: ...' entries.");
                }

                return [];
            }

            if (node.Kind == YamlNodeKind.Scalar && node.Value.Length == 0 && !node.IsQuoted)
            {
                return [];
            }

            if (node.Kind != YamlNodeKind.Sequence)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(node), $"'{name}' must be a list of entries.", "Write each entry on a line starting with '- '.");
                return [];
            }

            return node.Items;
        }

        private ComponentKindInfo? ReadKind(YamlNode item)
        {
            var fields = ReadFields(item, "kind", KindKeys);
            if (fields is null)
            {
                return null;
            }

            var id = RequiredId(item, fields, "kind");
            var categoryNode = Required(item, fields, "category", "kind");
            var description = Required(item, fields, "description", "kind");
            ComponentCategory? category = null;
            if (categoryNode is not null)
            {
                if (Enum.TryParse<ComponentCategory>(categoryNode.Value, ignoreCase: true, out var parsed) && !int.TryParse(categoryNode.Value, out _))
                {
                    category = parsed;
                }
                else
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.InvalidValue, Span(categoryNode), $"'{categoryNode.Value}' is not a category.", "Use one of: network, compute, storage, messaging, infrastructure, client.");
                }
            }

            var stateful = false;
            if (fields.TryGetValue("stateful", out var statefulNode))
            {
                if (statefulNode.Kind != YamlNodeKind.Scalar || !bool.TryParse(statefulNode.Value, out stateful))
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.InvalidValue, Span(statefulNode), $"'stateful' must be true or false, not '{statefulNode.Value}'.", "Write 'stateful: true' or 'stateful: false'.");
                }
            }

            var aliases = Aliases(fields);
            var (defaults, _) = ReadDefaults(fields, "kind:" + (id?.Value ?? "?"));
            if (id is null || category is null || description is null)
            {
                return null;
            }

            RegisterName(id.Value, Span(id));
            foreach (var (alias, node) in aliases)
            {
                RegisterName(alias, Span(node));
            }

            return new ComponentKindInfo(new ComponentKind(id.Value), category.Value, stateful, description.Value, aliases.Select(a => a.Alias).ToList(), Span(id), defaults);
        }

        private TechnologyInfo? ReadTechnology(YamlNode item, Dictionary<string, ComponentKindInfo> kindsById)
        {
            var fields = ReadFields(item, "technology", TechnologyKeys);
            if (fields is null)
            {
                return null;
            }

            var id = RequiredId(item, fields, "technology");
            var kind = Required(item, fields, "kind", "technology");
            var description = Required(item, fields, "description", "technology");
            var aliases = Aliases(fields);
            var (defaults, nodes) = ReadDefaults(fields, DefaultValue.FromTechnology(id?.Value ?? "?"));
            if (kind is not null && !kindsById.ContainsKey(Normalize(kind.Value)))
            {
                Add(Severity.Error, CatalogDiagnosticCodes.UnknownKind, Span(kind), $"Technology kind '{kind.Value}' is not a kind in this catalog.", HintFor(kind.Value, kindsById.Keys));
                return null;
            }

            if (id is null || kind is null || description is null)
            {
                return null;
            }

            RegisterName(id.Value, Span(id));
            foreach (var (alias, node) in aliases)
            {
                RegisterName(alias, Span(node));
            }

            var kindInfo = kindsById[Normalize(kind.Value)];
            defaults = CheckMergedServiceTimes(kindInfo, defaults, nodes);
            return new TechnologyInfo(id.Value, kindInfo.Kind, description.Value, aliases.Select(a => a.Alias).ToList(), Span(id), defaults);
        }

        private static string HintFor(string word, IEnumerable<string> kindIds)
        {
            var key = Normalize(word);
            var close = kindIds.Select(k => (k, d: EditDistance.Compute(key, k, 3))).Where(p => p.d <= 3).OrderBy(p => p.d).ThenBy(p => p.k, StringComparer.Ordinal).Take(3).Select(p => p.k).ToList();
            return close.Count > 0 ? "Did you mean " + string.Join(", ", close) + "?" : "Declare the kind under 'kinds:' first.";
        }

        private Dictionary<string, YamlNode>? ReadFields(YamlNode item, string what, string[] knownKeys)
        {
            if (item.Kind != YamlNodeKind.Mapping)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(item), $"A {what} entry must be a mapping such as '- id: ...'.", "Write 'id:', 'description:' and the other fields under the '- '.");
                return null;
            }

            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in item.Pairs)
            {
                if (!knownKeys.Contains(key.Value))
                {
                    UnknownKey(key, $"a {what} entry", knownKeys);
                    continue;
                }

                if (!fields.TryAdd(key.Value, value))
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.Duplicate, Span(key), $"'{key.Value}' is given twice in this {what} entry.", "Keep one of them.");
                }
            }

            return fields;
        }

        private YamlNode? RequiredId(YamlNode item, Dictionary<string, YamlNode> fields, string what)
        {
            var id = Required(item, fields, "id", what);
            if (id is null)
            {
                return null;
            }

            if (!IsId(id.Value))
            {
                Add(Severity.Error, CatalogDiagnosticCodes.InvalidValue, Span(id), $"'{id.Value}' is not a valid id.", $"Use lower case letters, digits and underscores, starting with a letter, such as '{Normalize(id.Value)}'.");
                return null;
            }

            return id;
        }

        private YamlNode? Required(YamlNode item, Dictionary<string, YamlNode> fields, string key, string what)
        {
            if (!fields.TryGetValue(key, out var node))
            {
                Add(Severity.Error, CatalogDiagnosticCodes.MissingField, Span(item), $"This {what} entry has no '{key}'.", $"Add '{key}: ...'.");
                return null;
            }

            if (node.Kind != YamlNodeKind.Scalar || node.Value.Trim().Length == 0)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(node), $"'{key}' must be a non-empty text value.", $"Write '{key}: value' on one line.");
                return null;
            }

            return node;
        }

        private List<(string Alias, YamlNode Node)> Aliases(Dictionary<string, YamlNode> fields)
        {
            var result = new List<(string, YamlNode)>();
            if (!fields.TryGetValue("aliases", out var node))
            {
                return result;
            }

            if (node.Kind != YamlNodeKind.Sequence)
            {
                Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(node), "'aliases' must be a list.", "Write 'aliases: [a, b]'.");
                return result;
            }

            foreach (var alias in node.Items)
            {
                if (alias.Kind != YamlNodeKind.Scalar || Normalize(alias.Value).Length == 0)
                {
                    Add(Severity.Error, CatalogDiagnosticCodes.WrongShape, Span(alias), "Each alias must be a single word.", "Write 'aliases: [a, b]'.");
                    continue;
                }

                result.Add((Normalize(alias.Value), alias));
            }

            return result;
        }

        private void RegisterName(string name, SourceSpan span)
        {
            var key = Normalize(name);
            if (_names.TryGetValue(key, out var first))
            {
                Add(Severity.Error, CatalogDiagnosticCodes.Duplicate, span, $"'{name}' is already used as an id or alias at line {first.Line.ToString(CultureInfo.InvariantCulture)}.", "Every id and alias must be unique across kinds and technologies; remove or rename one.");
                return;
            }

            _names[key] = span;
        }

        private void UnknownKey(YamlNode key, string where, IReadOnlyList<string> known)
        {
            var closest = known.Select(k => (k, d: EditDistance.Compute(key.Value, k, 3))).Where(p => p.d <= 3).OrderBy(p => p.d).ThenBy(p => p.k, StringComparer.Ordinal).Select(p => p.k).FirstOrDefault();
            var hint = (closest is null ? "" : $"Did you mean '{closest}'? ") + "Known keys: " + string.Join(", ", known) + ".";
            Add(Severity.Warning, CatalogDiagnosticCodes.UnknownKey, Span(key), $"Unknown key '{key.Value}' in {where}; it is ignored.", hint);
        }

        private static bool IsId(string value) =>
            value.Length > 0 && char.IsAsciiLetterLower(value[0]) && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

        private static SourceSpan Span(YamlNode? node) => node is null ? SourceSpan.None : node.SpanOnFirstLine();

        private void Add(Severity severity, string code, SourceSpan span, string message, string hint) =>
            _diagnostics.Add(new Diagnostic(severity, code, span, message, hint));
    }
}
