using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Catalog;

/// <summary>The outcome of <see cref="ComponentCatalog.Load(string)"/>: the catalog built from every valid entry, and the problems found.</summary>
/// <param name="Catalog">The catalog; entries with errors are left out, so it is usable even when <see cref="HasErrors"/> is true.</param>
/// <param name="Diagnostics">Problems found, in file order; codes <c>CAT001</c>–<c>CAT010</c>.</param>
public sealed record CatalogLoadResult(ComponentCatalog Catalog, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
