using DesignDrill.Core.Catalog;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Practice;

/// <summary>
/// Maps a clarifying question to the fact topics it asks about, using the <c>keywords</c> and <c>phrases</c> of
/// <c>catalog/topics.yaml</c> (docs/prompt-format.md, "Clarifying questions: how a question is matched"). Words are
/// lower-cased, stripped of punctuation and stemmed; a word of six letters or more also matches a synonym one edit away that starts with the same letter.
/// A phrase matches its words in order with up to <see cref="MaxPhraseGap"/> filler words between them (a word that is another topic's keyword is not filler); a phrase hit scores <see cref="PhraseScore"/> and claims its words; every other word that is a keyword scores
/// <see cref="KeywordScore"/>. Every topic scoring at least <see cref="MinimumScore"/> is returned. Deterministic,
/// immutable and safe to share between threads; never throws for any question.
/// </summary>
public sealed class QuestionMatcher
{
    /// <summary>Points for each distinct phrase of a topic found in the question (2; rule of thumb: a phrase is stronger evidence than a word).</summary>
    public const int PhraseScore = 2;

    /// <summary>Points for each question word, not claimed by a phrase, that is a keyword of the topic (1).</summary>
    public const int KeywordScore = 1;

    /// <summary>Smallest score for which a topic is returned (1: one keyword is enough; rule of thumb, tuned on the test questions).</summary>
    public const int MinimumScore = 1;

    /// <summary>Shortest word, in letters, that is matched with one typo (6; rule of thumb: shorter words have too many neighbours). The first letter must be right (typos rarely hit it; this keeps <c>mostly</c> from matching <c>costly</c>).</summary>
    public const int MinTypoWordLength = 6;

    /// <summary>Most other words allowed between two consecutive words of a phrase (3; rule of thumb, tuned on the test questions).</summary>
    public const int MaxPhraseGap = 3;

    private static readonly Lazy<QuestionMatcher> DefaultMatcher = new(() => new QuestionMatcher(TopicCatalog.Default));

    private readonly List<TopicSynonyms> _topics;

    /// <summary>Builds a matcher from the synonyms of <paramref name="catalog"/>.</summary>
    /// <param name="catalog">The topics with their keywords and phrases.</param>
    /// <exception cref="ArgumentNullException">When <paramref name="catalog"/> is null.</exception>
    public QuestionMatcher(TopicCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _topics = catalog.Topics.Select((t, index) => new TopicSynonyms(
            t.Id,
            index,
            t.Keywords.Select(Keyword.Parse).Where(k => k.Stem.Length > 0).ToList(),
            t.Phrases.Select(p => QuestionWords.Split(p).Select(Word.Of).ToArray()).Where(p => p.Length > 0).ToList())).ToList();
    }

    /// <summary>The matcher for the shipped topics (<see cref="TopicCatalog.Default"/>).</summary>
    public static QuestionMatcher Default => DefaultMatcher.Value;

    /// <summary>The topic ids a question asks about, highest score first, ties in catalog order; empty when none matches.</summary>
    /// <param name="question">The candidate's question, in any case and punctuation; null counts as empty. Only the first <c>2,000</c> characters are read.</param>
    /// <returns>The matched topic ids.</returns>
    public IReadOnlyList<string> Match(string? question) => Score(question).Select(s => s.Topic).ToList();

    /// <summary>The topic ids a question asks about, with extra phrases for this call (see <see cref="Score(string, IEnumerable{ValueTuple{string, string}})"/>).</summary>
    /// <param name="question">The candidate's question; null counts as empty.</param>
    /// <param name="extraPhrases">Pairs of topic id and phrase, such as a prompt's fact phrasings.</param>
    /// <returns>The matched topic ids, highest score first.</returns>
    public IReadOnlyList<string> Match(string? question, IEnumerable<(string Topic, string Phrase)> extraPhrases) =>
        Score(question, extraPhrases).Select(s => s.Topic).ToList();

    /// <summary>The topics a question asks about with their scores, highest first, ties in catalog order.</summary>
    /// <param name="question">The candidate's question; null counts as empty.</param>
    /// <returns>The topics scoring at least <see cref="MinimumScore"/>.</returns>
    public IReadOnlyList<TopicScore> Score(string? question) => Score(question, []);

