namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// Diagnostic codes reported by <see cref="DesignDocumentParser"/>. The table in docs/design-format.md gives the
/// severity, an example and the hint for each. Codes are grouped: 00x front matter and skeleton, 02x estimates,
/// 025–029 API and data model, 03x components, 04x flows.
/// </summary>
public static class DocDiagnosticCodes
{
    /// <summary>Error: front matter opened with <c>---</c> on line 1 is never closed.</summary>
    public const string FrontMatterNotClosed = "DOC001";

    /// <summary>Error: the front matter is not valid YAML.</summary>
    public const string FrontMatterSyntax = "DOC002";

    /// <summary>Warning: a front-matter key other than prompt, level and conventions.</summary>
    public const string FrontMatterUnknownKey = "DOC003";

    /// <summary>Warning: a level other than mid, senior or staff.</summary>
    public const string UnknownLevel = "DOC004";

    /// <summary>Warning: a front-matter value has the wrong shape (a list for prompt, a scalar for conventions, ...).</summary>
    public const string FrontMatterWrongShape = "DOC005";

    /// <summary>Error: the front matter is too large, too deeply nested or uses anchors and aliases.</summary>
    public const string FrontMatterTooComplex = "DOC006";

    /// <summary>Error: quotes or lists are nested more than 128 levels deep (Markdig's limit); the document's structure is not read.</summary>
    public const string TooDeeplyNested = "DOC007";

    /// <summary>Warning: a recognised section appears twice.</summary>
    public const string DuplicateSection = "DOC008";

    /// <summary>Info: a section title is not recognised; the section is kept as free text.</summary>
    public const string UnknownSection = "DOC009";

    /// <summary>Warning: a fenced code block has no closing fence; it runs to the end of the document, or of the list item or quote that holds it.</summary>
    public const string UnclosedFence = "DOC010";

    /// <summary>Warning: a second H1 heading; it is read as a section.</summary>
    public const string ExtraTitle = "DOC011";

    /// <summary>Info: a line is too long to analyse; it is kept as free text.</summary>
    public const string LineTooLong = "DOC012";

    /// <summary>Error: the parser hit an internal problem; the document is returned as far as it was read.</summary>
    public const string InternalError = "DOC013";

    /// <summary>Warning: a line in Estimates looks like a definition but its name is not a single word.</summary>
    public const string EstimateNameInvalid = "DOC020";

    /// <summary>Error: an estimate has no expression after <c>=</c>.</summary>
    public const string EstimateMissingExpression = "DOC021";

    /// <summary>Error: an estimate has <c>≈</c> or <c>~</c> but no stated value after it.</summary>
    public const string EstimateMissingStated = "DOC022";

    /// <summary>Warning: an API line has a method but its path does not start with <c>/</c>.</summary>
    public const string ApiPathInvalid = "DOC025";

    /// <summary>Warning: an API body or an entity's field list has no closing bracket.</summary>
    public const string UnbalancedBrackets = "DOC026";

    /// <summary>Warning: the same method and path are declared twice.</summary>
    public const string DuplicateEndpoint = "DOC027";

    /// <summary>Warning: the same entity name is declared twice.</summary>
    public const string DuplicateEntity = "DOC028";

    /// <summary>Warning: a component's kind is neither a known kind nor a known technology.</summary>
    public const string UnknownComponentKind = "DOC030";

    /// <summary>Error: two components have the same name.</summary>
    public const string DuplicateComponent = "DOC031";

    /// <summary>Error: a replica count is zero or too large.</summary>
    public const string InvalidReplicas = "DOC032";

    /// <summary>Warning: an empty setting between commas.</summary>
    public const string EmptySetting = "DOC033";

    /// <summary>Error: a flow has a path but no colon between header and path.</summary>
    public const string FlowMissingColon = "DOC040";

    /// <summary>Error: a flow has no path after the colon.</summary>
    public const string FlowMissingPath = "DOC041";

    /// <summary>Error: an arrow with no step on one side (dangling or doubled arrow).</summary>
    public const string FlowEmptyStep = "DOC042";

    /// <summary>Error: <c>at</c> without a rate or <c>after</c> without a flow name.</summary>
    public const string FlowMissingRate = "DOC043";

    /// <summary>Warning: a flow with neither <c>at RATE</c> nor <c>after FLOW</c>; its load is unknown.</summary>
    public const string FlowWithoutRate = "DOC044";

    /// <summary>Error: unexpected text in a flow step.</summary>
    public const string FlowStepInvalid = "DOC045";

    /// <summary>Error: two flows have the same name.</summary>
    public const string DuplicateFlow = "DOC046";

    /// <summary>Error: <c>on miss</c> on the first step, which has no cache before it.</summary>
    public const string FlowOnMissFirst = "DOC047";

    /// <summary>Error: a flow header that is not <c>flow NAME at RATE</c> or <c>flow NAME after FLOW</c>.</summary>
    public const string FlowHeaderInvalid = "DOC048";
}
