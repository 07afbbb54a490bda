using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>Reads <c>name(field, field, ...) [in store]</c> lines; other lines are prose.</summary>
internal static class EntityParser
{
    public static List<Entity> Parse(IEnumerable<SourceLine> lines, List<Diagnostic> diagnostics)
    {
        var result = new List<Entity>();
        foreach (var line in lines)
        {
            if (Read(line, diagnostics) is { } entity)
            {
                result.Add(entity);
            }
        }

        return result;
    }

    internal static Entity? Read(SourceLine line, List<Diagnostic> diagnostics)
    {
        var text = LineText.Mask(line.Text, emphasis: true);
        var start = LineText.ContentStart(text);
        var end = LineText.CommentStart(text, start, text.Length);
        (start, end) = LineText.Trim(text, start, end);
        var nameEnd = LineText.ReadName(text, start, end, allowHyphen: true);
        if (nameEnd == start)
        {
            return null;
        }

        var open = LineText.SkipSpace(text, nameEnd, end);
        if (open >= end || text[open] is not ('(' or '{'))
        {
            return null;
        }

        var close = LineText.MatchBracket(text, open, end);
        if (close < 0)
        {
            if (open == nameEnd)
            {
                diagnostics.Add(new Diagnostic(Severity.Warning, DocDiagnosticCodes.UnbalancedBrackets, LineText.Span(line.Line, open, open + 1), $"The field list of '{text[start..nameEnd]}' has no closing bracket; the line is read as prose.", "Write 'name(field, field) in store'."));
            }

            return null;
        }

        var rest = LineText.SkipSpace(text, close + 1, end);
        string? store = null;
        SourceSpan storeSpan = default;
        if (rest < end)
        {
            var keyword = LineText.WordAt(text, rest, end, "in") ? rest + 2
                : LineText.WordAt(text, rest, end, "stored") && LineText.WordAt(text, LineText.SkipSpace(text, rest + 6, end), end, "in") ? LineText.SkipSpace(text, rest + 6, end) + 2
                : -1;
            if (keyword > 0)
            {
                var storeStart = LineText.SkipSpace(text, keyword, end);
                var storeEnd = LineText.ReadName(text, storeStart, end, allowHyphen: true);
                if (storeEnd > storeStart)
                {
                    store = text[storeStart..storeEnd];
                    storeSpan = LineText.Span(line.Line, storeStart, storeEnd);
                    end = storeEnd;
                }
            }
            else if (text[rest] is not ('-' or '—' or '–' or ':' or ','))
            {
                return null;
            }
            else
            {
                end = close + 1;
            }
        }

        var fields = new List<EntityField>();
        foreach (var (s, e) in LineText.SplitList(text, open + 1, close))
        {
            if (Field(text, s, e, line.Line) is { } field)
            {
                fields.Add(field);
            }
        }

        return new Entity(text[start..nameEnd], fields, store, LineText.Span(line.Line, start, end), storeSpan, LineText.Span(line.Line, start, nameEnd));
    }

    private static EntityField? Field(string text, int s, int e, int line)
    {
        var nameEnd = LineText.ReadName(text, s, e, allowHyphen: true);
        if (nameEnd == s)
        {
            return null;
        }

        var i = LineText.SkipSpace(text, nameEnd, e);
        if (i < e && text[i] == ':')
        {
            i++;
        }

        var words = text[i..e].Replace('(', ' ').Replace(')', ' ').Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        bool pk = false, partition = false, sort = false;
        var marks = new List<string>();
        var typeWords = new List<string>();
        for (var w = 0; w < words.Length; w++)
        {
            var word = words[w].ToUpperInvariant();
            var next = w + 1 < words.Length ? words[w + 1].ToUpperInvariant() : "";
            switch (word)
            {
                case "PK":
                    pk = true;
                    break;
                case "PRIMARY" when next == "KEY":
                    pk = true;
                    w++;
                    break;
                case "PARTITION" or "PARTITION_KEY" or "PARTITIONKEY" or "SHARD" or "SHARD_KEY" or "HASH":
                    partition = true;
                    w += next == "KEY" ? 1 : 0;
                    break;
                case "SORT" or "SORT_KEY" or "CLUSTERING" or "CLUSTERING_KEY" or "RANGE" or "CK":
                    sort = true;
                    w += next == "KEY" ? 1 : 0;
                    break;
                case "FK" or "UNIQUE" or "INDEX" or "INDEXED" or "NOT" or "NULL" or "NULLABLE":
                    marks.Add(word);
                    break;
                case "FOREIGN" when next == "KEY":
                    marks.Add("FK");
                    w++;
                    break;
                default:
                    typeWords.Add(words[w]);
                    break;
            }
        }

        var type = typeWords.Count > 0 ? string.Join(' ', typeWords) : null;
        return new EntityField(text[s..nameEnd], type, pk, partition, LineText.Span(line, s, e), sort, marks);
    }
}
