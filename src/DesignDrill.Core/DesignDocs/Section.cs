using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>A section of the document: an H2 heading (or an extra H1) and the lines up to the next one.</summary>
/// <param name="Kind">The recognised kind, or <see cref="SectionKind.Unknown"/>.</param>
/// <param name="Title">The heading text as written, trimmed, without the <c>#</c> marks.</param>
/// <param name="HeadingSpan">Where the heading text is.</param>
/// <param name="HeadingLevel">1 or 2.</param>
/// <param name="StartLine">Line of the heading.</param>
/// <param name="EndLine">Last line of the section (inclusive); equal to <paramref name="StartLine"/> for an empty section.</param>
/// <param name="Lines">Every line after the heading up to <paramref name="EndLine"/>, including subsection headings and code.</param>
/// <param name="Subsections">The H3 subsections, in order.</param>
public sealed record Section(
    SectionKind Kind,
    string Title,
    SourceSpan HeadingSpan,
    int HeadingLevel,
    int StartLine,
    int EndLine,
    IReadOnlyList<SourceLine> Lines,
    IReadOnlyList<Subsection> Subsections)
{
    /// <summary>The first subsection of the given kind, or <see langword="null"/>.</summary>
    /// <param name="kind">The subsection kind.</param>
    /// <returns>The subsection, if any.</returns>
    public Subsection? GetSubsection(SubsectionKind kind) => Subsections.FirstOrDefault(s => s.Kind == kind);
}

/// <summary>An H3 subsection of a section, with the lines up to the next H3 or the end of the section.</summary>
/// <param name="Kind">What the subsection is (only meaningful under Requirements).</param>
/// <param name="Title">The heading text, trimmed.</param>
/// <param name="HeadingSpan">Where the heading text is.</param>
/// <param name="StartLine">Line of the heading.</param>
/// <param name="EndLine">Last line (inclusive).</param>
/// <param name="Lines">Lines after the heading up to <paramref name="EndLine"/>.</param>
public sealed record Subsection(
    SubsectionKind Kind,
    string Title,
    SourceSpan HeadingSpan,
    int StartLine,
    int EndLine,
    IReadOnlyList<SourceLine> Lines);
