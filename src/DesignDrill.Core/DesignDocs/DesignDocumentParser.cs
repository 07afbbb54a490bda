using DesignDrill.Core.Architecture;
using DesignDrill.Core.Catalog;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// Reads a design document (Markdown with optional YAML front matter, format in docs/design-format.md) into a
/// <see cref="DesignDocument"/>. Never throws for any input: problems become diagnostics (codes <c>DOC0xx</c>) with
/// exact 1-based lines and columns in the original text. Linear in the size of the input.
/// </summary>
/// <remarks>
/// The Markdown skeleton (headings, fenced and indented code blocks, at any depth of lists and quotes) is recognised
/// by Markdig's CommonMark block parser on the body after the front matter; its character offsets are mapped back to
/// this parser's own line table, so positions are exact in the original text whatever the line endings. Line ends
/// are <c>\r\n</c>, <c>\n</c> or <c>\r</c>; a leading byte-order mark is not counted as a column.
/// </remarks>
public static partial class DesignDocumentParser
{
    /// <summary>Lines longer than this (4,096 characters; rule of thumb, 30x a long hand-written line) are kept as free text and not analysed.</summary>
    public const int MaxAnalysedLineLength = 4096;

    /// <summary>Parses a document with the shipped <see cref="ComponentCatalog.Default"/> catalog.</summary>
    /// <param name="text">The whole document; <see langword="null"/> is read as empty.</param>
    /// <returns>The model and its diagnostics.</returns>
    public static DesignDocument Parse(string text) => Parse(text, ComponentCatalog.Default);

    /// <summary>Parses a document, resolving component kinds through <paramref name="catalog"/>.</summary>
    /// <param name="text">The whole document; <see langword="null"/> is read as empty.</param>
    /// <param name="catalog">The component catalog.</param>
    /// <returns>The model and its diagnostics.</returns>
    public static DesignDocument Parse(string? text, ComponentCatalog catalog)
    {
        var lines = SplitLines(text ?? "");
        try
        {
            return new DocumentReader(lines, catalog ?? ComponentCatalog.Empty).Read();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var diagnostic = new Diagnostic(Severity.Error, DocDiagnosticCodes.InternalError, SourceSpan.None, $"The document could not be read completely: {ex.GetType().Name}.", "Please report this document as a bug.");
            return new DesignDocument(null, null, SourceSpan.None, [], [], [], Requirements.Empty, [], [], [], ArchitectureModel.Empty, [diagnostic], lines.Count);
        }
    }

    /// <summary>Splits text at \r\n, \n and \r; drops a leading byte-order mark. An empty text has one empty line.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                lines.Add(text[start..i]);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        lines.Add(text[start..]);
        return lines;
    }
}
