using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Estimation;

/// <summary>The evaluation of one estimate line, with the check of its stated value.</summary>
/// <param name="Input">The line as given.</param>
/// <param name="Value">The computed value in base units, or <see langword="null"/> when the expression has errors.</param>
/// <param name="StatedValue">The stated value in base units, or <see langword="null"/> when none or when it has errors.</param>
/// <param name="Verdict">How the stated value compares with the computed one.</param>
/// <param name="Ratio">Computed ÷ stated, when both exist, have the same dimension and the stated value is not zero.</param>
/// <param name="Derivation">The derivation trace of the expression (see <see cref="EvaluationResult.Derivation"/>).</param>
/// <param name="Diagnostics">This line's diagnostics, in document order of discovery.</param>
public sealed record EstimateResult(
    EstimateInput Input, Quantity? Value, Quantity? StatedValue, StatedVerdict Verdict, double? Ratio, string Derivation,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>
    /// How the computed value prefers to be shown (see <see cref="EvaluationResult.Display"/>): as a percentage for an
    /// availability from <c>series</c>, <c>parallel</c> or <c>kofn</c>. Pass it to
    /// <see cref="Quantity.Format(Conventions, QuantityDisplay)"/>.
    /// </summary>
    public QuantityDisplay Display { get; init; }
}
