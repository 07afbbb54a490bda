namespace DesignDrill.Core.Estimation;

/// <summary>
/// The unit table of the estimation language. Sizes are in base units: bytes, seconds, US dollars. Decimal
/// prefixes are SI (powers of 1,000); binary prefixes are IEC 80000-13 (powers of 1,024).
/// </summary>
public static class UnitTable
{
    private static readonly Dictionary<string, UnitDefinition> ByName = new(StringComparer.Ordinal);

    /// <summary>Every word in the table, in documentation order.</summary>
    public static IReadOnlyList<UnitDefinition> All { get; } = Build();

    /// <summary>
    /// Words that are neither units nor names: <c>x</c> (multiplication), <c>per</c> (division) and the ambiguous
    /// <c>m</c> and <c>b</c> (metre or minute? bit or billion?), which the language refuses to guess.
    /// </summary>
    public static IReadOnlyList<string> OperatorAndAmbiguousWords { get; } = ["x", "per", "m", "b"];

    /// <summary>Looks up a unit or scale word by its exact spelling.</summary>
    /// <param name="word">The word as written.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns>True when <paramref name="word"/> is in the table.</returns>
    public static bool TryGet(string word, out UnitDefinition unit) => ByName.TryGetValue(word, out unit!);

    /// <summary>
    /// True when <paramref name="word"/> cannot be used as a name because it is a unit, a scale word, an operator
    /// word, an ambiguous word or a function (<see cref="EstimateFunction.All"/>).
    /// </summary>
    /// <param name="word">A candidate name.</param>
    /// <returns>True when reserved.</returns>
    public static bool IsReserved(string word) =>
        ByName.ContainsKey(word) || OperatorAndAmbiguousWords.Contains(word, StringComparer.Ordinal) ||
        EstimateFunction.IsFunction(word);

    /// <summary>Every spelling in the table, for "did you mean" hints.</summary>
    internal static IEnumerable<string> AllNames => ByName.Keys;

    private static double Storage(Conventions c, int power) => Math.Pow(c.BinaryPrefixes ? 1024 : 1000, power);

    private static List<UnitDefinition> Build()
    {
        var list = new List<UnitDefinition>();
        var info = Dimension.Information;
        var time = Dimension.Time;
        var none = Dimension.Dimensionless;

        void Add(UnitKind kind, Dimension dimension, Func<Conventions, double> size, string description,
            params string[] names)
        {
            var unit = new UnitDefinition(names, kind, dimension, size, description);
            list.Add(unit);
            foreach (var name in names)
            {
                ByName.Add(name, unit);
            }
        }

        // Scale words: dimensionless factors.
        Add(UnitKind.Scale, none, _ => 1e3, "thousand: 1,000", "thousand", "K", "k");
        Add(UnitKind.Scale, none, _ => 1e6, "million: 1,000,000", "million", "M");
        Add(UnitKind.Scale, none, _ => 1e9, "billion: 1,000,000,000 (short scale)", "billion");
        Add(UnitKind.Scale, none, _ => 1e12, "trillion: 10^12 (short scale)", "trillion", "T");

        // Information.
        Add(UnitKind.Unit, info, _ => 1, "byte: 8 bits; the base unit of information", "B", "byte", "bytes");
        string[] decimalNames = ["KB", "MB", "GB", "TB", "PB", "EB"];
        string[] longNames = ["kilobyte", "megabyte", "gigabyte", "terabyte", "petabyte", "exabyte"];
        string[] binaryNames = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        string[] decimalText = ["1,000 B", "10^6 B", "10^9 B", "10^12 B", "10^15 B", "10^18 B"];
        string[] binaryText = ["1,024 B", "2^20 B", "2^30 B", "2^40 B", "2^50 B", "2^60 B"];
        for (var i = 0; i < decimalNames.Length; i++)
        {
            var power = i + 1;
            var aliases = power == 1
                ? new[] { decimalNames[i], "kB", longNames[i], longNames[i] + "s" }
                : [decimalNames[i], longNames[i], longNames[i] + "s"];
            Add(UnitKind.Unit, info, c => Storage(c, power),
                $"{longNames[i]}: {decimalText[i]} ({binaryText[i]} with binary prefixes)", aliases);
        }

        for (var i = 0; i < binaryNames.Length; i++)
        {
            var factor = Math.Pow(1024, i + 1);
            Add(UnitKind.Unit, info, _ => factor, $"{binaryNames[i]}: {binaryText[i]}, always binary", binaryNames[i]);
        }

        Add(UnitKind.Unit, info, _ => 1.0 / 8, "bit: 1/8 B", "bit", "bits");
        string[] bitNames = ["Kbit", "Mbit", "Gbit", "Tbit"];
        string[] rateNames = ["Kbps", "Mbps", "Gbps", "Tbps"];
        for (var i = 0; i < bitNames.Length; i++)
        {
            var factor = Math.Pow(1000, i + 1) / 8;
            var bitAliases = i == 0 ? new[] { bitNames[i], "kbit" } : [bitNames[i]];
            Add(UnitKind.Unit, info, _ => factor, $"{bitNames[i]}: 10^{3 * (i + 1)} bits, always decimal", bitAliases);
        }

        // Bandwidth in bits per second (network rates are decimal).
        Add(UnitKind.Unit, Dimension.Bandwidth, _ => 1.0 / 8, "bits per second: 1/8 B/s", "bps");
        for (var i = 0; i < rateNames.Length; i++)
        {
            var factor = Math.Pow(1000, i + 1) / 8;
            var rateAliases = i == 0 ? new[] { rateNames[i], "kbps" } : [rateNames[i]];
            Add(UnitKind.Unit, Dimension.Bandwidth, _ => factor,
                $"{rateNames[i]}: 10^{3 * (i + 1)} bit/s, always decimal", rateAliases);
        }

        // Time.
        Add(UnitKind.Unit, time, _ => 1e-9, "nanosecond: 10^-9 s", "ns");
        Add(UnitKind.Unit, time, _ => 1e-6, "microsecond: 10^-6 s", "us", "µs", "μs");
        Add(UnitKind.Unit, time, _ => 1e-3, "millisecond: 10^-3 s", "ms");
        Add(UnitKind.Unit, time, _ => 1, "second: the base unit of time", "s", "sec", "secs", "second", "seconds");
        Add(UnitKind.Unit, time, _ => 60, "minute: 60 s", "min", "mins", "minute", "minutes");
        Add(UnitKind.Unit, time, _ => 3600, "hour: 3,600 s", "h", "hr", "hrs", "hour", "hours");
        Add(UnitKind.Unit, time, c => c.SecondsPerDay, "day: seconds_per_day (86,400 s by default)", "day", "days");
        Add(UnitKind.Unit, time, c => 7 * c.SecondsPerDay, "week: 7 days", "week", "weeks");
        Add(UnitKind.Unit, time, c => c.SecondsPerMonth, "month: seconds_per_month (30 days by default)", "month",
            "months");
        Add(UnitKind.Unit, time, c => c.SecondsPerYear, "year: days_per_year days (365 by default)", "year", "years",
            "yr", "yrs");

        // Rates.
        Add(UnitKind.Unit, Dimension.Rate, _ => 1, "requests per second: 1/s", "rps", "qps");

        // Money.
        Add(UnitKind.Unit, Dimension.Money, _ => 1, "US dollar: the base unit of money", "$", "USD", "dollar",
            "dollars");
        return list;
    }
}
