using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Simulation.Faults;

namespace DesignDrill.Core.Simulation.Workloads;

/// <summary>
/// Reads a load multiplier, as given to <c>drill simulate --load 3x</c>: every flow's workload is scaled by it
/// (<see cref="LoadShape.Scale"/>). Accepted forms: <c>3x</c>, <c>3X</c>, <c>3×</c>, <c>x3</c>, <c>3</c>,
/// <c>0.5x</c> and percentages such as <c>250%</c>. Never throws.
/// </summary>
public static class LoadMultiplier
{
    /// <summary>
    /// The largest multiplier accepted: 1,000 (rule of thumb: three orders of magnitude past the "10x traffic"
    /// constraint changes of the practice prompts; rates are also capped by <see cref="LoadShape.MaxRatePerSecond"/>).
    /// </summary>
    public const double MaxFactor = 1_000;

    /// <summary>Parses a multiplier.</summary>
    /// <param name="text">The text, such as <c>3x</c>; surrounding spaces are ignored.</param>
    /// <param name="factor">The multiplier, above 0 and at most <see cref="MaxFactor"/>, when valid; otherwise 0.</param>
    /// <param name="diagnostic">SIM001 (empty), SIM007 (not a number) or SIM008 (0, negative or above the maximum); otherwise null.</param>
    /// <returns>True when the text is a valid multiplier.</returns>
    public static bool TryParse(string? text, out double factor, out Diagnostic? diagnostic)
    {
        factor = 0;
        text ??= "";
        var trimmed = text.Trim();
        var column = 1 + (trimmed.Length == 0 ? 0 : text.IndexOf(trimmed, StringComparison.Ordinal));
        var span = new SourceSpan(1, column, column + Math.Max(1, trimmed.Length));
        if (trimmed.Length == 0)
        {
            diagnostic = SimulationDiagnostics.Empty(span, "load multiplier", "3x");
            return false;
        }

        var percent = trimmed.EndsWith('%');
        var body = percent ? trimmed[..^1]
            : trimmed.Length > 1 && trimmed[^1] is 'x' or 'X' or '×' ? trimmed[..^1]
            : trimmed.Length > 1 && trimmed[0] is 'x' or 'X' or '×' ? trimmed[1..]
            : trimmed;
        if (!FaultParser.TryParseDecimal(body.Trim(), out var value))
        {
            diagnostic = SimulationDiagnostics.BadNumber(span, trimmed, "a load multiplier", "a multiple such as `3x`, `0.5x` or `250%`");
            return false;
        }

        value = percent ? value / 100 : value;
        if (!(value > 0 && value <= MaxFactor))
        {
            diagnostic = SimulationDiagnostics.OutOfRange(span, "The load multiplier", trimmed,
                "above 0 and at most 1,000x");
            return false;
        }

        factor = value;
        diagnostic = null;
        return true;
    }
}
