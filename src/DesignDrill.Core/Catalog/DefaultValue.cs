namespace DesignDrill.Core.Catalog;

/// <summary>
/// One default figure and where it comes from, so a report can say "capacity 100K/s (catalog: redis, source: ...)".
/// </summary>
/// <param name="Field">Which figure this is.</param>
/// <param name="Value">
/// The figure in the model's unit (see <see cref="DefaultField"/>: per second, seconds, bytes, US dollars, fractions);
/// <see langword="null"/> when the catalog states explicitly that the figure does not apply (written <c>n/a</c>, such
/// as the capacity of a client).
/// </param>
/// <param name="Source">Where the figure comes from: vendor documentation, a published benchmark, or "rule of thumb".</param>
/// <param name="From">The catalog entry that gave it: <c>kind:cache</c> or <c>technology:redis</c> (or <c>design</c> for an override).</param>
public sealed record DefaultValue(DefaultField Field, double? Value, string Source, string From)
{
    /// <summary>True when the catalog says this figure does not apply to the component (<c>n/a</c>).</summary>
    public bool IsNotApplicable => Value is null;

    /// <summary>The <see cref="From"/> text of a kind entry: <c>kind:</c> and the id.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Such as <c>kind:cache</c>.</returns>
    public static string FromKind(ComponentKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return "kind:" + kind.Id;
    }

    /// <summary>The <see cref="From"/> text of a technology entry: <c>technology:</c> and the id.</summary>
    /// <param name="technologyId">The technology's catalog id.</param>
    /// <returns>Such as <c>technology:redis</c>.</returns>
    public static string FromTechnology(string technologyId) => "technology:" + technologyId;
}
