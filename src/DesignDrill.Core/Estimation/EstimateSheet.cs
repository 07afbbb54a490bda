using System.Globalization;
using System.Text.RegularExpressions;
using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// The estimate lines of one document, evaluated in order. Each line's name is available to the lines after it; a
/// redefinition is a warning (EST014) and replaces the value; a line that fails does not stop later lines, and a later
/// reference to it gives one warning (EST008) instead of a cascade of errors. Stated values are checked against the
/// computed ones (EST015–EST017).
/// </summary>
public sealed partial class EstimateSheet
{
    /// <summary>Computed ÷ stated within [0.75, 1.25] is <see cref="StatedVerdict.Ok"/> (rule of thumb: ±25%).</summary>
    public const double OkTolerance = 0.25;

    /// <summary>Computed and stated within a factor of 2 of each other is <see cref="StatedVerdict.Close"/> (rule of thumb).</summary>
    public const double CloseFactor = 2;

    private EstimateSheet(IReadOnlyList<EstimateResult> results, IReadOnlyList<Diagnostic> diagnostics,
        IReadOnlyDictionary<string, Quantity> values)
    {
        Results = results;
        Diagnostics = diagnostics;
        Values = values;
    }

    /// <summary>One result per input line, in input order.</summary>
    public IReadOnlyList<EstimateResult> Results { get; }

    /// <summary>All diagnostics of all lines, in line order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The final value of every name that evaluated, in base units.</summary>
    public IReadOnlyDictionary<string, Quantity> Values { get; }

    /// <summary>Evaluates the lines in order. Never throws for any input text.</summary>
    /// <param name="lines">The estimate lines, in document order.</param>
    /// <param name="conventions">The document's conventions.</param>
    /// <returns>The evaluated sheet.</returns>
    public static EstimateSheet Evaluate(IReadOnlyList<EstimateInput> lines, Conventions conventions)
    {
        ArgumentNullException.ThrowIfNull(lines);
        conventions ??= Conventions.Default;
        var values = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        var billions = new Dictionary<string, string>(StringComparer.Ordinal);
        var definedOn = new Dictionary<string, int>(StringComparer.Ordinal);
        var results = new List<EstimateResult>(lines.Count);
        var all = new List<Diagnostic>();

        foreach (var input in lines)
        {
            if (input is null)
            {
                continue;
            }

            var diagnostics = new List<Diagnostic>();
            var name = input.Name ?? "";
            var usable = IdentifierPattern().IsMatch(name) && !UnitTable.IsReserved(name);
            if (!usable)
            {
                diagnostics.Add(EstimationDiagnostics.ReservedName(input.NameSpan, name));
            }
            else if (definedOn.TryGetValue(name, out var previousLine))
            {
                diagnostics.Add(EstimationDiagnostics.Redefinition(input.NameSpan, name, previousLine));
            }

            var evaluation = EstimateEvaluator.Evaluate(input.Expression, values, conventions, input.ExpressionSpan,
                failed, billions);
            diagnostics.AddRange(evaluation.Diagnostics);

            Quantity? stated = null;
            string? statedBillion = null;
            var hasStated = !string.IsNullOrWhiteSpace(input.Stated);
            if (hasStated)
            {
                var statedResult = EstimateEvaluator.Evaluate(input.Stated, values, conventions, input.StatedSpan,
                    failed, billions);
                diagnostics.AddRange(statedResult.Diagnostics);
                stated = statedResult.Value;
                statedBillion = statedResult.BillionLiteral;
            }

            var verdict = StatedVerdict.NotStated;
            double? ratio = null;
            if (hasStated)
            {
                if (evaluation.Value is { } computed && stated is { } claim)
                {
                    (verdict, ratio) = Compare(computed, claim, input, conventions, evaluation, statedBillion,
                        diagnostics);
                }
                else
                {
                    verdict = StatedVerdict.Unevaluated;
                }
            }

            if (usable)
            {
                definedOn[name] = input.NameSpan.Line;
                if (evaluation.Value is { } value)
                {
                    values[name] = value;
                    failed.Remove(name);
                    if (evaluation.BillionLiteral is { } literal)
                    {
                        billions[name] = literal;
                    }
                    else
                    {
                        billions.Remove(name);
                    }
                }
                else
                {
                    values.Remove(name);
                    billions.Remove(name);
                    failed[name] = input.NameSpan.Line;
                }
            }

            results.Add(new EstimateResult(input, evaluation.Value, stated, verdict, ratio, evaluation.Derivation,
                diagnostics)
            {
                Display = evaluation.Display,
            });
            all.AddRange(diagnostics);
        }

        return new EstimateSheet(results, all, values);
    }

