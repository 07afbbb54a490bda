using System.Text;
using DesignDrill.Core.Catalog;

namespace DesignDrill.Core.Architecture;

/// <summary>
/// Renders an architecture as a Mermaid <c>flowchart LR</c>: one node per component (shape by category), sync edges
/// <c>--&gt;</c>, async edges <c>-.-&gt;</c>, labelled with the flows that use them; edges shared by several flows are
/// merged. Output is deterministic and valid Mermaid for any names (node ids are generated; labels are escaped).
/// </summary>
public static class MermaidExporter
{
    /// <summary>Renders <paramref name="architecture"/> with the shipped catalog for node shapes.</summary>
    /// <param name="architecture">Components and flows.</param>
    /// <returns>Mermaid source ending with a newline; lines separated by '\n'.</returns>
    public static string Export(ArchitectureModel architecture) => Export(architecture, ComponentCatalog.Default);

    /// <summary>Renders <paramref name="architecture"/>, taking node shapes from the kinds' categories in <paramref name="catalog"/>.</summary>
    /// <param name="architecture">Components and flows.</param>
    /// <param name="catalog">Catalog used to find each kind's category.</param>
    /// <returns>Mermaid source ending with a newline; lines separated by '\n'.</returns>
    public static string Export(ArchitectureModel architecture, ComponentCatalog catalog) => Render(architecture, catalog, null);

    /// <summary>
    /// Renders <paramref name="architecture"/> coloured by the analytic model: each analysed component's label gains its
    /// utilisation (offered load ÷ capacity, as a percentage) and its node a class by band — <c>load_ok</c> below 70%,
    /// <c>load_busy</c> from 70%, <c>load_hot</c> from 90%, <c>load_saturated</c> from 100% — and single points of
    /// failure are marked "SPOF" with the <c>spof</c> class (a thick dashed border). The class definitions are emitted
    /// after the edges, so the diagram renders the same way on GitHub and in the web studio.
    /// </summary>
    /// <remarks>
    /// The bands are a rule of thumb from queueing theory: with Erlang C the mean wait grows as 1 ÷ (1 − ρ), roughly
    /// tripling from 70% to 90% utilisation (../shared/reference/queueing.md), so 70% is where capacity planning
    /// usually draws the "add headroom" line and 90% is where latency is dominated by waiting.
    /// </remarks>
    /// <param name="architecture">Components and flows.</param>
    /// <param name="analysis">The analytic model's result for the same architecture (components matched by name).</param>
    /// <returns>Mermaid source ending with a newline; lines separated by '\n'.</returns>
    public static string Export(ArchitectureModel architecture, Analysis.ArchitectureAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return Render(architecture, ComponentCatalog.Default, analysis);
    }

    /// <summary>Utilisation from which a node is drawn as busy (0.7; rule of thumb, see <see cref="Export(ArchitectureModel, Analysis.ArchitectureAnalysis)"/>).</summary>
    public const double BusyUtilization = 0.7;

    /// <summary>Utilisation from which a node is drawn as hot (0.9; rule of thumb, see <see cref="Export(ArchitectureModel, Analysis.ArchitectureAnalysis)"/>).</summary>
    public const double HotUtilization = 0.9;

