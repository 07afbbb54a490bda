using System.Text;

namespace DesignDrill.Core.Catalog;

/// <summary>
/// Finds concept terms in free text. Text and terms are cut into words the same way (runs of letters and digits; an
/// apostrophe inside a word is dropped, a '.' between digits is kept, a ',' between digits is dropped) and each word is reduced to a singular stem, so
/// <c>circuit breakers</c> matches the term <c>circuit breaker</c> and <c>Little's law</c> matches <c>littles law</c>.
/// The words of a term must follow each other separated only by spaces, line breaks, hyphens, underscores or slashes,
/// so <c>token-bucket</c>, <c>token_bucket</c> and <c>token bucket</c> are one term (and <c>pub/sub</c> is
/// <c>pub-sub</c>), while a full stop or a comma breaks it. Matching is
/// case-insensitive, except for terms written all in capitals (two or more letters, no lower-case letter, such as
/// <c>CAP</c>), which only match capitals. Scanning goes left to right and takes the longest term at each word
/// (ties: the term added first); matched words are not reused. Linear in the text's length.
/// </summary>
internal sealed class ConceptTermIndex
{
    private readonly Dictionary<string, List<Entry>> _byFirstStem = new(StringComparer.Ordinal);

    /// <summary>Number of terms added.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The key two terms share when they match exactly the same texts: the stems of the words, lower-cased unless the
    /// term is written in capitals (then prefixed with <c>=</c>), joined by spaces. <see langword="null"/> when the
    /// term has no word (only punctuation).
    /// </summary>
    public static string? Key(string term)
    {
        var words = Split(term);
        if (words.Count == 0)
        {
            return null;
        }

        var exact = IsExactCase(term);
        var stems = words.Select(w => exact ? Stem(w.Text) : Stem(w.Text).ToLowerInvariant());
        return (exact ? "=" : "") + string.Join(' ', stems);
    }

    /// <summary>
    /// True when a text that is exactly the term would match it: every word after the first is separated from the one
    /// before only by joiners (spaces, hyphens, underscores, slashes). <c>B+tree</c> is not: '+' breaks a term.
    /// </summary>
    public static bool CanMatchItself(string term) => Split(term).Skip(1).All(w => w.JoinsPrevious);

    /// <summary>Adds a term of a card; the caller has checked that <see cref="Key"/> is not null.</summary>
    public void Add(ConceptCard card, string term)
    {
        var words = Split(term);
        var exact = IsExactCase(term);
        var stems = words.Select(w => Stem(w.Text)).Select(s => exact ? s : s.ToLowerInvariant()).ToArray();
        var first = stems[0].ToLowerInvariant();
        if (!_byFirstStem.TryGetValue(first, out var list))
        {
            list = [];
            _byFirstStem[first] = list;
        }

        list.Add(new Entry(card, term, stems, exact));
        Count++;
    }

    /// <summary>Every match in <paramref name="text"/>, left to right, longest term first at each word, without overlaps.</summary>
    public List<ConceptMention> Find(string text)
    {
        var words = Split(text);
        var stems = words.Select(w => Stem(w.Text)).ToArray();
        var lowerStems = stems.Select(s => s.ToLowerInvariant()).ToArray();
        var mentions = new List<ConceptMention>();
        var i = 0;
        while (i < words.Count)
        {
            Entry? best = null;
            if (_byFirstStem.TryGetValue(lowerStems[i], out var entries))
            {
                foreach (var entry in entries)
                {
                    if ((best is null || entry.Stems.Length > best.Stems.Length) && Matches(entry, i, words, stems, lowerStems))
                    {
                        best = entry;
                    }
                }
            }

            if (best is null)
            {
                i++;
                continue;
            }

            var last = words[i + best.Stems.Length - 1];
            mentions.Add(new ConceptMention(best.Card, best.Term, words[i].Start, last.End - words[i].Start));
            i += best.Stems.Length;
        }

        return mentions;
    }

    /// <summary>The card whose term covers the whole of <paramref name="text"/>, or <see langword="null"/>.</summary>
    public ConceptCard? FindWhole(string text)
    {
        var words = Split(text);
        if (words.Count == 0)
        {
            return null;
        }

        var mentions = Find(text);
        return mentions.Count == 1 && mentions[0].Start == words[0].Start && mentions[0].Start + mentions[0].Length == words[^1].End
            ? mentions[0].Card
            : null;
    }

