using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.DesignDocs;

/// <summary>Reads the Clarifying questions section: one question per line or list item, with optional answers.</summary>
internal static class QuestionParser
{
    public static List<ClarifyingQuestion> Parse(IEnumerable<SourceLine> lines)
    {
        var questions = new List<ClarifyingQuestion>();
        foreach (var line in lines)
        {
            var text = LineText.Mask(line.Text, emphasis: true);
            var start = LineText.ContentStart(text);
            var (s, e) = LineText.Trim(text, start, text.Length);
            if (s >= e || text[s] == '|')
            {
                continue;
            }

            var answerPrefix = Prefix(text, s, e, "a:", "answer:", "a -", "→", "->");
            if (answerPrefix > 0 && questions.Count > 0 && questions[^1].Answer is null)
            {
                var (a, b) = LineText.Trim(text, answerPrefix, e);
                if (a < b)
                {
                    questions[^1] = questions[^1] with { Answer = text[a..b], AnswerSpan = LineText.Span(line.Line, a, b) };
                }

                continue;
            }

            var questionPrefix = Prefix(text, s, e, "q:", "question:");
            if (questionPrefix > 0)
            {
                (s, e) = LineText.Trim(text, questionPrefix, e);
            }

            var (separator, separatorLength) = FindAnswer(text, s, e);
            if (separator >= 0)
            {
                var (qs, qe) = LineText.Trim(text, s, separator);
                var (a, b) = LineText.Trim(text, separator + separatorLength, e);
                if (qs < qe)
                {
                    questions.Add(new ClarifyingQuestion(text[qs..qe], LineText.Span(line.Line, qs, qe), a < b ? text[a..b] : null, a < b ? LineText.Span(line.Line, a, b) : SourceSpan.None));
                    continue;
                }
            }

            if (s < e)
            {
                questions.Add(new ClarifyingQuestion(text[s..e], LineText.Span(line.Line, s, e), null, SourceSpan.None));
            }
        }

        return questions;
    }

    private static int Prefix(string text, int s, int e, params string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (e - s >= prefix.Length && string.Compare(text, s, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return s + prefix.Length;
            }
        }

        return 0;
    }

    /// <summary>Finds " A: ", "->", "→" or "=>" separating a question from its answer.</summary>
    private static (int Index, int Length) FindAnswer(string text, int s, int e)
    {
        for (var i = s; i < e; i++)
        {
            if (i + 3 < e && text[i] == ' ' && text[i + 1] is 'A' or 'a' && text[i + 2] == ':' && text[i + 3] == ' ')
            {
                return (i + 1, 2);
            }

            if (i + 1 < e && text[i + 1] == '>' && text[i] is '-' or '=')
            {
                return (i, 2);
            }

            if (text[i] == '→')
            {
                return (i, 1);
            }
        }

        return (-1, 0);
    }
}