    private static string Render(ArchitectureModel architecture, ComponentCatalog catalog, Analysis.ArchitectureAnalysis? analysis)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        var loads = analysis?.Components.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase) ?? [];
        var spofs = new HashSet<string>(analysis?.SinglePointsOfFailure.Select(c => c.Name) ?? [], StringComparer.OrdinalIgnoreCase);
        var classes = new List<(string Id, string Class)>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        var output = new StringBuilder("flowchart LR\n");

        foreach (var component in architecture.Components)
        {
            var id = NewId(component.Name, ids, usedIds);
            var detail = component.Kind?.Id ?? component.KindText;
            if (component.Technology is not null && !string.Equals(component.Technology, detail, StringComparison.OrdinalIgnoreCase))
            {
                detail += " (" + component.Technology + ")";
            }

            if (component.Replicas is { } replicas)
            {
                detail += " x" + replicas;
            }
            else if (component.ReplicasText is not null)
            {
                detail += " x " + component.ReplicasText;
            }

            var label = Escape(component.Name) + "<br/>" + Escape(detail);
            if (loads.TryGetValue(component.Name, out var load))
            {
                var utilization = load.Utilization;
                label += "<br/>" + (double.IsFinite(utilization) ? Math.Round(utilization * 100, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "% busy" : "no capacity");
                classes.Add((id, utilization >= 1 ? "load_saturated" : utilization >= HotUtilization ? "load_hot" : utilization >= BusyUtilization ? "load_busy" : "load_ok"));
            }

            if (spofs.Contains(component.Name))
            {
                label += "<br/>SPOF";
                classes.Add((id, "spof"));
            }

            var category = component.Kind is null ? (ComponentCategory?)null : catalog.GetKind(component.Kind)?.Category;
            output.Append("    ").Append(id).Append(Shape(category, label)).Append('\n');
        }

        foreach (var step in architecture.Flows.SelectMany(f => f.Steps))
        {
            if (!ids.ContainsKey(step.Component))
            {
                var id = NewId(step.Component, ids, usedIds);
                var shape = ArchitectureModel.ImplicitClientNames.Contains(step.Component) ? Shape(ComponentCategory.Client, Escape(step.Component)) : "[\"" + Escape(step.Component) + "\"]";
                output.Append("    ").Append(id).Append(shape).Append('\n');
            }
        }

        var edges = new List<Edge>();
        var index = new Dictionary<(string, string, EdgeKind, bool, string?), Edge>();
        foreach (var flow in architecture.Flows)
        {
            for (var i = 1; i < flow.Steps.Count; i++)
            {
                var callerIndex = flow.Steps[i].CallerIndex(i);
                if (callerIndex < 0)
                {
                    continue;
                }

                var from = ids[flow.Steps[callerIndex].Component];
                var step = flow.Steps[i];
                var key = (from, ids[step.Component], step.EdgeIn, step.OnMiss, step.FanOutText);
                if (!index.TryGetValue(key, out var edge))
                {
                    edge = new Edge(from, ids[step.Component], step.EdgeIn, step.OnMiss, step.FanOutText, []);
                    index[key] = edge;
                    edges.Add(edge);
                }

                if (!edge.Flows.Contains(flow.Name, StringComparer.OrdinalIgnoreCase))
                {
                    edge.Flows.Add(flow.Name);
                }
            }
        }

        foreach (var edge in edges)
        {
            var parts = new List<string> { string.Join(", ", edge.Flows) };
            if (edge.OnMiss)
            {
                parts.Add("miss");
            }

            if (edge.FanOut is not null)
            {
                parts.Add((edge.FanOut.Length > 0 && char.IsAsciiDigit(edge.FanOut[0]) ? "x" : "x ") + edge.FanOut);
            }

            var arrow = edge.Kind == EdgeKind.Async ? "-.->" : "-->";
            output.Append("    ").Append(edge.From).Append(' ').Append(arrow).Append("|\"").Append(Escape(string.Join(" · ", parts))).Append("\"| ").Append(edge.To).Append('\n');
        }

        if (analysis is not null)
        {
            output.Append("    classDef load_ok fill:#d9f2e3,stroke:#2f8a57,color:#10351f\n");
            output.Append("    classDef load_busy fill:#fff1c7,stroke:#b7860b,color:#3d2c00\n");
            output.Append("    classDef load_hot fill:#ffd6cc,stroke:#c0392b,color:#4a0d05\n");
            output.Append("    classDef load_saturated fill:#c0392b,stroke:#7b1d12,color:#ffffff\n");
            output.Append("    classDef spof stroke:#7b1d12,stroke-width:3px,stroke-dasharray:6 3\n");
            foreach (var (id, name) in classes)
            {
                output.Append("    class ").Append(id).Append(' ').Append(name).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>Escapes text for a quoted Mermaid label: quotes, angle brackets, '#', '|', backticks and line breaks become entity codes.</summary>
    /// <param name="text">Any text.</param>
    /// <returns>Text safe inside <c>"..."</c> in a Mermaid node or edge label.</returns>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => builder.Append("#quot;"),
                '#' => builder.Append("#35;"),
                '<' => builder.Append("#lt;"),
                '>' => builder.Append("#gt;"),
                '|' => builder.Append("#124;"),
                '`' => builder.Append("#96;"),
                '\r' or '\n' or '\t' or '\0' => builder.Append(' '),
                _ when char.IsControl(c) => builder.Append(' '),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }

    private static string Shape(ComponentCategory? category, string label) => category switch
    {
        ComponentCategory.Client => "((\"" + label + "\"))",
        ComponentCategory.Storage => "[(\"" + label + "\")]",
        ComponentCategory.Messaging => "[/\"" + label + "\"/]",
        ComponentCategory.Network => "([\"" + label + "\"])",
        ComponentCategory.Compute => "(\"" + label + "\")",
        ComponentCategory.Infrastructure => "[[\"" + label + "\"]]",
        _ => "[\"" + label + "\"]",
    };

    /// <summary>A node id from the name: 'c_' plus letters, digits and '_' (others become '_'), made unique with a counter.</summary>
    private static string NewId(string name, Dictionary<string, string> ids, HashSet<string> used)
    {
        var builder = new StringBuilder("c_");
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        var id = builder.ToString();
        for (var n = 2; !used.Add(id); n++)
        {
            id = builder + "_" + n;
        }

        ids[name] = id;
        return id;
    }

    private sealed record Edge(string From, string To, EdgeKind Kind, bool OnMiss, string? FanOut, List<string> Flows);
}
