namespace DesignDrill.Core.Catalog;

/// <summary>
/// One default figure a catalog entry can give under <c>defaults:</c>. The catalog file writes each in a readable unit
/// (milliseconds, gigabytes); the model holds SI base units (seconds, bytes), as the member names say. The YAML key,
/// unit and allowed range of each field are listed in <see cref="DefaultFields"/>.
/// </summary>
public enum DefaultField
{
    /// <summary>Reads (or requests, for components that do not distinguish) one instance serves per second at saturation; YAML <c>reads_per_second</c>.</summary>
    ReadsPerSecond,

    /// <summary>Writes one instance accepts per second at saturation; YAML <c>writes_per_second</c>.</summary>
    WritesPerSecond,

    /// <summary>Mean time one instance spends on a request, in seconds; YAML <c>service_time_ms</c> (milliseconds).</summary>
    ServiceTimeMeanSeconds,

    /// <summary>99th-percentile service time of one instance, in seconds; YAML <c>service_time_p99_ms</c> (milliseconds).</summary>
    ServiceTimeP99Seconds,

    /// <summary>Fraction of time one instance is up, in (0, 1]; YAML <c>availability</c>.</summary>
    Availability,

    /// <summary>Memory per node that holds data (caches, in-memory stores), in bytes; YAML <c>memory_gb</c> (10⁹ bytes).</summary>
    MemoryBytes,

    /// <summary>Disk per node that holds data (stores), in bytes; YAML <c>storage_gb</c> (10⁹ bytes).</summary>
    StorageBytes,

    /// <summary>On-demand price of one instance per month (730 hours), in US dollars; YAML <c>cost_per_month_usd</c>.</summary>
    CostPerMonthUsd,

    /// <summary>Usage price per million requests, in US dollars, for usage-priced services; YAML <c>cost_per_million_requests_usd</c>.</summary>
    CostPerMillionRequestsUsd,

    /// <summary>Usage price per gigabyte stored per month, in US dollars, for storage priced by volume (object stores); YAML <c>cost_per_gb_month_usd</c>.</summary>
    CostPerGbMonthUsd,

    /// <summary>Fraction of reads served from the component without going further (caches, CDNs), in [0, 1]; YAML <c>hit_ratio</c>.</summary>
    HitRatio,
}
