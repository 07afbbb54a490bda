namespace DesignDrill.Core.DesignDocs;

/// <summary>What a line of a section body is, as far as the Markdown skeleton goes.</summary>
public enum LineRole
{
    /// <summary>Ordinary text: prose, list items, blank lines.</summary>
    Text,

    /// <summary>A heading inside the section (H3 and deeper), or another line of a heading (a setext underline, the rest of a multi-line setext title).</summary>
    Heading,

    /// <summary>The opening or closing line of a fenced code block (<c>```</c> or <c>~~~</c>).</summary>
    Fence,

    /// <summary>A line inside a fenced code block, or of an indented code block (CommonMark's four-space indentation).</summary>
    Code,
}

/// <summary>
/// One line of the original document, kept verbatim so later rules can point at free text. Column 1 of
/// <see cref="Text"/> is column 1 of the line in the original document (a leading byte-order mark is not counted).
/// </summary>
/// <param name="Line">1-based line number in the original document.</param>
/// <param name="Text">The line without its line ending.</param>
/// <param name="Role">Whether the line is text, a heading, a fence marker or code.</param>
/// <param name="CodeLanguage">For <see cref="LineRole.Code"/> and <see cref="LineRole.Fence"/> lines of a fenced block, the fence's info word (such as <c>mermaid</c>, or empty), else <see langword="null"/>.</param>
public sealed record SourceLine(int Line, string Text, LineRole Role = LineRole.Text, string? CodeLanguage = null)
{
    /// <summary>True when the line is empty or only white space.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
