namespace DesignDrill.Core.Text;

/// <summary>Levenshtein distance, used to suggest the closest known word in hints ("did you mean ...?").</summary>
public static class EditDistance
{
    /// <summary>Edit distance between two strings, or <paramref name="cap"/> + 1 when it exceeds <paramref name="cap"/> (early exit).</summary>
    /// <param name="a">One string.</param>
    /// <param name="b">The other.</param>
    /// <param name="cap">The largest distance of interest.</param>
    /// <returns>The number of single-character insertions, deletions and substitutions, at most <paramref name="cap"/> + 1.</returns>
    public static int Compute(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) > cap)
        {
            return cap + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > cap)
            {
                return cap + 1;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], cap + 1);
    }

    /// <summary>Longest word compared by <see cref="Closest"/>; longer words get no suggestion (keeps hints cheap on hostile input).</summary>
    private const int MaxCompared = 64;

    /// <summary>
    /// The candidate closest to <paramref name="word"/> (case-insensitive), when it is within a third of the word's
    /// length (at least 2 edits; rule of thumb for "did you mean" hints); <see langword="null"/> otherwise.
    /// </summary>
    /// <param name="word">The word typed.</param>
    /// <param name="candidates">The known words.</param>
    /// <returns>The closest known word, or <see langword="null"/>.</returns>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        if (word.Length == 0 || word.Length > MaxCompared)
        {
            return null;
        }

        var limit = Math.Max(2, word.Length / 3);
        var lower = word.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Length > MaxCompared || Math.Abs(candidate.Length - word.Length) > limit)
            {
                continue;
            }

            var distance = Compute(lower, candidate.ToLowerInvariant(), limit);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return bestDistance <= limit ? best : null;
    }
}
