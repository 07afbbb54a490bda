namespace DesignDrill.Core.Text;

/// <summary>Levenshtein distance, used to suggest the closest known word in hints.</summary>
internal static class EditDistance
{
    /// <summary>Edit distance between two strings, or <paramref name="cap"/> + 1 when it exceeds <paramref name="cap"/> (early exit).</summary>
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
}
