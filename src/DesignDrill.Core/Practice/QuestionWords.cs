using System.Text;

namespace DesignDrill.Core.Practice;

/// <summary>
/// The normalisation shared by the topic synonyms and the questions they are matched against: lower case, words of
/// letters and digits (a '.' between digits stays, so <c>99.9</c> is one word; apostrophes are dropped, so
/// <c>don't</c> is <c>dont</c>), and a light stemmer that folds plurals and -ing/-ed endings.
/// </summary>
internal static class QuestionWords
{
    /// <summary>Longest question read, in characters (2,000; rule of thumb, far above a spoken question); the rest is ignored.</summary>
    public const int MaxQuestionLength = 2_000;

    /// <summary>The lower-case words of <paramref name="text"/>, unstemmed, in order.</summary>
    public static List<string> Split(string text, int maxLength = MaxQuestionLength)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var length = Math.Min(text.Length, maxLength);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' && current.Length > 0)
            {
                // "don't" is one word: the apostrophe is dropped.
            }
            else if (c is '.' or ',' && current.Length > 0 && char.IsAsciiDigit(current[^1]) && i + 1 < length && char.IsAsciiDigit(text[i + 1]))
            {
                if (c == '.')
                {
                    current.Append('.');
                }
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }

    /// <summary>
    /// The stem of a lower-case word: <c>-ies</c>/<c>-ied</c> to <c>-y</c>, a plural <c>-s</c> dropped (not after
    /// <c>s</c>, <c>u</c> or <c>i</c>), <c>-ing</c>/<c>-ed</c> dropped when four letters remain (with a doubled final
    /// consonant undoubled), then a final <c>-e</c> dropped from words of five letters or more. Words with digits are kept.
    /// </summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || word.Any(char.IsAsciiDigit))
        {
            return word;
        }

        var w = word;
        if (w.Length > 4 && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal)))
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            w = w[..^2];
        }
        else if (w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i'))
        {
            w = w[..^1];
        }

        var cut = w.EndsWith("ing", StringComparison.Ordinal) && w.Length - 3 >= 4 ? 3
            : w.EndsWith("ed", StringComparison.Ordinal) && w.Length - 2 >= 4 ? 2
            : 0;
        if (cut > 0)
        {
            w = w[..^cut];
            if (w.Length >= 4 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z' or 'e' or 'o'))
            {
                w = w[..^1];
            }
        }

        if (w.Length >= 5 && w[^1] == 'e')
        {
            w = w[..^1];
        }

        return w;
    }
}
