namespace DesignDrill.Core.Catalog;

/// <summary>The broad family of a component kind; it decides diagram shapes and which settings make sense.</summary>
public enum ComponentCategory
{
    /// <summary>Traffic handling in front of compute: DNS, CDN, load balancers, gateways, proxies, limiters.</summary>
    Network,

    /// <summary>Code that handles requests or work items: services, workers, functions, stream processors.</summary>
    Compute,

    /// <summary>Components that keep data: caches, databases, indexes, object stores.</summary>
    Storage,

    /// <summary>Components that carry messages between others: queues, streams, pub/sub, dead-letter queues.</summary>
    Messaging,

    /// <summary>Supporting services: id generation, coordination, locks, discovery, monitoring.</summary>
    Infrastructure,

    /// <summary>Where requests start: browsers, mobile apps, calling systems.</summary>
    Client,
}
