using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>One entry of the <c>technologies:</c> list: a product that implies a component kind (redis → cache).</summary>
/// <param name="Id">Catalog id, such as <c>redis</c>.</param>
/// <param name="Kind">The kind a component built on this technology has.</param>
/// <param name="Description">One sentence for people.</param>
/// <param name="Aliases">Other names of the same or an equivalent product (normalised).</param>
/// <param name="Span">Where the entry's id is written in the catalog file.</param>
/// <param name="Defaults">
/// The figures this technology states itself, each with its source and <see cref="DefaultValue.From"/>
/// <c>technology:&lt;id&gt;</c>; figures it leaves out come from its kind (see <see cref="ComponentCatalog.GetDefaults"/>).
/// </param>
public sealed record TechnologyInfo(
    string Id,
    ComponentKind Kind,
    string Description,
    IReadOnlyList<string> Aliases,
    SourceSpan Span,
    ComponentDefaults Defaults);
