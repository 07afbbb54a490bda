using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>One entry of the <c>kinds:</c> list of the component catalog.</summary>
/// <param name="Kind">The kind this entry describes.</param>
/// <param name="Category">Its broad family.</param>
/// <param name="Stateful">True when the component keeps state that must survive a restart or be replicated.</param>
/// <param name="Description">One sentence for people.</param>
/// <param name="Aliases">Other words that name this kind in a design document (normalised: lower case, '_' for '-' and spaces).</param>
/// <param name="Span">Where the entry's id is written in the catalog file.</param>
/// <param name="Defaults">
/// The kind's generic default figures (rule-of-thumb capacity, service time, availability, sizes, prices), each with
/// its source and <see cref="DefaultValue.From"/> <c>kind:&lt;id&gt;</c>; see <see cref="ComponentCatalog.GetDefaults"/>.
/// </param>
public sealed record ComponentKindInfo(
    ComponentKind Kind,
    ComponentCategory Category,
    bool Stateful,
    string Description,
    IReadOnlyList<string> Aliases,
    SourceSpan Span,
    ComponentDefaults Defaults)
{
    /// <summary>The catalog id, such as <c>cache</c>.</summary>
    public string Id => Kind.Id;
}
