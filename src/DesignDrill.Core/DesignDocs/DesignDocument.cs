using DesignDrill.Core.Architecture;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// A parsed design document: the Markdown skeleton (title, sections with their lines) and the typed parts read from
/// the recognised sections, plus every diagnostic. Produced by <see cref="DesignDocumentParser.Parse(string)"/>;
/// immutable. All positions are 1-based lines and columns in the original text.
/// </summary>
/// <param name="FrontMatter">The YAML front matter, or <see langword="null"/> when there is none (or it could not be read).</param>
/// <param name="Title">The H1 title, or <see langword="null"/>.</param>
/// <param name="TitleSpan">Where the title text is.</param>
/// <param name="Preamble">Lines between the front matter and the first section, other than the title.</param>
/// <param name="Sections">All sections in order, recognised or not.</param>
/// <param name="ClarifyingQuestions">Questions from the Clarifying questions section(s).</param>
/// <param name="Requirements">Functional and non-functional requirements.</param>
/// <param name="Estimates">Estimate definitions, unevaluated.</param>
/// <param name="Api">API endpoints.</param>
/// <param name="Entities">Data-model entities.</param>
/// <param name="Architecture">Components and flows.</param>
/// <param name="Diagnostics">Problems found, ordered by line then column.</param>
/// <param name="LineCount">Number of lines in the original text (an empty text has 1).</param>
public sealed record DesignDocument(
    FrontMatter? FrontMatter,
    string? Title,
    SourceSpan TitleSpan,
    IReadOnlyList<SourceLine> Preamble,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<ClarifyingQuestion> ClarifyingQuestions,
    Requirements Requirements,
    IReadOnlyList<EstimateLine> Estimates,
    IReadOnlyList<ApiEndpoint> Api,
    IReadOnlyList<Entity> Entities,
    ArchitectureModel Architecture,
    IReadOnlyList<Diagnostic> Diagnostics,
    int LineCount)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The first section of the given kind, or <see langword="null"/>.</summary>
    /// <param name="kind">A recognised kind (or <see cref="SectionKind.Unknown"/> for the first unrecognised section).</param>
    /// <returns>The section, if any.</returns>
    public Section? GetSection(SectionKind kind) => Sections.FirstOrDefault(s => s.Kind == kind);

    /// <summary>All sections of the given kind, in order.</summary>
    /// <param name="kind">A section kind.</param>
    /// <returns>The sections, possibly none.</returns>
    public IEnumerable<Section> GetSections(SectionKind kind) => Sections.Where(s => s.Kind == kind);
}
