namespace DesignDrill.Core.Catalog;

/// <summary>
/// The kind of a component (cache, service, queue, ...), identified by its catalog id such as <c>cache</c> or
/// <c>sql_db</c>. Kinds are data (catalog/components.yaml), so this is a string-backed value rather than an enum; the
/// static members name the kinds that Core code refers to directly, and compare equal to kinds loaded from the catalog.
/// </summary>
/// <param name="Id">Catalog id: lower case letters, digits and underscores, such as <c>load_balancer</c>.</param>
public sealed record ComponentKind(string Id)
{
    /// <summary>People or programs that start requests.</summary>
    public static ComponentKind Client { get; } = new("client");

    /// <summary>Spreads requests over service replicas.</summary>
    public static ComponentKind LoadBalancer { get; } = new("load_balancer");

    /// <summary>Single API entry point (auth, routing, throttling).</summary>
    public static ComponentKind ApiGateway { get; } = new("api_gateway");

    /// <summary>Edge cache close to users.</summary>
    public static ComponentKind Cdn { get; } = new("cdn");

    /// <summary>Admits or rejects requests against a limit.</summary>
    public static ComponentKind RateLimiter { get; } = new("rate_limiter");

    /// <summary>Stateless application servers.</summary>
    public static ComponentKind Service { get; } = new("service");

    /// <summary>Background consumers of queued work.</summary>
    public static ComponentKind Worker { get; } = new("worker");

    /// <summary>In-memory cache in front of a store.</summary>
    public static ComponentKind Cache { get; } = new("cache");

    /// <summary>Relational database.</summary>
    public static ComponentKind SqlDb { get; } = new("sql_db");

    /// <summary>Partitioned key-value store.</summary>
    public static ComponentKind KvStore { get; } = new("kv_store");

    /// <summary>Partitioned wide-column store.</summary>
    public static ComponentKind WideColumnDb { get; } = new("wide_column_db");

    /// <summary>Document database.</summary>
    public static ComponentKind DocumentDb { get; } = new("document_db");

    /// <summary>Blob storage.</summary>
    public static ComponentKind ObjectStore { get; } = new("object_store");

    /// <summary>Point-to-point work queue.</summary>
    public static ComponentKind Queue { get; } = new("queue");

    /// <summary>Partitioned replayable log.</summary>
    public static ComponentKind Stream { get; } = new("stream");

    /// <summary>Publish-subscribe fan-out.</summary>
    public static ComponentKind PubSub { get; } = new("pubsub");

    /// <summary>Dead-letter queue.</summary>
    public static ComponentKind Dlq { get; } = new("dlq");

    /// <inheritdoc />
    public override string ToString() => Id;
}
