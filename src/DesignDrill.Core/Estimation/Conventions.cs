using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Estimation;

/// <summary>
/// The calendar and storage conventions an estimate is computed under. Interviewers and published solutions round
/// differently (a day of 100,000 seconds, a month of 2.5 million seconds), so the conventions are part of the input,
/// set in a document's front matter and passed to every evaluation.
/// </summary>
public sealed record Conventions
{
    /// <summary>Exact length of a civil day in seconds: 24 × 60 × 60 = 86,400.</summary>
    public const double ExactSecondsPerDay = 86_400;

    /// <summary>The interview shortcut for a day, 100,000 seconds (rule of thumb: about 16% more than a real day).</summary>
    public const double ShortcutSecondsPerDay = 100_000;

    /// <summary>Days in a month by default: 30 (rule of thumb; a calendar month has 28 to 31).</summary>
    public const double DefaultDaysPerMonth = 30;

    /// <summary>
    /// The month used by the System Design Primer's "handy conversion guide", 2.5 million seconds (rule of thumb;
    /// 30 days are 2,592,000 seconds).
    /// </summary>
    public const double ShortcutSecondsPerMonth = 2_500_000;

    /// <summary>Days in a year by default: 365 (calendar year, ignoring leap days).</summary>
    public const double DefaultDaysPerYear = 365;

    /// <summary>Seconds in a day; 86,400 by default (exact). Any positive value; 100,000 is a common shortcut.</summary>
    public double SecondsPerDay { get; init; } = ExactSecondsPerDay;

    /// <summary>Seconds in a month, the size of the <c>month</c> unit; 30 × 86,400 = 2,592,000 by default.</summary>
    public double SecondsPerMonth { get; init; } = DefaultDaysPerMonth * ExactSecondsPerDay;

    /// <summary>Days in a year, which with <see cref="SecondsPerDay"/> gives the size of the <c>year</c> unit; 365 by default.</summary>
    public double DaysPerYear { get; init; } = DefaultDaysPerYear;

    /// <summary>
    /// When true, <c>KB MB GB TB PB EB</c> are binary (1 KB = 1,024 B) and sizes are formatted with <c>KiB MiB GiB</c>;
    /// when false (the default) they are decimal (1 KB = 1,000 B, as in SI and storage vendors' documentation).
    /// <c>KiB</c>…<c>EiB</c> are always binary and bit rates (<c>Mbps</c>) always decimal.
    /// </summary>
    public bool BinaryPrefixes { get; init; }

    /// <summary>The defaults: 86,400 s/day, 30-day months, 365-day years, decimal storage prefixes.</summary>
    public static Conventions Default { get; } = new();

    /// <summary>Seconds in a year: <see cref="DaysPerYear"/> × <see cref="SecondsPerDay"/> (31,536,000 by default).</summary>
    public double SecondsPerYear => DaysPerYear * SecondsPerDay;

    /// <summary>Days in a month implied by these conventions: <see cref="SecondsPerMonth"/> ÷ <see cref="SecondsPerDay"/>.</summary>
    public double DaysPerMonth => SecondsPerMonth / SecondsPerDay;

    /// <summary>The setting keys <see cref="FromSettings"/> understands.</summary>
    public static IReadOnlyList<string> SettingKeys { get; } =
        ["seconds_per_day", "days_per_month", "seconds_per_month", "days_per_year", "storage_prefixes"];

