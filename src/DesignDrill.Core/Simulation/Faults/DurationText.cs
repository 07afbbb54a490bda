using System.Globalization;
using DesignDrill.Core.Diagnostics;
using DesignDrill.Core.Text;

namespace DesignDrill.Core.Simulation.Faults;

/// <summary>
/// Reads and writes simulated times and durations such as <c>250ms</c>, <c>30s</c>, <c>1.5m</c>, <c>2h</c>,
/// <c>1d</c> or <c>1m30s</c>: the <c>at</c> and <c>for</c> of a fault, <c>--duration</c> of <c>drill simulate</c>.
/// </summary>
/// <remarks>
/// <para>
/// The syntax is that of Go's <c>time.ParseDuration</c>: one or more pairs of a decimal number (<c>30</c>,
/// <c>1.5</c>, <c>.5</c>) and a unit, with no sign; spaces are allowed between a number and its unit and between
/// pairs (<c>30 s</c>, <c>1m 30s</c>), and a bare <c>0</c> is also accepted. The units
/// are <c>ns</c>, <c>us</c> (or <c>µs</c>), <c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c> as in Go, plus <c>d</c> for a day of
/// 86,400 s, and the long forms <c>sec</c>, <c>min</c>, <c>hr</c>, <c>second(s)</c>, <c>minute(s)</c>, <c>hour(s)</c>,
/// <c>day(s)</c>. Here <c>m</c> is the minute: there are no lengths in this grammar, unlike the estimation language
/// (docs/estimation.md), which refuses <c>m</c> as ambiguous; that is why this small parser exists instead of reusing it.
/// </para>
/// <para>
/// The value is computed in <see cref="decimal"/> and rounded to the nearest nanosecond, so <c>0.1s</c> is exactly
/// 100,000,000 ns. It must fit in simulated time (at most <see cref="SimTime.MaxNs"/> ns, about 292 years).
/// Parsing never throws; problems come back as SIM011 (malformed) or SIM008 (too large) diagnostics.
/// </para>
/// </remarks>
public static class DurationText
{
    /// <summary>The units accepted, for messages: "ns, us (µs), ms, s, m (min), h, d".</summary>
    public const string UnitList = "ns, us (µs), ms, s, m (min), h, d";

    private static readonly (string Name, long Ns)[] UnitTable =
    [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("μs", 1_000), ("ms", SimTime.NanosecondsPerMillisecond),
        ("s", SimTime.NanosecondsPerSecond), ("sec", SimTime.NanosecondsPerSecond), ("secs", SimTime.NanosecondsPerSecond),
        ("second", SimTime.NanosecondsPerSecond), ("seconds", SimTime.NanosecondsPerSecond),
        ("m", MinuteNs), ("min", MinuteNs), ("mins", MinuteNs), ("minute", MinuteNs), ("minutes", MinuteNs),
        ("h", HourNs), ("hr", HourNs), ("hrs", HourNs), ("hour", HourNs), ("hours", HourNs),
        ("d", DayNs), ("day", DayNs), ("days", DayNs),
    ];

    private const long MinuteNs = 60 * SimTime.NanosecondsPerSecond;
    private const long HourNs = 60 * MinuteNs;
    private const long DayNs = 24 * HourNs;

    /// <summary>Parses a time or duration; never throws.</summary>
    /// <param name="text">The text, such as <c>30s</c>; surrounding spaces are ignored.</param>
    /// <param name="durationNs">The duration in nanoseconds (0 or more) when the text is valid; otherwise 0.</param>
    /// <param name="diagnostic">SIM001 (empty), SIM011 (malformed) or SIM008 (beyond about 292 years); otherwise null.</param>
    /// <returns>True when the text is a valid duration.</returns>
    public static bool TryParse(string? text, out long durationNs, out Diagnostic? diagnostic) =>
        TryParse(text, 1, 1, out durationNs, out diagnostic);

    /// <summary>Parses a time or duration that sits inside a longer text; never throws.</summary>
    /// <param name="text">The text, such as <c>30s</c>; surrounding spaces are ignored.</param>
    /// <param name="line">The 1-based line the text is on, for the diagnostic's span.</param>
    /// <param name="column">The 1-based column of the text's first character, for the diagnostic's span.</param>
    /// <param name="durationNs">The duration in nanoseconds (0 or more) when the text is valid; otherwise 0.</param>
    /// <param name="diagnostic">SIM001 (empty), SIM011 (malformed) or SIM008 (beyond about 292 years); otherwise null.</param>
    /// <returns>True when the text is a valid duration.</returns>
    public static bool TryParse(string? text, int line, int column, out long durationNs, out Diagnostic? diagnostic)
    {
        text ??= "";
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            durationNs = 0;
            diagnostic = SimulationDiagnostics.Empty(new SourceSpan(line, column, column + Math.Max(1, text.Length)), "duration", "30s");
            return false;
        }

