namespace DesignDrill.Core.Catalog;

/// <summary>Diagnostic codes reported by <see cref="ComponentCatalog.Load(string)"/>; documented in docs/design-format.md.</summary>
public static class CatalogDiagnosticCodes
{
    /// <summary>Error: the catalog is not valid YAML (or uses anchors/aliases, or is too large).</summary>
    public const string YamlSyntax = "CAT001";

    /// <summary>Error: a value has the wrong shape (a list where a mapping is expected, an empty text, ...).</summary>
    public const string WrongShape = "CAT002";

    /// <summary>Error: a required field (id, category, description, kind) is missing.</summary>
    public const string MissingField = "CAT003";

    /// <summary>Error: a value is not allowed (bad id, unknown category, a non-boolean 'stateful').</summary>
    public const string InvalidValue = "CAT004";

    /// <summary>Error: an id or alias is used twice across kinds and technologies, or a key is repeated.</summary>
    public const string Duplicate = "CAT005";

    /// <summary>Error: a technology names a kind the catalog does not declare.</summary>
    public const string UnknownKind = "CAT006";

    /// <summary>Warning: a key the schema does not know; it is ignored.</summary>
    public const string UnknownKey = "CAT007";

    /// <summary>Error: a default figure is not a number, not finite, out of its range, or a p99 below its mean; the figure is left out.</summary>
    public const string InvalidFigure = "CAT008";

    /// <summary>Error: a default figure names no source (neither <c>source: text</c> nor a <c>source:</c> entry for it); the figure is left out.</summary>
    public const string MissingSource = "CAT009";

    /// <summary>Warning: a <c>source:</c> entry names a figure the entry does not give, or <c>source:</c> is given without <c>defaults:</c>.</summary>
    public const string UnusedSource = "CAT010";
}