    private static bool Matches(Entry entry, int at, List<Word> words, string[] stems, string[] lowerStems)
    {
        if (at + entry.Stems.Length > words.Count)
        {
            return false;
        }

        for (var k = 0; k < entry.Stems.Length; k++)
        {
            var j = at + k;
            if (k > 0 && !words[j].JoinsPrevious)
            {
                return false;
            }

            var textStem = entry.ExactCase ? stems[j] : lowerStems[j];
            if (!string.Equals(textStem, entry.Stems[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the term is an acronym written in capitals: at least two letters and no lower-case letter (<c>CAP</c>, <c>SLA</c>).</summary>
    internal static bool IsExactCase(string term) => term.Count(char.IsLetter) >= 2 && !term.Any(char.IsLower);

    /// <summary>
    /// The singular stem of a word, keeping its case: <c>-ies</c> to <c>-y</c> (<c>policies</c>), <c>-es</c> dropped after
    /// s, x, z, ch or sh (<c>indexes</c>), otherwise a final <c>-s</c> dropped (not after s, or after a lower-case u or i,
    /// so <c>consensus</c>, <c>redis</c> and <c>address</c> keep theirs); then a final <c>-e</c> is dropped, so
    /// <c>cache</c> and <c>caches</c> both give <c>cach</c>. Words shorter than four characters, words with a digit and
    /// words with no lower-case letter (<c>HTTPS</c>, <c>DNS</c>) are kept as they are; <c>SLAs</c> gives <c>SLA</c>. No
    /// other ending is touched: <c>cached</c> and <c>caching</c> are not <c>cache</c>.
    /// </summary>
    internal static string Stem(string word)
    {
        if (word.Length < 4 || word.Any(char.IsAsciiDigit) || !word.Any(char.IsLower))
        {
            return word;
        }

        string stem;
        if (word.Length > 4 && EndsWith(word, "ies"))
        {
            stem = word[..^3] + (char.IsUpper(word[^1]) ? "Y" : "y");
        }
        else if (EndsWith(word, "es") && (EndsWith(word[..^2], "s") || EndsWith(word[..^2], "x") || EndsWith(word[..^2], "z") || EndsWith(word[..^2], "ch") || EndsWith(word[..^2], "sh")))
        {
            stem = word[..^2];
        }
        else
        {
            stem = EndsWith(word, "s") && !EndsWith(word, "ss") && word[^2] is not ('u' or 'i') ? word[..^1] : word;
        }

        return stem.Length >= 4 && EndsWith(stem, "e") ? stem[..^1] : stem;
    }

    private static bool EndsWith(string word, string suffix) => word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The words of a text: runs of letters and digits, with positions and whether only joiners separate a word from the one before.</summary>
    internal static List<Word> Split(string text)
    {
        var words = new List<Word>();
        var current = new StringBuilder();
        var start = -1;
        var previousEnd = -1;
        var joins = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : '\0';
            if (i < text.Length && char.IsLetterOrDigit(c))
            {
                if (current.Length == 0)
                {
                    start = i;
                    joins = previousEnd >= 0 && IsJoinerGap(text, previousEnd, i);
                }

                current.Append(c);
            }
            else if (c is '\'' or '\u2019' && current.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
            {
                // "Little's" is one word: the apostrophe is dropped.
            }
            else if (c is '.' or ',' && current.Length > 0 && char.IsAsciiDigit(text[i - 1]) && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                // "99.9" is one word; "86,400" is the word "86400".
                if (c == '.')
                {
                    current.Append('.');
                }
            }
            else if (current.Length > 0)
            {
                words.Add(new Word(start, i, current.ToString(), joins));
                current.Clear();
                previousEnd = i;
            }
        }

        return words;
    }

    private static bool IsJoinerGap(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!(char.IsWhiteSpace(text[i]) || text[i] is '-' or '_' or '/' or '\u2010' or '\u2011'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A word of a text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive, as 0-based character indexes.</summary>
    internal readonly record struct Word(int Start, int End, string Text, bool JoinsPrevious);

    private sealed record Entry(ConceptCard Card, string Term, string[] Stems, bool ExactCase);
}
