namespace DesignDrill.Core.Diagnostics;

/// <summary>
/// A problem found while reading a JSON file DesignDrill wrote (a session journal, a data export): where it is, as a
/// JSON path, what is wrong, and what to write instead. Readers return these as values; they never throw for bad input.
/// </summary>
/// <param name="Path">
/// Where the problem is, as a JSON path from the root <c>$</c>: <c>$.entries[3].at</c>, <c>$.cards[0].difficulty</c>.
/// A file that is not JSON at all has the path <c>$</c> and says the line and column in <paramref name="Message"/>.
/// </param>
/// <param name="Message">What is wrong, written for the person who has the file.</param>
/// <param name="Hint">What to write instead, or <see langword="null"/> when there is nothing useful to suggest.</param>
public sealed record JsonProblem(string Path, string Message, string? Hint = null)
{
    /// <summary>One line: <c>$.entries[3].at: "-00:00:05" is negative (hint: ...)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => $"{Path}: {Message}" + (Hint is null ? "" : $" ({Hint})");
}