    private static (StatedVerdict Verdict, double? Ratio) Compare(
        Quantity computed, Quantity stated, EstimateInput input, Conventions conventions, EvaluationResult evaluation,
        string? statedBillion, List<Diagnostic> diagnostics)
    {
        var span = input.StatedSpan;
        if (computed.Dimension != stated.Dimension)
        {
            var hint = EstimateEvaluator.BillionHint(computed.Dimension, stated.Dimension,
                statedBillion ?? evaluation.BillionLiteral);
            diagnostics.Add(EstimationDiagnostics.StatedDimension(span, computed.Dimension, stated.Dimension, hint));
            return (StatedVerdict.DimensionMismatch, null);
        }

        var computedText = computed.Format(conventions, evaluation.Display);
        var statedText = stated.Format(conventions);
        if (stated.Value == 0)
        {
            if (computed.Value == 0)
            {
                return (StatedVerdict.Ok, null);
            }

            diagnostics.Add(EstimationDiagnostics.StatedOff(span, $"off: it computes to {computedText}, not 0",
                "computed as " + evaluation.Derivation));
            return (StatedVerdict.Off, null);
        }

        var ratio = computed.Value / stated.Value;
        if (computed.Value == 0)
        {
            diagnostics.Add(EstimationDiagnostics.StatedOff(span, $"off: it computes to {computedText}, not {statedText}",
                "computed as " + evaluation.Derivation));
            return (StatedVerdict.Off, ratio);
        }

        if (ratio < 0)
        {
            diagnostics.Add(EstimationDiagnostics.StatedOff(span,
                $"off: it computes to {computedText}, not {statedText} (opposite sign)",
                "computed as " + evaluation.Derivation));
            return (StatedVerdict.Off, ratio);
        }

        if (ratio >= 1 - OkTolerance && ratio <= 1 + OkTolerance)
        {
            return (StatedVerdict.Ok, ratio);
        }

        var factor = Math.Max(ratio, 1 / ratio);
        if (factor <= CloseFactor)
        {
            diagnostics.Add(EstimationDiagnostics.StatedClose(span, computedText, statedText, FormatFactor(factor)));
            return (StatedVerdict.Close, ratio);
        }

        var powerOfTen = NearPowerOfTen(factor);
        diagnostics.Add(EstimationDiagnostics.StatedOff(span,
            $"off by {FormatFactor(factor)}: {computedText}, not {statedText}",
            powerOfTen
                ? "a factor near a power of ten usually means a slipped zero or a wrong prefix; computed as " +
                  evaluation.Derivation
                : "computed as " + evaluation.Derivation));
        return (StatedVerdict.Off, ratio);
    }

    /// <summary>
    /// Formats how far apart two values are: a factor within 10% of a power of ten (from 10 up) reads as that power
    /// (<c>10x</c>, <c>1000x</c>), since it almost always means a slipped zero or prefix; otherwise two significant
    /// digits (<c>1.3x</c>, <c>3.2x</c>, <c>12x</c>, <c>1200x</c>).
    /// </summary>
    /// <param name="factor">The factor, at least 1.</param>
    /// <returns>Invariant text ending in <c>x</c>.</returns>
    public static string FormatFactor(double factor)
    {
        if (!double.IsFinite(factor))
        {
            return "∞x";
        }

        if (NearPowerOfTen(factor))
        {
            return Math.Pow(10, Math.Round(Math.Log10(factor))).ToString("0", CultureInfo.InvariantCulture) + "x";
        }

        var magnitude = (int)Math.Floor(Math.Log10(factor));
        var scale = Math.Pow(10, magnitude - 1);
        var rounded = Math.Round(factor / scale) * scale;
        return Quantity.FormatNumber(rounded) + "x";
    }

    private static bool NearPowerOfTen(double factor)
    {
        if (!(factor >= 9) || !double.IsFinite(factor))
        {
            return false;
        }

        var power = Math.Pow(10, Math.Round(Math.Log10(factor)));
        return Math.Abs(factor / power - 1) <= 0.1;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierPattern();
}
