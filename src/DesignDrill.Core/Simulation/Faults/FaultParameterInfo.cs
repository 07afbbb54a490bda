using System.Globalization;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>One parameter of a fault kind: its key word, type, range and default.</summary>
/// <param name="Name">The key word written before the value (<c>factor</c>, <c>count</c>, <c>per-batch</c>).</param>
/// <param name="Type">How the value is written.</param>
/// <param name="Min">The smallest value allowed (for durations, in nanoseconds).</param>
/// <param name="Max">The largest value allowed (for durations, in nanoseconds).</param>
/// <param name="MinExclusive">True when <paramref name="Min"/> itself is not allowed (a fraction above 0).</param>
/// <param name="Default">
/// The value when the parameter is left out (for durations, in nanoseconds), or <see langword="null"/> when it is
/// required.
/// </param>
/// <param name="Description">What the parameter means, for messages and docs.</param>
/// <param name="Example">A value to show in hints, such as <c>5</c> or <c>50ms</c>.</param>
public sealed record FaultParameterInfo(
    string Name,
    FaultValueType Type,
    double Min,
    double Max,
    bool MinExclusive,
    double? Default,
    string Description,
    string Example)
{
    /// <summary>True when the parameter has no default and must be written.</summary>
    public bool Required => Default is null;

    /// <summary>True when <paramref name="value"/> is within the range.</summary>
    /// <param name="value">The value (for durations, in nanoseconds).</param>
    /// <returns>True when allowed.</returns>
    public bool Allows(double value) => (MinExclusive ? value > Min : value >= Min) && value <= Max;

    /// <summary>The range in words, such as "between 1 and 1,000" or "above 0 and at most 1 (100%)".</summary>
    public string RangeText
    {
        get
        {
            var low = Show(Min);
            var high = Show(Max);
            return MinExclusive ? $"above {low} and at most {high}" : $"between {low} and {high}";
        }
    }

    private string Show(double value) => Type switch
    {
        FaultValueType.Duration => DurationText.Format((long)value),
        FaultValueType.Fraction => value.ToString("0.###", CultureInfo.InvariantCulture) +
            $" ({(value * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)",
        _ => value.ToString("#,0.###", CultureInfo.InvariantCulture),
    };
}