        return TryParse(text, start, end, line, column, out durationNs, out diagnostic);
    }

    /// <summary>
    /// Parses the length of a run (<c>drill simulate --duration 120s</c>): a duration above 0; never throws.
    /// </summary>
    /// <param name="text">The text, such as <c>120s</c> or <c>10m</c>.</param>
    /// <param name="durationNs">The duration in nanoseconds (at least 1) when valid; otherwise 0.</param>
    /// <param name="diagnostic">SIM001, SIM011 or SIM008 (zero, or beyond about 292 years); otherwise null.</param>
    /// <returns>True when the text is a valid, positive duration.</returns>
    public static bool TryParseRunDuration(string? text, out long durationNs, out Diagnostic? diagnostic)
    {
        if (!TryParse(text, out durationNs, out diagnostic))
        {
            return false;
        }

        if (durationNs > 0)
        {
            return true;
        }

        var trimmed = (text ?? "").Trim();
        var column = 1 + (text ?? "").IndexOf(trimmed, StringComparison.Ordinal);
        diagnostic = SimulationDiagnostics.OutOfRange(new SourceSpan(1, column, column + trimmed.Length),
            "The run duration", trimmed, "above 0 (a run of 0 s simulates nothing)");
        durationNs = 0;
        return false;
    }

    /// <summary>
    /// Writes a duration in the largest unit that divides it exactly (<c>90s</c>, <c>2m</c>, <c>1500ms</c>,
    /// <c>1d</c>), so that <see cref="TryParse(string?, out long, out Diagnostic?)"/> reads back the same value.
    /// </summary>
    /// <param name="durationNs">The duration in nanoseconds; at least 0.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="durationNs"/> is negative.</exception>
    public static string Format(long durationNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(durationNs);
        if (durationNs == 0)
        {
            return "0s";
        }

        foreach (var (name, ns) in (ReadOnlySpan<(string, long)>)[("d", DayNs), ("h", HourNs), ("m", MinuteNs),
                     ("s", SimTime.NanosecondsPerSecond), ("ms", SimTime.NanosecondsPerMillisecond), ("us", 1_000)])
        {
            if (durationNs % ns == 0)
            {
                return (durationNs / ns).ToString(CultureInfo.InvariantCulture) + name;
            }
        }

        return durationNs.ToString(CultureInfo.InvariantCulture) + "ns";
    }

    /// <summary>Parses text[start..end) (no surrounding spaces), reporting spans relative to <paramref name="column"/> (the column of index 0).</summary>
    internal static bool TryParse(string text, int start, int end, int line, int column, out long durationNs, out Diagnostic? diagnostic)
    {
        durationNs = 0;
        var word = text[start..end];
        var span = new SourceSpan(line, column + start, column + end);
        if (word == "0")
        {
            diagnostic = null;
            return true;
        }

        if (word[0] is '-' or '+')
        {
            diagnostic = SimulationDiagnostics.BadDuration(span, word,
                word[0] == '-' ? "a time cannot be negative (times count from the start of the run)" : "write it without a sign",
                word.Length > 1 ? word[1..] : null);
            return false;
        }

        var total = 0m;
        var i = 0;
        while (i < word.Length)
        {
            var numberStart = i;
            while (i < word.Length && (char.IsAsciiDigit(word[i]) || word[i] == '.'))
            {
                i++;
            }

            var number = word[numberStart..i];
            if (number.Length == 0 || number == "." || number.Count(c => c == '.') > 1)
            {
                diagnostic = SimulationDiagnostics.BadDuration(span, word,
                    number.Length == 0 ? $"expected a number at '{word[numberStart..]}'" : $"'{number}' is not a number", null);
                return false;
            }

            while (i < word.Length && char.IsWhiteSpace(word[i]))
            {
                i++;
            }

            var unitStart = i;
            while (i < word.Length && char.IsLetter(word[i]))
            {
                i++;
            }

            var unitText = word[unitStart..i];
            if (unitText.Length == 0)
            {
                diagnostic = i < word.Length
                    ? SimulationDiagnostics.BadDuration(span, word, $"'{word[i]}' is not part of a time", null)
                    : SimulationDiagnostics.BadDuration(span, word, "it has no unit", numberStart == 0 ? word.TrimEnd() + "s" : null);
                return false;
            }

            var unitNs = UnitNs(unitText);
            if (unitNs == 0)
            {
                var closest = EditDistance.Closest(unitText, UnitTable.Select(u => u.Name));
                diagnostic = SimulationDiagnostics.BadDuration(span, word, $"'{unitText}' is not a unit of time",
                    closest is null ? null : word[..unitStart] + closest + word[i..]);
                return false;
            }

            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ||
                value > (SimTime.MaxNs - total) / unitNs)
            {
                diagnostic = TooLarge(span, word);
                return false;
            }

            total += value * unitNs;
            while (i < word.Length && char.IsWhiteSpace(word[i]))
            {
                i++;
            }
        }

        var rounded = decimal.Round(total, MidpointRounding.AwayFromZero);
        if (rounded > SimTime.MaxNs)
        {
            diagnostic = TooLarge(span, word);
            return false;
        }

        durationNs = (long)rounded;
        diagnostic = null;
        return true;
    }

    /// <summary>True when <paramref name="word"/> is a unit of time (for joining <c>30 s</c> into one value).</summary>
    internal static bool IsUnit(string word) => UnitNs(word) != 0;

    private static long UnitNs(string unit)
    {
        foreach (var (name, ns) in UnitTable)
        {
            if (string.Equals(name, unit, StringComparison.OrdinalIgnoreCase))
            {
                return ns;
            }
        }

        return 0;
    }

    private static Diagnostic TooLarge(SourceSpan span, string word) =>
        SimulationDiagnostics.OutOfRange(span, "The time", word,
            "at most about 292 years (the range of a 64-bit count of nanoseconds)");
}
