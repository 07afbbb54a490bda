using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// One estimate line of a document, as the document parser found it: <c>name = expression ≈ stated</c>.
/// </summary>
/// <param name="Name">The name being defined, such as <c>write_rate</c>.</param>
/// <param name="NameSpan">Where the name is in the document.</param>
/// <param name="Expression">The expression text, on one line, such as <c>10M / month</c>.</param>
/// <param name="ExpressionSpan">Where the expression starts in the document (its column is the expression's first character).</param>
/// <param name="Stated">The value the author stated after <c>≈</c> or <c>~</c>, such as <c>4/s</c>; <see langword="null"/> when none.</param>
/// <param name="StatedSpan">Where the stated value is in the document; ignored when <paramref name="Stated"/> is null.</param>
public sealed record EstimateInput(
    string Name, SourceSpan NameSpan, string Expression, SourceSpan ExpressionSpan, string? Stated, SourceSpan StatedSpan);