    /// <summary>
    /// Builds conventions from front-matter style settings. Keys: <c>seconds_per_day</c>, <c>days_per_month</c>,
    /// <c>seconds_per_month</c>, <c>days_per_year</c> (values are positive plain-number expressions such as
    /// <c>100K</c>, <c>2.5M</c> or <c>86,400</c>) and <c>storage_prefixes</c> (<c>decimal</c> or <c>binary</c>).
    /// A month follows the day: with only <c>seconds_per_day</c> set, a month keeps its number of days;
    /// <c>seconds_per_month</c> wins over <c>days_per_month</c>. Never throws.
    /// </summary>
    /// <param name="settings">Key/value pairs; keys are matched case-insensitively.</param>
    /// <param name="start">The conventions to start from, usually <see cref="Default"/>.</param>
    /// <param name="diagnostics">Receives EST021 (unknown key, warning) and EST022 (bad value, error) diagnostics.</param>
    /// <param name="span">Where the settings are in the document, for the diagnostics.</param>
    /// <returns>The resulting conventions; a bad value leaves the corresponding setting as in <paramref name="start"/>.</returns>
    public static Conventions FromSettings(
        IReadOnlyDictionary<string, string> settings, Conventions start, List<Diagnostic> diagnostics,
        SourceSpan span = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(diagnostics);

        double? secondsPerDay = null, daysPerMonth = null, secondsPerMonth = null, daysPerYear = null;
        var binary = start.BinaryPrefixes;
        foreach (var (rawKey, rawValue) in settings)
        {
            var key = (rawKey ?? "").Trim().ToLowerInvariant();
            var value = (rawValue ?? "").Trim();
            switch (key)
            {
                case "seconds_per_day":
                    secondsPerDay = ReadPositive(key, value) ?? secondsPerDay;
                    break;
                case "days_per_month":
                    daysPerMonth = ReadPositive(key, value) ?? daysPerMonth;
                    break;
                case "seconds_per_month":
                    secondsPerMonth = ReadPositive(key, value) ?? secondsPerMonth;
                    break;
                case "days_per_year":
                    daysPerYear = ReadPositive(key, value) ?? daysPerYear;
                    break;
                case "storage_prefixes":
                    if (value.Equals("decimal", StringComparison.OrdinalIgnoreCase))
                    {
                        binary = false;
                    }
                    else if (value.Equals("binary", StringComparison.OrdinalIgnoreCase))
                    {
                        binary = true;
                    }
                    else
                    {
                        diagnostics.Add(EstimationDiagnostics.BadSetting(span, key, value,
                            "storage_prefixes is either decimal (1 KB = 1,000 B) or binary (1 KB = 1,024 B)"));
                    }

                    break;
                default:
                    diagnostics.Add(EstimationDiagnostics.UnknownSetting(span, rawKey ?? "",
                        EditDistance.Closest(key, SettingKeys)));
                    break;
            }
        }

        var day = secondsPerDay ?? start.SecondsPerDay;
        var month = secondsPerMonth ?? (daysPerMonth ?? start.DaysPerMonth) * day;
        var result = start with
        {
            SecondsPerDay = day,
            SecondsPerMonth = month,
            DaysPerYear = daysPerYear ?? start.DaysPerYear,
            BinaryPrefixes = binary,
        };

        // Each value is finite and positive, but a product or quotient of two extreme ones (1e308 days of 1e308
        // seconds) overflows or underflows; such a calendar cannot be computed with, so the numbers are refused.
        if (!IsUsable(result.SecondsPerMonth) || !IsUsable(result.SecondsPerYear) || !IsUsable(result.DaysPerMonth))
        {
            var keys = new[] { "seconds_per_day", "days_per_month", "seconds_per_month", "days_per_year" };
            var given = settings.Where(s => keys.Contains((s.Key ?? "").Trim().ToLowerInvariant())).ToList();
            diagnostics.Add(EstimationDiagnostics.BadSetting(span, string.Join(" and ", given.Select(s => s.Key)),
                string.Join(", ", given.Select(s => (s.Value ?? "").Trim())),
                "with these values a month or a year is too long or too short to compute with; use calendar-sized values such as seconds_per_day: 86,400 and days_per_month: 30"));
            return start with { BinaryPrefixes = binary };
        }

        return result;

        static bool IsUsable(double value) => double.IsFinite(value) && value > 0;

        double? ReadPositive(string key, string value)
        {
            var result = EstimateEvaluator.Evaluate(value, EmptyScope.Instance, Default);
            if (result.Value is not { } q)
            {
                diagnostics.Add(EstimationDiagnostics.BadSetting(span, key, value,
                    "write a plain positive number such as 86,400, 100K or 2.5M"));
                return null;
            }

            if (!q.Dimension.IsDimensionless || !(q.Value > 0) || !double.IsFinite(q.Value))
            {
                diagnostics.Add(EstimationDiagnostics.BadSetting(span, key, value,
                    "the value must be a positive plain number (no unit), such as 86,400, 100K or 2.5M"));
                return null;
            }

            return q.Value;
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture,
            $"{SecondsPerDay:0.###} s/day, {SecondsPerMonth:0.###} s/month, {DaysPerYear:0.###} days/year, {(BinaryPrefixes ? "binary" : "decimal")} prefixes");
}

/// <summary>An empty, shared name scope.</summary>
internal static class EmptyScope
{
    /// <summary>The empty scope.</summary>
    public static IReadOnlyDictionary<string, Quantity> Instance { get; } = new Dictionary<string, Quantity>();
}
