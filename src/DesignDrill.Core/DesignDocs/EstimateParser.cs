using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>Reads <c>name = expression [≈ stated] [# comment]</c> lines; other lines are prose.</summary>
internal static class EstimateParser
{
    public static List<EstimateLine> Parse(IEnumerable<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        var result = new List<EstimateLine>();
        foreach (var line in lines)
        {
            if (Read(line, diagnostics) is { } estimate)
            {
                result.Add(estimate);
            }
        }

        return result;
    }

    internal static EstimateLine? Read(SourceLine line, List<Diagnostic> diagnostics)
    {
        var text = LineText.Mask(line.Text, emphasis: false);
        var start = LineText.ContentStart(text);
        var nameEnd = LineText.ReadName(text, start, text.Length, allowHyphen: false);
        var eq = LineText.SkipSpace(text, nameEnd, text.Length);
        if (nameEnd == start || !IsAssignment(text, eq))
        {
            ReportInvalidName(line, text, start, diagnostics);
            return null;
        }

        var commentStart = LineText.CommentStart(text, eq + 1, text.Length);
        var firstExpressionChar = LineText.SkipSpace(text, eq + 1, commentStart);
        var (markerStart, markerLength) = FindStatedMarker(text, Math.Min(commentStart, firstExpressionChar + 1), commentStart);
        var expressionEnd = markerStart >= 0 ? markerStart : commentStart;
        var (es, ee) = LineText.Trim(text, eq + 1, expressionEnd);
        var nameSpan = LineText.Span(line.Line, start, nameEnd);
        if (es >= ee)
        {
            diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.EstimateMissingExpression, LineText.Span(line.Line, eq, eq + 1), $"Estimate '{text[start..nameEnd]}' has no expression after '='.", $"Write '{text[start..nameEnd]} = expression', such as 'dau = 100M'."));
            return null;
        }

        string? stated = null;
        SourceSpan statedSpan = default;
        if (markerStart >= 0)
        {
            var (ss, se) = LineText.Trim(text, markerStart + markerLength, commentStart);
            if (ss < se)
            {
                stated = text[ss..se];
                statedSpan = LineText.Span(line.Line, ss, se);
            }
            else
            {
                diagnostics.Add(new Diagnostic(Severity.Error, DocDiagnosticCodes.EstimateMissingStated, LineText.Span(line.Line, markerStart, markerStart + markerLength), "'≈' is not followed by a stated value.", "Write the value you expect after it, such as '≈ 1.2K/s', or remove the '≈'."));
            }
        }

        string? comment = null;
        if (commentStart < text.Length)
        {
            var skip = text[commentStart] == '#' ? 1 : 2;
            var (cs, ce) = LineText.Trim(text, commentStart + skip, text.Length);
            comment = cs < ce ? text[cs..ce] : null;
        }

        return new EstimateLine(text[start..nameEnd], nameSpan, text[es..ee], LineText.Span(line.Line, es, ee), stated, statedSpan, line.Line, comment);
    }

    private static bool IsAssignment(string text, int eq) =>
        eq < text.Length && text[eq] == '=' && (eq + 1 == text.Length || text[eq + 1] is not ('=' or '>'));

    /// <summary>Finds the first '≈', '~=' or '~' in the range.</summary>
    private static (int Index, int Length) FindStatedMarker(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (text[i] == '≈')
            {
                return (i, 1);
            }

            if (text[i] == '~')
            {
                return i + 1 < end && text[i + 1] == '=' ? (i, 2) : (i, 1);
            }
        }

        return (-1, 0);
    }

    /// <summary>"Peak QPS = 3 x average": a definition whose name has spaces; reported so the author can fix it.</summary>
    private static void ReportInvalidName(SourceLine line, string text, int start, List<Diagnostic> diagnostics)
    {
        var eq = text.IndexOf('=', start);
        if (eq <= start || eq - start > 40 || (eq + 1 < text.Length && text[eq + 1] is '=' or '>') || text[eq - 1] is '<' or '>' or '!' or '~')
        {
            return;
        }

        var (ls, le) = LineText.Trim(text, start, eq);
        if (ls >= le)
        {
            return;
        }

        for (var i = ls; i < le; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || text[i] is ' ' or '_' or '-' or '\t'))
            {
                return;
            }
        }

        var words = text[ls..le].Split([' ', '\t', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5 || !LineText.IsIdentStart(words[0][0]))
        {
            return;
        }

        var suggestion = string.Join('_', words).ToLowerInvariant();
        diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.EstimateNameInvalid, LineText.Span(line.Line, ls, le), $"'{text[ls..le]}' looks like an estimate, but a name must be one word; the line is read as prose.", $"Write '{suggestion} = ...'."));
    }
}
