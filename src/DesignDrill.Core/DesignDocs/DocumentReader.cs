using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>One parse of one document: the skeleton scan, the sections, then each recognised section's parser.</summary>
internal sealed partial class DocumentReader
{
    private readonly List<string> _lines;
    private readonly ComponentCatalog _catalog;
    private readonly List<Diagnostic> _diagnostics = [];

    public DocumentReader(List<string> lines, ComponentCatalog catalog)
    {
        _lines = lines;
        _catalog = catalog;
    }

    public DesignDocument Read()
    {
        var (frontMatter, bodyStart) = ReadFrontMatter();
        var skeleton = ScanSkeleton(bodyStart);
        var (title, titleSpan, preamble, sections) = BuildSections(skeleton, bodyStart);

        var questions = new List<ClarifyingQuestion>();
        var estimates = new List<EstimateLine>();
        var api = new List<ApiEndpoint>();
        var entities = new List<Entity>();
        var functional = new List<SourceLine>();
        var nonFunctional = new List<NonFunctionalRequirement>();
        var otherRequirements = new List<SourceLine>();
        var architectureLines = new List<SourceLine>();
        foreach (var (section, part) in sections)
        {
            switch (section.Kind)
            {
                case SectionKind.ClarifyingQuestions:
                    questions.AddRange(QuestionParser.Parse(Analysable(section.Lines)));
                    break;
                case SectionKind.Requirements:
                    ReadRequirements(section, part, functional, nonFunctional, otherRequirements);
                    break;
                case SectionKind.Estimates:
                    estimates.AddRange(EstimateParser.Parse(Analysable(section.Lines), _diagnostics));
                    break;
                case SectionKind.Api:
                    api.AddRange(ApiParser.Parse(Analysable(section.Lines), _diagnostics));
                    break;
                case SectionKind.DataModel:
                    entities.AddRange(EntityParser.Parse(Analysable(section.Lines), _diagnostics));
                    break;
                case SectionKind.Architecture:
                    architectureLines.AddRange(Analysable(section.Lines));
                    break;
            }
        }

        ReportDuplicates(api, entities);
        var architecture = ArchitectureParser.Parse(architectureLines, _catalog, _diagnostics);
        var ordered = _diagnostics
            .Select((d, i) => (d, i))
            .OrderBy(p => p.d.Span.Line)
            .ThenBy(p => p.d.Span.Column)
            .ThenBy(p => p.i)
            .Select(p => p.d)
            .ToList();
        return new DesignDocument(
            frontMatter,
            title,
            titleSpan,
            preamble,
            sections.Select(s => s.Section).ToList(),
            questions,
            new Requirements(functional, nonFunctional, otherRequirements),
            estimates,
            api,
            entities,
            architecture,
            ordered,
            _lines.Count);
    }

    /// <summary>Text and code lines that are short enough to analyse; longer ones get a DOC012 note and stay free text.</summary>
    private List<SourceLine> Analysable(IReadOnlyList<SourceLine> lines)
    {
        var result = new List<SourceLine>(lines.Count);
        foreach (var line in lines)
        {
            if (line.Role is LineRole.Heading or LineRole.Fence || line.IsBlank)
            {
                continue;
            }

            if (line.Text.Length > DesignDocumentParser.MaxAnalysedLineLength)
            {
                _diagnostics.Add(new Diagnostic(Severity.Info, DocDiagnosticCodes.LineTooLong, new SourceSpan(line.Line, 1, 2), $"Line is {line.Text.Length:N0} characters long; lines over {DesignDocumentParser.MaxAnalysedLineLength:N0} are kept as free text and not analysed.", "Break the line up."));
                continue;
            }

            result.Add(line);
        }

        return result;
    }

    private void ReadRequirements(Section section, SubsectionKind part, List<SourceLine> functional, List<NonFunctionalRequirement> nonFunctional, List<SourceLine> other)
    {
        // The part comes from an H2 such as "Non-functional requirements", from an H3 subsection, or from a
        // pseudo-heading line such as "**Functional:**" inside the section.
        var current = part;
        var subsectionStarts = section.Subsections.ToDictionary(s => s.StartLine, s => s.Kind);
        foreach (var line in section.Lines)
        {
            if (line.Role == LineRole.Heading)
            {
                if (subsectionStarts.TryGetValue(line.Line, out var kind))
                {
                    current = kind == SubsectionKind.Other && part != SubsectionKind.Other ? part : kind;
                }

                continue;
            }

            if (line.Role == LineRole.Fence || line.IsBlank)
            {
                continue;
            }

            if (PseudoHeading(line.Text) is { } pseudo)
            {
                current = pseudo;
                continue;
            }

            if (line.Text.Length > DesignDocumentParser.MaxAnalysedLineLength)
            {
                other.Add(line);
                continue;
            }

            switch (current)
            {
                case SubsectionKind.Functional:
                    functional.Add(line);
                    break;
                case SubsectionKind.NonFunctional:
                    nonFunctional.AddRange(NfrParser.Parse(line));
                    break;
                default:
                    var found = NfrParser.Parse(line).Where(n => n.IsMeasurable).ToList();
                    if (found.Count > 0)
                    {
                        nonFunctional.AddRange(found);
                    }
                    else
                    {
                        other.Add(line);
                    }

                    break;
            }
        }
    }

    /// <summary>A line such as "Functional:", "**Non-functional requirements**" or "- NFRs:" that switches the part.</summary>
    private static SubsectionKind? PseudoHeading(string text)
    {
        if (text.Length > 80)
        {
            return null;
        }

        var masked = LineText.Mask(text, emphasis: true);
        var start = LineText.ContentStart(masked);
        var (s, e) = LineText.Trim(masked, start, masked.Length);
        var content = LineText.Slice(masked, s, e);
        var bold = text.Contains("**", StringComparison.Ordinal);
        if (!content.EndsWith(':') && !bold)
        {
            return null;
        }

        var kind = SectionTitles.MatchSubsection(content.TrimEnd(':'), allowContains: false);
        return kind == SubsectionKind.Other ? null : kind;
    }

    private void ReportDuplicates(List<ApiEndpoint> api, List<Entity> entities)
    {
        var endpoints = new Dictionary<string, ApiEndpoint>(StringComparer.OrdinalIgnoreCase);
        foreach (var endpoint in api)
        {
            var key = endpoint.Method + " " + endpoint.Path;
            if (!endpoints.TryAdd(key, endpoint))
            {
                var first = endpoints[key];
                _diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.DuplicateEndpoint, endpoint.Span, $"'{key}' is already declared at line {first.Span.Line}.", "Remove one of them, or give them different paths or methods."));
            }
        }

        var names = new Dictionary<string, Entity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in entities)
        {
            if (!names.TryAdd(entity.Name, entity))
            {
                _diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.DuplicateEntity, entity.NameSpan, $"Entity '{entity.Name}' is already declared at line {names[entity.Name].Span.Line}.", "Merge the two declarations, or rename one."));
            }
        }
    }
}
