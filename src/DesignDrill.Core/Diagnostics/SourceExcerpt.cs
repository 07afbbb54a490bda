using System.Text;

namespace DesignDrill.Core.Diagnostics;

/// <summary>
/// Renders the source line a span points at, with a caret line under the span, as plain text:
/// <code>
///   23 | write_rate = new_urls        ≈ 1.2K/s
///      |                                ^^^^^^
/// </code>
/// Used by every text front end so the same input shows the same excerpt everywhere.
/// </summary>
public static class SourceExcerpt
{
    /// <summary>Longest part of a line shown, in characters; longer lines are cut around the span (rule of thumb for terminal width).</summary>
    public const int MaxShownColumns = 100;

    /// <summary>Splits a text into lines the way the parsers count them (LF, CRLF or CR end a line).</summary>
    /// <param name="text">Any text; <see langword="null"/> is treated as empty.</param>
    /// <returns>The lines without their terminators; an empty text gives one empty line.</returns>
    public static string[] SplitLines(string? text) =>
        (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    /// <summary>Renders the excerpt for <paramref name="span"/>, or an empty string when the span has no location or is past the end.</summary>
    /// <param name="lines">The document's lines (see <see cref="SplitLines"/>).</param>
    /// <param name="span">1-based span; an empty span gets a single caret.</param>
    /// <param name="indent">Spaces written before each line of the excerpt.</param>
    /// <returns>Two lines (source and carets), each ending in a newline; or <c>""</c>.</returns>
    public static string Render(IReadOnlyList<string> lines, SourceSpan span, int indent = 2)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (!span.HasLocation || span.Line > lines.Count)
        {
            return "";
        }

        var line = Sanitize(lines[span.Line - 1]);
        var start = Math.Clamp(span.Column - 1, 0, line.Length);
        var end = Math.Clamp(span.EndColumn - 1, start, line.Length);
        var offset = 0;
        if (line.Length > MaxShownColumns)
        {
            offset = Math.Max(0, Math.Min(start - (MaxShownColumns / 4), line.Length - MaxShownColumns));
            line = line.Substring(offset, Math.Min(MaxShownColumns, line.Length - offset));
            start -= offset;
            end = Math.Min(end - offset, line.Length);
        }

        var number = span.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pad = new string(' ', indent);
        var gutter = new string(' ', number.Length);
        var carets = Math.Max(1, end - start);
        var builder = new StringBuilder();
        builder.Append(pad).Append(number).Append(" | ").Append(line).Append('\n');
        builder.Append(pad).Append(gutter).Append(" | ").Append(' ', start).Append('^', carets).Append('\n');
        return builder.ToString();
    }

    /// <summary>Replaces tabs and control characters by single spaces so caret columns line up with the text.</summary>
    private static string Sanitize(string line)
    {
        var chars = line.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
