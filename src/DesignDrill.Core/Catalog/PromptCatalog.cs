using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// The interview prompts: one YAML file a prompt (<c>catalog/prompts/&lt;id&gt;.yaml</c>) and its reference design
/// (<c>catalog/prompts/reference/&lt;id&gt;.md</c>). The bundled prompts are embedded in this assembly and available as
/// <see cref="Default"/>; a coach's own directory loads with <see cref="LoadDirectory"/>. Schema: docs/prompt-format.md.
/// Immutable and safe to share between threads.
/// </summary>
public sealed partial class PromptCatalog
{
    /// <summary>Prefix of the embedded resources that hold the bundled prompts (<c>DesignDrill.Catalog.prompts.&lt;file&gt;</c>).</summary>
    public const string ResourcePrefix = "DesignDrill.Catalog.prompts.";

    /// <summary>The directory the bundled prompts come from, used as the file name prefix in their diagnostics.</summary>
    public const string BundledDirectory = "catalog/prompts";

    /// <summary>Largest factor a <c>scale_flows</c> or <c>scale_flow</c> change may give (1,000; rule of thumb: three orders of magnitude is already a new design).</summary>
    public const double MaxScaleFactor = 1_000;

    private static readonly Lazy<PromptCatalogLoadResult> DefaultResult = new(LoadBundled);

    private readonly Dictionary<string, Prompt> _byId;

    private PromptCatalog(IReadOnlyList<Prompt> prompts)
    {
        Prompts = prompts;
        _byId = prompts.ToDictionary(p => p.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// The prompts bundled with DesignDrill, read once from the embedded resources. Throws
    /// <see cref="InvalidOperationException"/> on first use if a bundled prompt has an error (a broken build; a test pins
    /// that every bundled prompt loads without errors).
    /// </summary>
    public static PromptCatalog Default
    {
        get
        {
            var result = DefaultResult.Value;
            return result.HasErrors
                ? throw new InvalidOperationException("The bundled prompts are invalid: " + string.Join("; ", result.Diagnostics))
                : result.Catalog;
        }
    }

    /// <summary>The bundled prompts with every diagnostic their loading reported (for tests and <c>drill prompts --check</c>-style tools).</summary>
    public static PromptCatalogLoadResult DefaultLoadResult => DefaultResult.Value;

    /// <summary>An empty catalog.</summary>
    public static PromptCatalog Empty { get; } = new([]);

    /// <summary>All prompts, ordered by id.</summary>
    public IReadOnlyList<Prompt> Prompts { get; }

    /// <summary>The prompt with the given id, or <see langword="null"/>.</summary>
    /// <param name="id">A prompt id such as <c>url-shortener</c> (exact).</param>
    /// <returns>The prompt.</returns>
    public Prompt? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The prompt ids closest to an unknown one (within 2 edits or a third of its length; rule of thumb), closest first.</summary>
    /// <param name="id">The unknown id as typed.</param>
    /// <param name="max">Most suggestions to return.</param>
    /// <returns>Up to <paramref name="max"/> ids.</returns>
    public IReadOnlyList<string> Suggest(string id, int max = 3)
    {
        var key = id.Trim().ToLowerInvariant();
        if (key.Length == 0 || key.Length > 64)
        {
            return [];
        }

        var cap = Math.Max(2, key.Length / 3);
        return _byId.Keys
            .Select(k => (k, d: k.StartsWith(key, StringComparison.Ordinal) || k.Contains(key, StringComparison.Ordinal) && key.Length >= 4 ? 0 : EditDistance.Compute(key, k, cap)))
            .Where(p => p.d <= cap)
            .OrderBy(p => p.d)
            .ThenBy(p => p.k, StringComparer.Ordinal)
            .Take(max)
            .Select(p => p.k)
            .ToList();
    }

    /// <summary>
    /// Reads every <c>*.yaml</c> file directly in <paramref name="directory"/> as a prompt, and each prompt's reference
    /// design relative to that directory. Never throws for bad content or a missing directory: problems become
    /// diagnostics (<c>PRM001</c>–<c>PRM011</c>) with file, line and column; prompts with errors are left out.
    /// </summary>
    /// <param name="directory">The prompt directory, such as <c>catalog/prompts</c>.</param>
    /// <param name="topics">The topic vocabulary facts are checked against; <see cref="TopicCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The catalog and the diagnostics.</returns>
    public static PromptCatalogLoadResult LoadDirectory(string directory, TopicCatalog? topics = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string[] files;
        try
        {
            files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.yaml", SearchOption.TopDirectoryOnly) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            files = [];
        }

        var sources = new List<(string File, string? Text, string? ReadError)>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            sources.Add(TryRead(file, out var text, out var error) ? (file, text, null) : (file, null, error));
        }

        return Load(directory, sources, relative => TryRead(Path.Combine(directory, relative), out var text, out _) ? text : null, topics ?? TopicCatalog.Default);
    }

    /// <summary>
    /// Reads one prompt file's text and validates it, without a directory: the reference design is looked up with
    /// <paramref name="readReference"/>. Never throws for bad content.
    /// </summary>
    /// <param name="file">The file name to report in diagnostics and to compare the id with, such as <c>url-shortener.yaml</c>.</param>
    /// <param name="yaml">The prompt's text.</param>
    /// <param name="readReference">Returns a reference design's text from its relative path, or <see langword="null"/> when it does not exist.</param>
    /// <param name="topics">The topic vocabulary; <see cref="TopicCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>A catalog holding the prompt when it had no error, and the diagnostics.</returns>
    public static PromptCatalogLoadResult LoadText(string file, string yaml, Func<string, string?> readReference, TopicCatalog? topics = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(readReference);
        return Load(null, [(file, yaml, null)], readReference, topics ?? TopicCatalog.Default);
    }

    private static PromptCatalogLoadResult Load(string? directory, IReadOnlyList<(string File, string? Text, string? ReadError)> sources, Func<string, string?> readReference, TopicCatalog topics)
    {
        var diagnostics = new List<CatalogFileDiagnostic>();
        if (directory is not null && sources.Count == 0)
        {
            var message = Directory.Exists(directory) ? $"The directory '{directory}' holds no *.yaml prompt file." : $"The directory '{directory}' does not exist.";
            diagnostics.Add(new CatalogFileDiagnostic(directory, new Diagnostic(Severity.Error, PromptCatalogDiagnosticCodes.NoPrompts, SourceSpan.None, message, "Point at a directory with one <id>.yaml file a prompt, such as catalog/prompts.")));
            return new PromptCatalogLoadResult(Empty, diagnostics);
        }

        var prompts = new List<Prompt>();
        var firstFileById = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, text, readError) in sources)
        {
            if (text is null)
            {
                diagnostics.Add(new CatalogFileDiagnostic(file, new Diagnostic(Severity.Error, PromptCatalogDiagnosticCodes.YamlSyntax, SourceSpan.None, $"The file cannot be read: {readError}.", "Check that it exists and is readable text.")));
                continue;
            }

            var reader = new PromptReader(file, topics, readReference);
            var prompt = reader.Read(text);
            if (prompt is not null && firstFileById.TryGetValue(prompt.Id, out var firstFile))
            {
                reader.Add(Severity.Error, PromptCatalogDiagnosticCodes.Duplicate, prompt.Span, $"Prompt id '{prompt.Id}' is already used by {firstFile}.", "Every prompt needs its own id; rename one (and its file).");
                prompt = null;
            }

            diagnostics.AddRange(reader.Diagnostics.Select(d => new CatalogFileDiagnostic(file, d)));
            if (prompt is not null)
            {
                firstFileById[prompt.Id] = file;
                prompts.Add(prompt);
            }
        }

