using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// Shared reading helpers for the prompt and topic files: fields of a mapping with unknown-key warnings, required
/// texts, lists of texts. Collects diagnostics with the codes the caller gives; never throws for bad input.
/// </summary>
internal class CatalogYamlReader(string unknownKeyCode, string duplicateCode, string missingCode, string shapeCode)
{
    /// <summary>Largest file accepted, in characters (1,000,000; rule of thumb, far above any hand-written prompt).</summary>
    public const int MaxFileLength = 1_000_000;

    public List<Diagnostic> Diagnostics { get; } = [];

    public static YamlTreeResult ParseTree(string yaml) =>
        YamlTree.Parse(yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), 0, maxEvents: 200_000, maxDepth: 16);

    public Dictionary<string, YamlNode>? Fields(YamlNode item, string what, IReadOnlyList<string> knownKeys)
    {
        if (item.Kind != YamlNodeKind.Mapping)
        {
            Add(Severity.Error, shapeCode, Span(item), $"A {what} must be a mapping of 'key: value' lines.", $"Write the {what}'s fields as 'key: value', one a line.");
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in item.Pairs)
        {
            if (!knownKeys.Contains(key.Value))
            {
                UnknownKey(key, $"a {what}", knownKeys);
                continue;
            }

            if (!fields.TryAdd(key.Value, value))
            {
                Add(Severity.Error, duplicateCode, Span(key), $"'{key.Value}' is given twice in this {what}.", "Keep one of them.");
            }
        }

        return fields;
    }

    public YamlNode? RequiredText(YamlNode item, Dictionary<string, YamlNode> fields, string key, string what)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            Add(Severity.Error, missingCode, Span(item), $"This {what} has no '{key}'.", $"Add '{key}: ...'.");
            return null;
        }

        return Text(node, key);
    }

    public YamlNode? Text(YamlNode node, string key)
    {
        if (node.Kind != YamlNodeKind.Scalar || node.Value.Trim().Length == 0)
        {
            Add(Severity.Error, shapeCode, Span(node), $"'{key}' must be a non-empty text.", $"Write '{key}: text' (quote it if it contains ': ' or starts with a special character).");
            return null;
        }

        return node;
    }

    /// <summary>A list of non-empty texts; <paramref name="required"/> makes a missing or empty list an error.</summary>
    public List<YamlNode>? TextList(YamlNode item, Dictionary<string, YamlNode> fields, string key, string what, bool required)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            if (required)
            {
                Add(Severity.Error, missingCode, Span(item), $"This {what} has no '{key}'.", $"Add '{key}:' followed by '- ...' lines.");
                return null;
            }

            return [];
        }

        if (node.Kind == YamlNodeKind.Scalar && node.Value.Length == 0 && !node.IsQuoted && !required)
        {
            return [];
        }

        if (node.Kind != YamlNodeKind.Sequence || (required && node.Items.Count == 0))
        {
            Add(Severity.Error, shapeCode, Span(node), $"'{key}' must be a {(required ? "non-empty " : "")}list.", $"Write '{key}: [a, b]' or one '- item' a line under '{key}:'.");
            return null;
        }

        var result = new List<YamlNode>();
        foreach (var entry in node.Items)
        {
            if (Text(entry, key + " entry") is { } text)
            {
                result.Add(text);
            }
        }

        return result;
    }

    /// <summary>A list of entries (mappings or texts) under <paramref name="key"/>; <see langword="null"/> when missing or malformed (reported).</summary>
    public List<YamlNode>? Entries(YamlNode item, Dictionary<string, YamlNode> fields, string key, string what, bool required)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            if (required)
            {
                Add(Severity.Error, missingCode, Span(item), $"This {what} has no '{key}'.", $"Add '{key}:' followed by '- ...' entries.");
            }

            return required ? null : [];
        }

        if (node.Kind == YamlNodeKind.Scalar && node.Value.Length == 0 && !node.IsQuoted && !required)
        {
            return [];
        }

        if (node.Kind != YamlNodeKind.Sequence || (required && node.Items.Count == 0))
        {
            Add(Severity.Error, shapeCode, Span(node), $"'{key}' must be a {(required ? "non-empty " : "")}list of entries.", "Write each entry on a line starting with '- '.");
            return null;
        }

        return node.Items;
    }

    public void UnknownKey(YamlNode key, string where, IReadOnlyList<string> known)
    {
        var closest = EditDistance.Closest(key.Value, known);
        var hint = (closest is null ? "" : $"Did you mean '{closest}'? ") + "Known keys: " + string.Join(", ", known) + ".";
        Add(Severity.Warning, unknownKeyCode, Span(key), $"Unknown key '{key.Value}' in {where}; it is ignored.", hint);
    }

    public static SourceSpan Span(YamlNode? node) => node is null ? SourceSpan.None : node.SpanOnFirstLine();

    public void Add(Severity severity, string code, SourceSpan span, string message, string? hint) =>
        Diagnostics.Add(new Diagnostic(severity, code, span, message, hint));

    /// <summary>
    /// Reports a YAML syntax error or a too-large file; returns the root, or <see langword="null"/> after reporting.
    /// <paramref name="startHint"/> says how the file should start when its root is not a mapping.
    /// </summary>
    public YamlNode? Root(string yaml, string syntaxCode, string what, string startHint = "Start the file with 'id: ...' (or 'topics:' for the topics file).")
    {
        if (yaml.Length > MaxFileLength)
        {
            Add(Severity.Error, syntaxCode, SourceSpan.None, $"The {what} is {yaml.Length:N0} characters long; at most {MaxFileLength:N0} are read.", "Split or trim the file.");
            return null;
        }

        var tree = ParseTree(yaml);
        if (tree.Error is not null)
        {
            var span = tree.ErrorLine > 0 ? new SourceSpan(tree.ErrorLine, tree.ErrorColumn, tree.ErrorColumn + 1) : SourceSpan.None;
            Add(Severity.Error, syntaxCode, span, $"The {what} is not valid YAML: {tree.Error}.", "Check indentation, colons and quotes at this position.");
            return null;
        }

        if (tree.Root is not { Kind: YamlNodeKind.Mapping } root)
        {
            Add(Severity.Error, shapeCode, Span(tree.Root), $"The {what} must be a mapping of 'key: value' lines.", startHint);
            return null;
        }

        return root;
    }
}
