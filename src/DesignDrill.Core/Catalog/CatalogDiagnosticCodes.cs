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
}
