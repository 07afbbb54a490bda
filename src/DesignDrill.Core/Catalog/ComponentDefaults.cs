namespace DesignDrill.Core.Catalog;

/// <summary>
/// A set of default figures for one component: per-instance capacity, service time, availability, sizes and prices.
/// Each figure is optional and carries its source and the catalog entry it came from. Immutable; <see cref="Merge"/>
/// lays one set over another (a technology over its kind, a design's own figures over both).
/// </summary>
public sealed record ComponentDefaults
{
    /// <summary>No figures.</summary>
    public static ComponentDefaults Empty { get; } = new();

    /// <summary>Reads (or requests) per second one instance serves at saturation.</summary>
    public DefaultValue? ReadsPerSecond { get; init; }

    /// <summary>Writes per second one instance accepts at saturation.</summary>
    public DefaultValue? WritesPerSecond { get; init; }

    /// <summary>Mean service time of one instance, in seconds.</summary>
    public DefaultValue? ServiceTimeMeanSeconds { get; init; }

    /// <summary>99th-percentile service time of one instance, in seconds.</summary>
    public DefaultValue? ServiceTimeP99Seconds { get; init; }

    /// <summary>Fraction of time one instance is up, in (0, 1].</summary>
    public DefaultValue? Availability { get; init; }

    /// <summary>Memory per node that holds data, in bytes.</summary>
    public DefaultValue? MemoryBytes { get; init; }

    /// <summary>Disk per node that holds data, in bytes.</summary>
    public DefaultValue? StorageBytes { get; init; }

    /// <summary>On-demand price of one instance per month, in US dollars.</summary>
    public DefaultValue? CostPerMonthUsd { get; init; }

    /// <summary>Usage price per million requests, in US dollars.</summary>
    public DefaultValue? CostPerMillionRequestsUsd { get; init; }

    /// <summary>Usage price per gigabyte stored per month, in US dollars.</summary>
    public DefaultValue? CostPerGbMonthUsd { get; init; }

    /// <summary>Fraction of reads served without going further, in [0, 1].</summary>
    public DefaultValue? HitRatio { get; init; }

    /// <summary>The figures that are set (including explicit <c>n/a</c>), in <see cref="DefaultField"/> order.</summary>
    public IEnumerable<DefaultValue> Values =>
        DefaultFields.All.Select(s => Get(s.Field)).OfType<DefaultValue>();

    /// <summary>True when no figure is set.</summary>
    public bool IsEmpty => !Values.Any();

    /// <summary>Builds a set from figures; a later figure for the same field replaces an earlier one.</summary>
    /// <param name="values">Figures in any order.</param>
    /// <returns>The set.</returns>
    public static ComponentDefaults From(IEnumerable<DefaultValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Aggregate(Empty, (set, value) => set.With(value));
    }

    /// <summary>The figure for <paramref name="field"/>, or <see langword="null"/> when it is not set.</summary>
    /// <param name="field">A defined field.</param>
    /// <returns>The figure with its source.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="field"/> is not a defined value.</exception>
    public DefaultValue? Get(DefaultField field) => field switch
    {
        DefaultField.ReadsPerSecond => ReadsPerSecond,
        DefaultField.WritesPerSecond => WritesPerSecond,
        DefaultField.ServiceTimeMeanSeconds => ServiceTimeMeanSeconds,
        DefaultField.ServiceTimeP99Seconds => ServiceTimeP99Seconds,
        DefaultField.Availability => Availability,
        DefaultField.MemoryBytes => MemoryBytes,
        DefaultField.StorageBytes => StorageBytes,
        DefaultField.CostPerMonthUsd => CostPerMonthUsd,
        DefaultField.CostPerMillionRequestsUsd => CostPerMillionRequestsUsd,
        DefaultField.CostPerGbMonthUsd => CostPerGbMonthUsd,
        DefaultField.HitRatio => HitRatio,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a default field."),
    };

    /// <summary>A copy with <paramref name="value"/> set for its field (replacing any figure there).</summary>
    /// <param name="value">The figure.</param>
    /// <returns>The new set.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When the value's field is not a defined value.</exception>
    public ComponentDefaults With(DefaultValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Field switch
        {
            DefaultField.ReadsPerSecond => this with { ReadsPerSecond = value },
            DefaultField.WritesPerSecond => this with { WritesPerSecond = value },
            DefaultField.ServiceTimeMeanSeconds => this with { ServiceTimeMeanSeconds = value },
            DefaultField.ServiceTimeP99Seconds => this with { ServiceTimeP99Seconds = value },
            DefaultField.Availability => this with { Availability = value },
            DefaultField.MemoryBytes => this with { MemoryBytes = value },
            DefaultField.StorageBytes => this with { StorageBytes = value },
            DefaultField.CostPerMonthUsd => this with { CostPerMonthUsd = value },
            DefaultField.CostPerMillionRequestsUsd => this with { CostPerMillionRequestsUsd = value },
            DefaultField.CostPerGbMonthUsd => this with { CostPerGbMonthUsd = value },
            DefaultField.HitRatio => this with { HitRatio = value },
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.Field, "Not a default field."),
        };
    }

    /// <summary>
    /// Lays <paramref name="over"/> on this set: every figure <paramref name="over"/> sets wins, the others stay. Used
    /// for kind → technology → design, each figure keeping its own <see cref="DefaultValue.From"/> and source.
    /// </summary>
    /// <param name="over">The more specific set.</param>
    /// <returns>The merged set.</returns>
    public ComponentDefaults Merge(ComponentDefaults over)
    {
        ArgumentNullException.ThrowIfNull(over);
        return over.Values.Aggregate(this, (set, value) => set.With(value));
    }
}