    /// <summary>
    /// The topics a question asks about, with extra phrases for this call only — a prompt's fact
    /// <see cref="PromptFact.Phrasings"/>, so that "What happens during a campaign?" finds the prompt's peak fact.
    /// Extra phrases follow the rules of topic phrases (a one-word phrase acts as a phrase of one word); those naming an
    /// unknown topic are ignored.
    /// </summary>
    /// <param name="question">The candidate's question; null counts as empty.</param>
    /// <param name="extraPhrases">Pairs of topic id and phrase, such as <c>(traffic.peak, "What happens during a campaign?")</c>.</param>
    /// <returns>The topics scoring at least <see cref="MinimumScore"/>, highest first, ties in catalog order.</returns>
    /// <exception cref="ArgumentNullException">When <paramref name="extraPhrases"/> is null.</exception>
    public IReadOnlyList<TopicScore> Score(string? question, IEnumerable<(string Topic, string Phrase)> extraPhrases)
    {
        ArgumentNullException.ThrowIfNull(extraPhrases);
        var words = QuestionWords.Split(question ?? "").Select(Word.Of).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        var keywordOf = words.Select(w => _topics.Where(t => t.Keywords.Any(k => k.Matches(w))).Select(t => t.Index).ToArray()).ToArray();
        var claimed = new bool[words.Length];
        var scores = new int[_topics.Count];
        var extra = extraPhrases
            .Select(e => (Topic: _topics.Find(t => string.Equals(t.Id, e.Topic, StringComparison.Ordinal)), Phrase: QuestionWords.Split(e.Phrase ?? "").Select(Word.Of).ToArray()))
            .Where(e => e.Topic is not null && e.Phrase.Length > 0)
            .Select(e => (Topic: e.Topic!, e.Phrase));
        foreach (var (topic, phrase) in _topics.SelectMany(t => t.Phrases.Select(p => (t, p))).Concat(extra))
        {
            if (FindPhrase(words, phrase, i => keywordOf[i].All(t => t == topic.Index)) is { } positions)
            {
                scores[topic.Index] += PhraseScore;
                foreach (var p in positions)
                {
                    claimed[p] = true;
                }
            }
        }

        foreach (var topic in _topics)
        {
            for (var i = 0; i < words.Length; i++)
            {
                if (!claimed[i] && topic.Keywords.Any(k => k.Matches(words[i])))
                {
                    scores[topic.Index] += KeywordScore;
                }
            }
        }

        return _topics
            .Where(t => scores[t.Index] >= MinimumScore)
            .OrderByDescending(t => scores[t.Index])
            .ThenBy(t => t.Index)
            .Select(t => new TopicScore(t.Id, scores[t.Index]))
            .ToList();
    }

    /// <summary>
    /// The positions of the earliest occurrence of <paramref name="phrase"/> in order, with gaps of at most
    /// <see cref="MaxPhraseGap"/> words that <paramref name="canSkip"/> allows (filler, not another topic's keyword);
    /// null when absent.
    /// </summary>
    private static int[]? FindPhrase(Word[] words, Word[] phrase, Func<int, bool> canSkip)
    {
        for (var start = 0; start <= words.Length - phrase.Length; start++)
        {
            if (!Same(words[start], phrase[0]))
            {
                continue;
            }

            var positions = new int[phrase.Length];
            positions[0] = start;
            var found = true;
            for (var k = 1; k < phrase.Length && found; k++)
            {
                found = false;
                var last = Math.Min(words.Length - 1, positions[k - 1] + 1 + MaxPhraseGap);
                for (var i = positions[k - 1] + 1; i <= last; i++)
                {
                    if (Same(words[i], phrase[k]))
                    {
                        positions[k] = i;
                        found = true;
                        break;
                    }

                    if (!canSkip(i))
                    {
                        break;
                    }
                }
            }

            if (found)
            {
                return positions;
            }
        }

        return null;
    }

    private static bool Same(Word word, Word synonym) =>
        string.Equals(word.Stem, synonym.Stem, StringComparison.Ordinal) || OneTypoApart(word, synonym.Stem);

    private static bool OneTypoApart(Word word, string synonymStem) =>
        word.Text.Length >= MinTypoWordLength && synonymStem.Length >= MinTypoWordLength - 1 && !word.Text.Any(char.IsAsciiDigit)
        && word.Stem[0] == synonymStem[0] && EditDistance.Compute(word.Stem, synonymStem, 1) <= 1;

    private sealed record TopicSynonyms(string Id, int Index, List<Keyword> Keywords, List<Word[]> Phrases);

    private readonly record struct Word(string Text, string Stem)
    {
        public static Word Of(string text) => new(text, QuestionWords.Stem(text));
    }

    private sealed record Keyword(string Stem, bool IsPrefix)
    {
        public static Keyword Parse(string text)
        {
            var trimmed = text.Trim();
            var isPrefix = trimmed.EndsWith('*');
            var words = QuestionWords.Split(isPrefix ? trimmed[..^1] : trimmed);
            return words.Count != 1 ? new Keyword("", false) : new Keyword(isPrefix ? words[0] : QuestionWords.Stem(words[0]), isPrefix);
        }

        public bool Matches(Word word) => IsPrefix
            ? word.Text.StartsWith(Stem, StringComparison.Ordinal)
            : string.Equals(word.Stem, Stem, StringComparison.Ordinal) || OneTypoApart(word, Stem);
    }
}

/// <summary>A topic a question matched, with its score.</summary>
/// <param name="Topic">The topic id, such as <c>data.retention</c>.</param>
/// <param name="Score">Phrase and keyword points (see <see cref="QuestionMatcher.PhraseScore"/> and <see cref="QuestionMatcher.KeywordScore"/>).</param>
public sealed record TopicScore(string Topic, int Score);