        return new PromptCatalogLoadResult(new PromptCatalog(prompts.OrderBy(p => p.Id, StringComparer.Ordinal).ToList()), diagnostics);
    }

    private static bool TryRead(string path, out string text, out string error)
    {
        try
        {
            text = File.ReadAllText(path);
            error = "";
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            text = "";
            error = e.Message;
            return false;
        }
    }

    private static PromptCatalogLoadResult LoadBundled()
    {
        var assembly = typeof(PromptCatalog).Assembly;
        const string referencePrefix = ResourcePrefix + "reference.";
        string? Read(string name)
        {
            using var stream = assembly.GetManifestResourceStream(name);
            if (stream is null)
            {
                return null;
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && !n.StartsWith(referencePrefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (BundledDirectory + "/" + n[ResourcePrefix.Length..], Read(n), (string?)null))
            .ToList();

        // Only reference/<file>.md is embedded; any other path is reported as missing.
        string? ReadReference(string relative)
        {
            var normalized = relative.Replace('\\', '/');
            return normalized.StartsWith("reference/", StringComparison.Ordinal) && normalized.IndexOf('/', "reference/".Length) < 0
                ? Read(referencePrefix + normalized["reference/".Length..])
                : null;
        }

        return Load(BundledDirectory, sources, ReadReference, TopicCatalog.Default);
    }
}

/// <summary>The outcome of loading prompts: the catalog of every valid prompt, and the problems found.</summary>
/// <param name="Catalog">The prompts without errors; usable even when <see cref="HasErrors"/> is true.</param>
/// <param name="Diagnostics">Problems found, file by file in file-name order; codes <c>PRM001</c>–<c>PRM011</c>.</param>
public sealed record PromptCatalogLoadResult(PromptCatalog Catalog, IReadOnlyList<CatalogFileDiagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
