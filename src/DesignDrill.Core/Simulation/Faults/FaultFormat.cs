using System.Globalization;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>Writes parameter values the way <see cref="FaultParser"/> reads them.</summary>
internal static class FaultFormat
{
    /// <summary>A number in invariant culture, shortest round-trip form (<c>0.05</c>, <c>2.5</c>, <c>3</c>).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A whole number in invariant culture.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A duration (<see cref="DurationText.Format"/>).</summary>
    public static string Duration(long durationNs) => DurationText.Format(durationNs);
}
