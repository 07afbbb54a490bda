using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>Reads <c>METHOD /path [{request fields}] [-> response]</c> lines; other lines are prose.</summary>
internal static class ApiParser
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    public static List<ApiEndpoint> Parse(IEnumerable<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        var result = new List<ApiEndpoint>();
        foreach (var line in lines)
        {
            if (Read(line, diagnostics) is { } endpoint)
            {
                result.Add(endpoint);
            }
        }

        return result;
    }

    internal static ApiEndpoint? Read(SourceLine line, List<Diagnostic> diagnostics)
    {
        var text = LineText.Mask(line.Text, emphasis: true);
        var start = LineText.ContentStart(text);
        var end = LineText.CommentStart(text, start, text.Length);
        (start, end) = LineText.Trim(text, start, end);
        var methodEnd = LineText.ReadName(text, start, end, allowHyphen: false);
        var method = Methods.FirstOrDefault(m => methodEnd - start == m.Length && string.Compare(text, start, m, 0, m.Length, StringComparison.OrdinalIgnoreCase) == 0);
        if (method is null || methodEnd == end || text[methodEnd] is not (' ' or '\t'))
        {
            return null;
        }

        var pathStart = LineText.SkipSpace(text, methodEnd, end);
        var pathEnd = pathStart;
        while (pathEnd < end && !char.IsWhiteSpace(text[pathEnd]) && !ArrowAt(text, pathEnd, end, out _))
        {
            if (text[pathEnd] == '{')
            {
                var close = LineText.MatchBracket(text, pathEnd, end);
                if (close < 0)
                {
                    break;
                }

                pathEnd = close;
            }

            pathEnd++;
        }

        if (pathStart >= end || text[pathStart] != '/')
        {
            var methodIsUpper = string.CompareOrdinal(text, start, method, 0, method.Length) == 0;
            var token = LineText.Slice(text, pathStart, pathEnd);
            if (methodIsUpper && token.Length > 0 && (token.Contains('/') || token.Contains('{')))
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.ApiPathInvalid, LineText.Span(line.Line, pathStart, pathEnd), $"The path '{token}' does not start with '/'; the line is read as prose.", $"Write '{method} /{token.TrimStart('/')}'."));
            }

            return null;
        }

        var rawPath = text[pathStart..pathEnd];
        var query = rawPath.IndexOf('?');
        var path = query >= 0 ? rawPath[..query] : rawPath;
        var queryParameters = query >= 0 ? QueryNames(rawPath[(query + 1)..]) : [];
        var requestFields = new List<ApiField>();
        var responseFields = new List<ApiField>();
        string? responseText = null;
        var i = LineText.SkipSpace(text, pathEnd, end);
        if (i < end && text[i] is '{' or '(')
        {
            var close = LineText.MatchBracket(text, i, end);
            if (close < 0)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.UnbalancedBrackets, LineText.Span(line.Line, i, i + 1), "The request body has no closing bracket.", $"Close it with '{(text[i] == '{' ? '}' : ')')}'."));
                close = end;
            }

            requestFields = Fields(text, i + 1, close, line.Line);
            i = LineText.SkipSpace(text, Math.Min(end, close + 1), end);
        }

        var arrow = i;
        while (arrow < end && !ArrowAt(text, arrow, end, out _))
        {
            arrow++;
        }

        if (arrow < end && ArrowAt(text, arrow, end, out var arrowLength))
        {
            var (rs, re) = LineText.Trim(text, arrow + arrowLength, end);
            if (rs < re)
            {
                responseText = text[rs..re];
                var brace = text.IndexOf('{', rs, re - rs);
                if (brace >= 0)
                {
                    var close = LineText.MatchBracket(text, brace, re);
                    responseFields = Fields(text, brace + 1, close < 0 ? re : close, line.Line);
                }
            }
        }

        return new ApiEndpoint(method, path, LineText.Span(line.Line, pathStart, pathEnd), PathNames(path), queryParameters, requestFields, responseFields, responseText, LineText.Span(line.Line, start, end));
    }

    private static bool ArrowAt(string text, int i, int end, out int length)
    {
        length = 0;
        if (text[i] == '→')
        {
            length = 1;
        }
        else if (i + 1 < end && text[i] is '-' or '=' && text[i + 1] == '>')
        {
            length = 2;
        }

        return length > 0;
    }

    private static List<ApiField> Fields(string text, int start, int end, int line)
    {
        var fields = new List<ApiField>();
        foreach (var (s, e) in LineText.SplitList(text, start, end))
        {
            if (s >= e)
            {
                continue;
            }

            var nameEnd = s;
            while (nameEnd < e && (LineText.IsIdentPart(text[nameEnd]) || text[nameEnd] is '-' or '.' or '"' or '\''))
            {
                nameEnd++;
            }

            if (nameEnd == s)
            {
                continue;
            }

            var name = text[s..nameEnd].Trim('"', '\'');
            var i = nameEnd;
            var optional = false;
            if (i < e && text[i] == '?')
            {
                optional = true;
                i++;
            }

            string? type = null;
            var j = LineText.SkipSpace(text, i, e);
            if (j < e && text[j] == ':')
            {
                var (ts, te) = LineText.Trim(text, j + 1, e);
                type = ts < te ? text[ts..te] : null;
            }
            else if (j < e)
            {
                var (ts, te) = LineText.Trim(text, j, e);
                type = ts < te ? text[ts..te] : null;
            }

            fields.Add(new ApiField(name, optional, type, LineText.Span(line, s, e)));
        }

        return fields;
    }

    private static List<string> PathNames(string path)
    {
        var names = new List<string>();
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.Length > 2 && segment[0] is '{' or '<' && segment[^1] is '}' or '>')
            {
                names.Add(segment[1..^1]);
            }
            else if (segment.Length > 1 && segment[0] == ':')
            {
                names.Add(segment[1..]);
            }
        }

        return names;
    }

    private static List<string> QueryNames(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=')[0])
            .Where(n => n.Length > 0)
            .ToList();
}
