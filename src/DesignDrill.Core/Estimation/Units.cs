using DesignDrill.Core.Diagnostics;

namespace DesignDrill.Core.Estimation;

/// <summary>Parsing unit texts (as given to <c>--in</c>) and converting quantities into them.</summary>
public static class Units
{
    /// <summary>
    /// Parses a unit text such as <c>/s</c>, <c>rps</c>, <c>GB/month</c>, <c>TB</c>, <c>Gbps</c>, <c>B/day</c>,
    /// <c>ms</c> or <c>$/month</c>: any expression of the language without names, where a leading <c>/</c> means
    /// "per" (<c>/s</c> is <c>1/s</c>). <c>%</c> alone is the percent, a count of 0.01, so any dimensionless value
    /// converts into it. Never throws.
    /// </summary>
    /// <param name="text">The unit text.</param>
    /// <param name="conventions">Conventions that size <c>month</c>, <c>year</c>, <c>KB</c> and so on.</param>
    /// <param name="unit">The size of one unit in base units, with its dimension; <c>GB/month</c> is 1e9 B ÷ seconds per month.</param>
    /// <param name="diagnostic">EST019 when the text is not a unit; otherwise null.</param>
    /// <returns>True when the text is a unit of positive size.</returns>
    public static bool TryParse(string text, Conventions conventions, out Quantity unit, out Diagnostic? diagnostic)
    {
        unit = default;
        var trimmed = (text ?? "").Trim();
        if (trimmed.Length == 0)
        {
            diagnostic = EstimationDiagnostics.UnknownUnit(trimmed, null);
            return false;
        }

        var expression = trimmed.StartsWith('/') ? "1" + trimmed : trimmed == "%" ? "1%" : trimmed;
        var result = EstimateEvaluator.Evaluate(expression, EmptyScope.Instance, conventions ?? Conventions.Default);
        if (result.Value is not { } value)
        {
            var first = result.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error);
            diagnostic = EstimationDiagnostics.UnknownUnit(trimmed, first?.Hint ?? first?.Message);
            return false;
        }

        if (!(value.Value > 0))
        {
            diagnostic = EstimationDiagnostics.UnknownUnit(trimmed, "a unit must have a positive size");
            return false;
        }

        unit = value;
        diagnostic = null;
        return true;
    }

    /// <summary>Expresses <paramref name="q"/> as a multiple of <paramref name="unit"/>. Never throws.</summary>
    /// <param name="q">The quantity, in base units.</param>
    /// <param name="unit">The unit, from <see cref="TryParse"/>.</param>
    /// <param name="value">How many units <paramref name="q"/> is: 12.7 for 12.7 GB/month in <c>GB/month</c>.</param>
    /// <param name="diagnostic">EST020 when the dimensions differ; otherwise null.</param>
    /// <returns>True when converted.</returns>
    public static bool TryConvert(Quantity q, Quantity unit, out double value, out Diagnostic? diagnostic)
    {
        value = 0;
        if (q.Dimension != unit.Dimension)
        {
            diagnostic = EstimationDiagnostics.ConversionMismatch(q.Dimension, unit.Dimension, unit.Dimension.ToString());
            return false;
        }

        if (unit.Value == 0 || !double.IsFinite(unit.Value))
        {
            diagnostic = EstimationDiagnostics.UnknownUnit(unit.ToString(), "a unit must have a positive, finite size");
            return false;
        }

        value = q.Value / unit.Value;
        diagnostic = null;
        return true;
    }
}
