namespace DesignDrill.Core.Diagnostics;

/// <summary>
/// A range of characters on one line of a source text. Lines and columns are 1-based; columns count UTF-16 code units
/// from the start of the line. <see cref="EndColumn"/> is exclusive, so a span of one character at column 5 is
/// <c>(line, 5, 6)</c> and an empty span (a position) has <c>Column == EndColumn</c>.
/// </summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column of the first character.</param>
/// <param name="EndColumn">1-based column just past the last character (exclusive); at least <paramref name="Column"/>.</param>
public readonly record struct SourceSpan(int Line, int Column, int EndColumn)
{
    /// <summary>A span that points nowhere, for whole-document diagnostics (line 0).</summary>
    public static SourceSpan None => default;

    /// <summary>True when the span points at a real line (line 1 or later).</summary>
    public bool HasLocation => Line > 0;

    /// <summary>Number of characters covered; 0 for a position.</summary>
    public int Length => Math.Max(0, EndColumn - Column);

    /// <summary>A span covering a whole line of <paramref name="length"/> characters (at least one column wide).</summary>
    /// <param name="line">1-based line number.</param>
    /// <param name="length">Length of the line in characters.</param>
    /// <returns>The span from column 1 to <c>length + 1</c>.</returns>
    public static SourceSpan WholeLine(int line, int length) => new(line, 1, Math.Max(2, length + 1));

    /// <summary>Moves this span right by <paramref name="columns"/> columns (used when an expression sits inside a longer line).</summary>
    /// <param name="columns">Columns to add to both ends; may be 0.</param>
    /// <returns>The shifted span.</returns>
    public SourceSpan Shift(int columns) => this with { Column = Column + columns, EndColumn = EndColumn + columns };

    /// <inheritdoc />
    public override string ToString() => HasLocation ? $"{Line}:{Column}-{EndColumn}" : "-";
}
