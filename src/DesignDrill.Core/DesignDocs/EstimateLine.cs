using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.DesignDocs;

/// <summary>
/// One estimate definition, <c>name = expression</c> optionally followed by <c>≈ stated</c> (or <c>~</c>, <c>~=</c>).
/// Nothing is evaluated here; the estimation engine binds <see cref="Expression"/> and <see cref="Stated"/> later and
/// reports positions by shifting its own spans to <see cref="ExpressionSpan"/> and <see cref="StatedSpan"/>.
/// </summary>
/// <param name="Name">The defined name, such as <c>read_rate</c>.</param>
/// <param name="NameSpan">Where the name is.</param>
/// <param name="Expression">The expression text, trimmed (<c>write_rate * 100</c>).</param>
/// <param name="ExpressionSpan">Where the expression is.</param>
/// <param name="Stated">The value the author states, trimmed (<c>116K/s</c>), or <see langword="null"/>.</param>
/// <param name="StatedSpan">Where the stated value is; <see cref="SourceSpan.None"/> without one.</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Comment">A trailing comment after <c> # </c> or <c>//</c>, trimmed, or <see langword="null"/>.</param>
public sealed record EstimateLine(
    string Name,
    SourceSpan NameSpan,
    string Expression,
    SourceSpan ExpressionSpan,
    string? Stated,
    SourceSpan StatedSpan,
    int Line,
    string? Comment = null);
