namespace DesignDrill.Core.Catalog;

/// <summary>
/// Diagnostic codes reported by <see cref="PromptCatalog"/> (<c>PRM</c>) and <see cref="TopicCatalog"/> (<c>TOP</c>);
/// documented in docs/prompt-format.md.
/// </summary>
public static class PromptCatalogDiagnosticCodes
{
    /// <summary>Error: the file is not valid YAML (or uses anchors/aliases, or is too large), or cannot be read.</summary>
    public const string YamlSyntax = "PRM001";

    /// <summary>Error: a value has the wrong shape (a list where a text is expected, an empty text, ...).</summary>
    public const string WrongShape = "PRM002";

    /// <summary>Error: a required field is missing.</summary>
    public const string MissingField = "PRM003";

    /// <summary>Error: a value is not allowed (a bad id, an unknown difficulty or level).</summary>
    public const string InvalidValue = "PRM004";

    /// <summary>Error: a prompt id is used by two files, or a key, level or change name is repeated.</summary>
    public const string Duplicate = "PRM005";

    /// <summary>Error: a fact names a topic that <c>catalog/topics.yaml</c> does not declare.</summary>
    public const string UnknownTopic = "PRM006";

    /// <summary>Warning: a key the schema does not know; it is ignored.</summary>
    public const string UnknownKey = "PRM007";

    /// <summary>Error: the reference design is missing, unreadable, or outside the prompt directory.</summary>
    public const string ReferenceDesignMissing = "PRM008";

    /// <summary>Warning: the prompt's id differs from its file name.</summary>
    public const string IdFileNameMismatch = "PRM009";

    /// <summary>Error: a constraint change's <c>change:</c> is not in the documented vocabulary.</summary>
    public const string InvalidChange = "PRM010";

    /// <summary>Error: the prompt directory does not exist or holds no <c>*.yaml</c> file.</summary>
    public const string NoPrompts = "PRM011";

    /// <summary>Error: the topics file is not valid YAML, or a value has the wrong shape.</summary>
    public const string TopicsSyntax = "TOP001";

    /// <summary>Error: a topic entry has no id or description, or a bad id.</summary>
    public const string TopicInvalid = "TOP002";

    /// <summary>Error: two topics share an id.</summary>
    public const string TopicDuplicate = "TOP003";

    /// <summary>Warning: a key the topics schema does not know; it is ignored.</summary>
    public const string TopicUnknownKey = "TOP004";

    /// <summary>Error: a keyword is not a single word, or a phrase has fewer than two words.</summary>
    public const string TopicSynonymInvalid = "TOP005";
}
