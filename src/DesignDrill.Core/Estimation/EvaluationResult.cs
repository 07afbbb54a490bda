using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// The outcome of evaluating one expression: its value (or none when it has errors), how it was derived, what went
/// wrong, and which names it used.
/// </summary>
/// <param name="Value">The value in base units, or <see langword="null"/> when the expression has errors.</param>
/// <param name="Derivation">
/// The expression, then the expression with every name replaced by its formatted value, then the result:
/// <c>write_rate * 100 = (1.157K/s) * 100 = 115.7K/s</c>. Ambiguous readings follow in brackets:
/// <c>500B * 2 = 1T  [500B → 500 billion (write '500 B' for bytes)]</c>. Just the expression when it fails.
/// </param>
/// <param name="Diagnostics">Every problem found, with spans in document coordinates.</param>
/// <param name="ReferencedNames">Names used by the expression, each once, in order of first use (defined or not).</param>
public sealed record EvaluationResult(
    Quantity? Value, string Derivation, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> ReferencedNames)
{
    /// <summary>True when the expression produced a value (it may still carry warnings).</summary>
    public bool Succeeded => Value is not null;

    /// <summary>How ambiguous tokens were read, such as <c>500B → 500 billion (write '500 B' for bytes)</c> or <c>500 B → 500 bytes</c>.</summary>
    public IReadOnlyList<string> Interpretations { get; init; } = [];

    /// <summary>
    /// The text of a number with a glued <c>B</c> (read as billion) that contributed to the value, such as
    /// <c>500B</c>; lets a later dimension mismatch suggest "did you mean 500 bytes?".
    /// </summary>
    public string? BillionLiteral { get; init; }

    /// <summary>
    /// How the value prefers to be shown: <see cref="QuantityDisplay.Percent"/> for an availability computed by
    /// <c>series</c>, <c>parallel</c> or <c>kofn</c> (<c>99.8001%</c>), otherwise <see cref="QuantityDisplay.Natural"/>.
    /// Pass it to <see cref="Quantity.Format(Conventions, QuantityDisplay)"/>.
    /// </summary>
    public QuantityDisplay Display { get; init; }
}
