namespace DesignDrill.Core.Catalog;

/// <summary>How a <see cref="DefaultField"/> is written in the catalog file: its key, the factor to the model's unit and its allowed range.</summary>
/// <param name="Field">The field.</param>
/// <param name="YamlKey">The key under <c>defaults:</c>, such as <c>service_time_ms</c>.</param>
/// <param name="ToModelUnit">Factor from the file's unit to the model's (0.001 for milliseconds to seconds, 10⁹ for GB to bytes, 1 otherwise).</param>
/// <param name="Range">The values allowed, in the file's unit.</param>
/// <param name="Unit">The file's unit as shown in docs and messages (<c>ms</c>, <c>GB</c>, <c>/s</c>, <c>USD</c>, or empty for fractions).</param>
public sealed record DefaultFieldSpec(DefaultField Field, string YamlKey, double ToModelUnit, DefaultFieldRange Range, string Unit);

/// <summary>The values a default figure may take.</summary>
public enum DefaultFieldRange
{
    /// <summary>Zero or more: rates, times, sizes and prices.</summary>
    NonNegative,

    /// <summary>More than 0 and at most 1: availability (an instance that is never up is not a default).</summary>
    PositiveFraction,

    /// <summary>From 0 to 1 inclusive: hit ratios.</summary>
    Fraction,
}

/// <summary>The table of default fields: units are data, and the loader, docs and tests follow from it.</summary>
public static class DefaultFields
{
    /// <summary>Milliseconds per second (1,000), to turn the file's <c>_ms</c> figures into seconds.</summary>
    public const double MillisecondsPerSecond = 1_000;

    /// <summary>Bytes per gigabyte (1,000,000,000; decimal, as cloud price lists and the estimation language use).</summary>
    public const double BytesPerGigabyte = 1_000_000_000;

    /// <summary>Every field, in <see cref="DefaultField"/> order.</summary>
    public static IReadOnlyList<DefaultFieldSpec> All { get; } =
    [
        new(DefaultField.ReadsPerSecond, "reads_per_second", 1, DefaultFieldRange.NonNegative, "/s"),
        new(DefaultField.WritesPerSecond, "writes_per_second", 1, DefaultFieldRange.NonNegative, "/s"),
        new(DefaultField.ServiceTimeMeanSeconds, "service_time_ms", 1 / MillisecondsPerSecond, DefaultFieldRange.NonNegative, "ms"),
        new(DefaultField.ServiceTimeP99Seconds, "service_time_p99_ms", 1 / MillisecondsPerSecond, DefaultFieldRange.NonNegative, "ms"),
        new(DefaultField.Availability, "availability", 1, DefaultFieldRange.PositiveFraction, ""),
        new(DefaultField.MemoryBytes, "memory_gb", BytesPerGigabyte, DefaultFieldRange.NonNegative, "GB"),
        new(DefaultField.StorageBytes, "storage_gb", BytesPerGigabyte, DefaultFieldRange.NonNegative, "GB"),
        new(DefaultField.CostPerMonthUsd, "cost_per_month_usd", 1, DefaultFieldRange.NonNegative, "USD"),
        new(DefaultField.CostPerMillionRequestsUsd, "cost_per_million_requests_usd", 1, DefaultFieldRange.NonNegative, "USD"),
        new(DefaultField.CostPerGbMonthUsd, "cost_per_gb_month_usd", 1, DefaultFieldRange.NonNegative, "USD"),
        new(DefaultField.HitRatio, "hit_ratio", 1, DefaultFieldRange.Fraction, ""),
    ];

    /// <summary>The spec of <paramref name="field"/>.</summary>
    /// <param name="field">A defined field.</param>
    /// <returns>Its key, unit and range.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="field"/> is not a defined value.</exception>
    public static DefaultFieldSpec Get(DefaultField field) =>
        (int)field >= 0 && (int)field < All.Count ? All[(int)field] : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a default field.");

    /// <summary>Finds the field written as <paramref name="yamlKey"/> in the catalog file.</summary>
    /// <param name="yamlKey">A key such as <c>hit_ratio</c> (exact, case-sensitive).</param>
    /// <returns>The spec, or <see langword="null"/> when the key is not a field.</returns>
    public static DefaultFieldSpec? FindByYamlKey(string yamlKey) => All.FirstOrDefault(s => s.YamlKey == yamlKey);
}
