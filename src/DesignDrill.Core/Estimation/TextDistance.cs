namespace DesignDrill.Core.Estimation;

/// <summary>Edit distance, for "did you mean" hints.</summary>
internal static class TextDistance
{
    /// <summary>Longest word compared; longer words get no suggestion (keeps the cost bounded on huge input).</summary>
    private const int MaxCompared = 64;

    /// <summary>The Levenshtein distance between two strings (insertions, deletions and substitutions cost 1).</summary>
    /// <param name="a">First string.</param>
    /// <param name="b">Second string.</param>
    /// <returns>The number of single-character edits that turn <paramref name="a"/> into <paramref name="b"/>.</returns>
    public static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The candidate closest to <paramref name="word"/> by edit distance, if it is close enough to be a plausible
    /// typo: at most 2 edits, or a third of the word's length for long words. Ties go to the first candidate.
    /// </summary>
    /// <param name="word">What was written.</param>
    /// <param name="candidates">What could have been meant.</param>
    /// <returns>The closest candidate, or <see langword="null"/> when none is close.</returns>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length == 0 || word.Length > MaxCompared)
        {
            return null;
        }

        var limit = Math.Max(2, word.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Length > MaxCompared || Math.Abs(candidate.Length - word.Length) > limit)
            {
                continue;
            }

            var distance = Levenshtein(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }
}
