namespace DesignDrill.Core.Diagnostics;

/// <summary>
/// A problem found while reading input: what is wrong, where, and what to write instead. Parsers and evaluators
/// return these as values; they never throw for bad input.
/// </summary>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Code">Stable identifier, such as <c>EST003</c> or <c>DOC010</c>, documented in docs/.</param>
/// <param name="Span">Where the problem is; <see cref="SourceSpan.None"/> for whole-input problems.</param>
/// <param name="Message">What is wrong, written for the person who typed the input.</param>
/// <param name="Hint">What to write instead, or <see langword="null"/> when there is nothing useful to suggest.</param>
public sealed record Diagnostic(Severity Severity, string Code, SourceSpan Span, string Message, string? Hint = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Span} {Severity.ToString().ToLowerInvariant()} {Code}: {Message}" + (Hint is null ? "" : $" (hint: {Hint})");
}
