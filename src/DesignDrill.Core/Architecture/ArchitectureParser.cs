using DesignDrill.Core.Catalog;
using DesignDrill.Core.DesignDocs;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Architecture;

/// <summary>The result of <see cref="ArchitectureParser.ParseText"/>.</summary>
/// <param name="Architecture">Components and flows.</param>
/// <param name="Diagnostics">Problems found, in line order.</param>
public sealed record ArchitectureParseResult(ArchitectureModel Architecture, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Reads component declarations and flows from the lines of an Architecture section (grammar in
/// docs/design-format.md). Lines that are neither are prose. Never throws for bad input.
/// </summary>
public static partial class ArchitectureParser
{
    private const string FlowForm = "flow NAME at RATE: a -> b -> c";

    /// <summary>
    /// Parses a stand-alone architecture snippet (every line is read as if it were in the Architecture section, outside
    /// code blocks). Useful for editors and tests; documents go through <see cref="DesignDocumentParser.Parse(string)"/>.
    /// </summary>
    /// <param name="text">Lines of components and flows.</param>
    /// <param name="catalog">The catalog used to resolve kinds; <see cref="ComponentCatalog.Default"/> when <see langword="null"/>.</param>
    /// <returns>The model and its diagnostics.</returns>
    public static ArchitectureParseResult ParseText(string text, ComponentCatalog? catalog = null)
    {
        var diagnostics = new List<Diagnostic>();
        var lines = DesignDocumentParser.SplitLines(text ?? "")
            .Select((t, i) => new SourceLine(i + 1, t))
            .Where(l => !l.IsBlank && l.Text.Length <= DesignDocumentParser.MaxAnalysedLineLength);
        var model = Parse(lines, catalog ?? ComponentCatalog.Default, diagnostics);
        return new ArchitectureParseResult(model, diagnostics);
    }

    internal static ArchitectureModel Parse(IEnumerable<SourceLine> lines, ComponentCatalog catalog, List<Diagnostic> diagnostics)
    {
        var components = new List<ComponentDecl>();
        var flows = new List<FlowDecl>();
        var componentNames = new Dictionary<string, ComponentDecl>(StringComparer.OrdinalIgnoreCase);
        var flowNames = new Dictionary<string, FlowDecl>(StringComparer.OrdinalIgnoreCase);
        var suggestions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (line.Role is LineRole.Heading or LineRole.Fence || line.IsBlank || line.CodeLanguage == "mermaid")
            {
                continue;
            }

            var text = LineText.Mask(line.Text, emphasis: true);
            var start = LineText.ContentStart(text);
            var end = LineText.CommentStart(text, start, text.Length);
            (start, end) = LineText.Trim(text, start, end);
            if (start >= end)
            {
                continue;
            }

            // 'flow' starts a flow only as a whole name: 'flow-x: service' and 'flow_x: service' declare components.
            if (LineText.ReadName(text, start, end, allowHyphen: true) == start + 4 && LineText.WordAt(text, start, end, "flow"))
            {
                if (ReadFlow(text, start, end, line.Line, diagnostics) is { } flow)
                {
                    if (flowNames.TryGetValue(flow.Name, out var first))
                    {
                        diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.DuplicateFlow, flow.NameSpan, $"Flow '{flow.Name}' is already declared at line {first.Span.Line}.", "Give each flow its own name, such as 'redirect' and 'shorten'."));
                    }
                    else
                    {
                        flowNames[flow.Name] = flow;
                        flows.Add(flow);
                    }
                }

                continue;
            }

            if (ReadComponent(text, start, end, line, catalog, suggestions, diagnostics) is { } component)
            {
                if (componentNames.TryGetValue(component.Name, out var first))
                {
                    diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.DuplicateComponent, component.NameSpan, $"Component '{component.Name}' is already declared at line {first.Span.Line}.", $"Rename one of them (such as '{component.Name}2'), or merge their settings into one line."));
                }
                else
                {
                    componentNames[component.Name] = component;
                    components.Add(component);
                }
            }
        }

        return new ArchitectureModel(components, flows);
    }
}
