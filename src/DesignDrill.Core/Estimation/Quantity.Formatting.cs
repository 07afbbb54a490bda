using System.Globalization;

namespace DesignDrill.Core.Estimation;

public readonly partial record struct Quantity
{
    /// <summary>Significant digits shown by <see cref="Format(Conventions)"/>: 4 (trailing zeros dropped, so often 3 or fewer).</summary>
    public const int SignificantDigits = 4;

    private static readonly (double Factor, string Suffix)[] CountScales =
        [(1, ""), (1e3, "K"), (1e6, "M"), (1e9, "B"), (1e12, "T")];

    private static readonly string[] DecimalBytes = ["B", "KB", "MB", "GB", "TB", "PB", "EB"];
    private static readonly string[] BinaryBytes = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

    /// <summary>
    /// Formats the quantity for a person, culture-invariantly, with 4 significant digits and a unit chosen from its
    /// dimension and size. Counts get K/M/B/T suffixes (<c>11.57K</c>); sizes get decimal prefixes, or binary ones
    /// (<c>KiB</c>) under binary conventions (<c>36.5 TB</c>, <c>500 B</c>); durations pick ns, µs, ms, s, min, h,
    /// days or years; rates use <c>/s</c>, falling back to <c>/day</c>, <c>/month</c>, <c>/year</c> when under one
    /// per second (<c>1.157K/s</c>, <c>12.7 MB/s</c>); money is in dollars and per month (<c>$1.2K/month</c>,
    /// <c>$0.023/GB/month</c>). Other dimensions print in base units (<c>5 B*s</c>). The text parses back to the same
    /// quantity within rounding (under the same conventions).
    /// </summary>
    /// <param name="c">Conventions: day, month and year lengths and storage prefixes.</param>
    /// <returns>The formatted text.</returns>
    public string Format(Conventions c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var v = Value;
        if (double.IsNaN(v))
        {
            return "NaN";
        }

        if (double.IsInfinity(v))
        {
            return (v > 0 ? "infinity " : "-infinity ") + Dimension;
        }

        var d = Dimension;
        if (d.IsDimensionless)
        {
            return FormatCount(v);
        }

        if (d == Dimension.Information)
        {
            return FormatBytes(v, c);
        }

        if (d == Dimension.Time)
        {
            return FormatDuration(v, c);
        }

        if (d == Dimension.Money)
        {
            return FormatMoney(v);
        }

        if (d == Dimension.Rate)
        {
            var (amount, per) = PerTime(v, c, preferMonth: false);
            return FormatCount(amount) + "/" + per;
        }

        if (d == Dimension.Bandwidth)
        {
            var (amount, per) = PerTime(v, c, preferMonth: false);
            return FormatBytes(amount, c) + "/" + per;
        }

        if (d == new Dimension(0, -1, 1))
        {
            var (amount, per) = PerTime(v, c, preferMonth: true);
            return FormatMoney(amount) + "/" + per;
        }

        if (d == new Dimension(-1, 0, 1) || d == new Dimension(-1, -1, 1))
        {
            // Prices per stored or transferred volume, quoted per GB (or GiB) as cloud price lists do.
            var perGigabyte = v * (c.BinaryPrefixes ? 1024.0 * 1024 * 1024 : 1e9);
            var gb = c.BinaryPrefixes ? "GiB" : "GB";
            return d.TimeExponent == 0
                ? FormatMoney(perGigabyte) + "/" + gb
                : FormatMoney(perGigabyte * c.SecondsPerMonth) + "/" + gb + "/month";
        }

        var unit = d.ToString();
        return unit.StartsWith("1/", StringComparison.Ordinal)
            ? FormatNumber(v) + unit[1..]
            : FormatNumber(v) + " " + unit;
    }

    /// <summary>
    /// Formats the quantity as <see cref="Format(Conventions)"/> does, or, for a dimensionless finite value with
    /// <paramref name="display"/> <see cref="QuantityDisplay.Percent"/>, as a percentage (<see cref="FormatPercent"/>).
    /// </summary>
    /// <param name="c">Conventions: day, month and year lengths and storage prefixes.</param>
    /// <param name="display">The preferred display, such as <see cref="EvaluationResult.Display"/>.</param>
    /// <returns>The formatted text.</returns>
    public string Format(Conventions c, QuantityDisplay display) =>
        display == QuantityDisplay.Percent && Dimension.IsDimensionless && double.IsFinite(Value)
            ? FormatPercent(Value)
            : Format(c);

    /// <summary>
    /// Formats a fraction as a percentage with 4 significant digits, and for values near 100% enough decimals to
    /// keep 4 significant digits of the remainder, because for an availability the remainder (the unavailability) is
    /// what matters: 0.998001 is <c>99.8001%</c>, 0.9999 <c>99.99%</c>, 0.999702 <c>99.9702%</c>, 0.2 <c>20%</c>.
    /// At most 12 decimals are shown. The text reads back through the <c>%</c> operator of the language.
    /// </summary>
    /// <param name="fraction">The value, where 1 is 100%.</param>
    /// <returns>Invariant text ending in <c>%</c>.</returns>
    public static string FormatPercent(double fraction)
    {
        var percent = fraction * 100;
        if (percent == 0 || !double.IsFinite(percent))
        {
            return FormatNumber(percent) + "%";
        }

        var decimals = DecimalsFor(percent);
        var remainder = 100 - percent;
        if (remainder > 0 && Math.Abs(percent) >= 1)
        {
            decimals = Math.Max(decimals, DecimalsFor(remainder));
        }

        if (Math.Abs(percent) < 1e-3 || Math.Abs(percent) >= 1e15)
        {
            return FormatNumber(percent) + "%";
        }

        return Math.Round(percent, Math.Min(decimals, 12), MidpointRounding.AwayFromZero)
            .ToString("0.############", CultureInfo.InvariantCulture) + "%";

        static int DecimalsFor(double value) =>
            Math.Clamp(SignificantDigits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15);
    }

    /// <summary>Formats a plain number with 4 significant digits and no suffix: <c>1157</c>, <c>0.2</c>, <c>1.5e20</c>.</summary>
    /// <param name="value">The number.</param>
    /// <returns>Invariant text that the estimation language reads back.</returns>
    public static string FormatNumber(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }

        var magnitude = Math.Abs(value);
        if (magnitude is < 1e-3 or >= 1e15)
        {
            return value.ToString("0.###e0", CultureInfo.InvariantCulture);
        }

        var decimals = Math.Clamp(SignificantDigits - 1 - (int)Math.Floor(Math.Log10(magnitude)), 0, 15);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero)
            .ToString("0.###############", CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a count with K/M/B/T suffixes: <c>999</c>, <c>11.57K</c>, <c>2.5M</c>, <c>3T</c>.</summary>
    /// <param name="value">The count.</param>
    /// <returns>Invariant text.</returns>
    public static string FormatCount(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude < 1000 || magnitude >= 1e15 || !double.IsFinite(value))
        {
            return FormatNumber(value);
        }

        for (var i = CountScales.Length - 1; i >= 0; i--)
        {
            if (magnitude >= CountScales[i].Factor * 0.9995)
            {
                var scaled = RoundSignificant(value / CountScales[i].Factor);
                if (Math.Abs(scaled) >= 1000 && i < CountScales.Length - 1)
                {
                    continue;
                }

                return FormatNumber(scaled) + CountScales[i].Suffix;
            }
        }

        return FormatNumber(value);
    }

    private static string FormatMoney(double value) =>
        value < 0 ? "-$" + FormatCount(-value) : "$" + FormatCount(value);

    private static string FormatBytes(double value, Conventions c)
    {
        var names = c.BinaryPrefixes ? BinaryBytes : DecimalBytes;
        var step = c.BinaryPrefixes ? 1024.0 : 1000.0;
        var magnitude = Math.Abs(value);
        var index = 0;
        var scaled = value;
        while (index < names.Length - 1 && magnitude >= Math.Pow(step, index + 1) * 0.9995)
        {
            index++;
        }

        scaled = RoundSignificant(value / Math.Pow(step, index));
        if (Math.Abs(scaled) >= 1000 && index < names.Length - 1 && !c.BinaryPrefixes)
        {
            index++;
            scaled = RoundSignificant(value / Math.Pow(step, index));
        }

        return FormatNumber(scaled) + " " + names[index];
    }

    private static string FormatDuration(double value, Conventions c)
    {
        (double Size, string Singular, string Plural)[] units =
        [
            (1e-9, "ns", "ns"), (1e-6, "µs", "µs"), (1e-3, "ms", "ms"), (1, "s", "s"), (60, "min", "min"),
            (3600, "h", "h"), (c.SecondsPerDay, "day", "days"), (c.SecondsPerYear, "year", "years"),
        ];
        Array.Sort(units, (a, b) => a.Size.CompareTo(b.Size));
        var magnitude = Math.Abs(value);
        var chosen = units[0];
        foreach (var unit in units)
        {
            if (magnitude >= unit.Size * 0.9995)
            {
                chosen = unit;
            }
        }

        if (value == 0)
        {
            chosen = (1, "s", "s");
        }

        var number = FormatNumber(RoundSignificant(value / chosen.Size));
        return number + " " + (number == "1" ? chosen.Singular : chosen.Plural);
    }

    /// <summary>Picks the time denominator for a rate: per second unless that is under one, then per day, month, year.</summary>
    private static (double Amount, string Per) PerTime(double perSecond, Conventions c, bool preferMonth)
    {
        if (preferMonth)
        {
            return (perSecond * c.SecondsPerMonth, "month");
        }

        (double Size, string Name)[] denominators =
            [(1, "s"), (c.SecondsPerDay, "day"), (c.SecondsPerMonth, "month"), (c.SecondsPerYear, "year")];
        var magnitude = Math.Abs(perSecond);
        if (magnitude == 0)
        {
            return (0, "s");
        }

        foreach (var (size, name) in denominators)
        {
            if (magnitude * size >= 0.9995)
            {
                return (perSecond * size, name);
            }
        }

        return (perSecond * c.SecondsPerYear, "year");
    }

    private static double RoundSignificant(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value;
        }

        var magnitude = Math.Abs(value);
        if (magnitude is < 1e-3 or >= 1e15)
        {
            return value;
        }

        var decimals = Math.Clamp(SignificantDigits - 1 - (int)Math.Floor(Math.Log10(magnitude)), 0, 15);
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero);
    }
}
