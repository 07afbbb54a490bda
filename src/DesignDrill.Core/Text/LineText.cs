using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Text;

/// <summary>Column-preserving helpers for scanning one line of a document. Indexes are 0-based; spans 1-based.</summary>
internal static class LineText
{
    /// <summary>Replaces backticks (and, when asked, <c>**</c>/<c>__</c> emphasis) with spaces so columns stay exact.</summary>
    public static string Mask(string text, bool emphasis)
    {
        if (text.IndexOf('`') < 0 && (!emphasis || (!text.Contains("**", StringComparison.Ordinal) && !text.Contains("__", StringComparison.Ordinal))))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] == '`')
            {
                chars[i] = ' ';
            }
            else if (emphasis && i + 1 < chars.Length && chars[i] == '*' && chars[i + 1] == '*')
            {
                chars[i] = ' ';
                chars[i + 1] = ' ';
                i++;
            }
        }

        return new string(chars);
    }

    /// <summary>Index of the first character after indentation, a list marker (<c>-</c>, <c>*</c>, <c>+</c>, <c>1.</c>, <c>1)</c>), a task box and a quote mark.</summary>
    public static int ContentStart(string s)
    {
        var i = SkipSpace(s, 0, s.Length);
        if (i < s.Length && s[i] == '>')
        {
            i = SkipSpace(s, i + 1, s.Length);
        }

        if (i + 1 < s.Length && s[i] is '-' or '*' or '+' && s[i + 1] is ' ' or '\t')
        {
            i = SkipSpace(s, i + 1, s.Length);
        }
        else
        {
            var j = i;
            while (j < s.Length && j - i < 9 && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j > i && j + 1 < s.Length && s[j] is '.' or ')' && s[j + 1] is ' ' or '\t')
            {
                i = SkipSpace(s, j + 1, s.Length);
            }
        }

        if (i + 2 < s.Length && s[i] == '[' && s[i + 2] == ']' && s[i + 1] is ' ' or 'x' or 'X')
        {
            i = SkipSpace(s, i + 3, s.Length);
        }

        return i;
    }

    public static int SkipSpace(string s, int i, int end)
    {
        while (i < end && s[i] is ' ' or '\t' or '\u00A0')
        {
            i++;
        }

        return i;
    }

    /// <summary>Trims white space from both ends of <c>[start, end)</c>.</summary>
    public static (int Start, int End) Trim(string s, int start, int end)
    {
        start = SkipSpace(s, start, end);
        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>Index where a trailing comment starts (<c>#</c> or <c>//</c> after white space, or at <paramref name="start"/>), else <paramref name="end"/>.</summary>
    public static int CommentStart(string s, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c != '#' && c != '/')
            {
                continue;
            }

            var afterSpace = i == start || s[i - 1] is ' ' or '\t';
            if (!afterSpace)
            {
                continue;
            }

            if (c == '#' && (i + 1 == end || s[i + 1] is ' ' or '\t' or '#'))
            {
                return i;
            }

            if (c == '/' && i + 1 < end && s[i + 1] == '/')
            {
                return i;
            }
        }

        return end;
    }

    public static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_';

    public static bool IsIdentPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>Reads a name: a letter or '_' then letters, digits, '_' and inner '-' (a '-' followed by a letter or digit).</summary>
    public static int ReadName(string s, int i, int end, bool allowHyphen)
    {
        if (i >= end || !IsIdentStart(s[i]))
        {
            return i;
        }

        i++;
        while (i < end && (IsIdentPart(s[i]) || (allowHyphen && s[i] == '-' && i + 1 < end && IsIdentPart(s[i + 1]))))
        {
            i++;
        }

        return i;
    }

    /// <summary>True when <paramref name="word"/> starts at <paramref name="i"/> (ignoring case) and ends at a non-name character.</summary>
    public static bool WordAt(string s, int i, int end, string word)
    {
        if (i < 0 || i + word.Length > end || string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        return i + word.Length == end || !IsIdentPart(s[i + word.Length]);
    }

    /// <summary>Splits <c>[start, end)</c> at commas and semicolons outside brackets; a comma between two digits (1,200) does not split. Each part is trimmed.</summary>
    public static List<(int Start, int End)> SplitList(string s, int start, int end)
    {
        var parts = new List<(int, int)>();
        var depth = 0;
        var partStart = start;
        for (var i = start; i < end; i++)
        {
            var c = s[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && (c == ';' || (c == ',' && !(i > start && i + 1 < end && char.IsAsciiDigit(s[i - 1]) && char.IsAsciiDigit(s[i + 1])))))
            {
                parts.Add(Trim(s, partStart, i));
                partStart = i + 1;
            }
        }

        parts.Add(Trim(s, partStart, end));
        return parts;
    }

    /// <summary>Index of the bracket that closes the one at <paramref name="open"/>, or -1.</summary>
    public static int MatchBracket(string s, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (s[i] is '(' or '[' or '{')
            {
                depth++;
            }
            else if (s[i] is ')' or ']' or '}')
            {
                depth--;
                if (depth == 0)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>The 1-based span of <c>[start, end)</c> on <paramref name="line"/>.</summary>
    public static SourceSpan Span(int line, int start, int end) => new(line, start + 1, Math.Max(start, end) + 1);

    public static string Slice(string s, int start, int end) => s.Substring(start, Math.Max(0, end - start));
}
