namespace DesignDrill.Core.Catalog;

/// <summary>
/// The family a concept card belongs to (<c>category:</c> in <c>catalog/concepts.yaml</c>, written in kebab case:
/// <see cref="ApiDesign"/> is <c>api-design</c>). The set is fixed so that decks, progress and coverage can be
/// reported per family; docs/concept-cards.md lists what goes where.
/// </summary>
public enum ConceptCategory
{
    /// <summary>Growing capacity: vertical and horizontal scaling, stateless services, autoscaling, load balancing and health checks.</summary>
    Scaling,

    /// <summary>Caches and CDNs: cache-aside and the write policies, invalidation, TTLs, stampedes, hit ratio, eviction.</summary>
    Caching,

    /// <summary>Choosing and using stores: SQL and NoSQL, transactions, indexes, denormalisation, storage engines, blob storage.</summary>
    Storage,

    /// <summary>Copies of data: leader-follower, multi-leader and leaderless replication, quorums, lag, failover.</summary>
    Replication,

    /// <summary>Splitting data: range, hash, directory and geo sharding, consistent hashing, rebalancing, hot partitions, partition keys.</summary>
    Partitioning,

    /// <summary>What readers may see and how nodes agree: CAP, PACELC, consistency models, consensus, leases, fencing, distributed transactions.</summary>
    Consistency,

    /// <summary>Asynchronous work: queues, streams, delivery semantics, ordering, dead-letter queues, outbox, event sourcing, CQRS, fan-out.</summary>
    Messaging,

    /// <summary>Contracts between clients and services: REST, gRPC, pagination, versioning, push channels, idempotency.</summary>
    ApiDesign,

    /// <summary>Surviving slow or failing dependencies and overload: timeouts, retries, backoff, circuit breakers, bulkheads, rate limiting.</summary>
    Resilience,

    /// <summary>Staying up and recovering: single points of failure, redundancy, the nines, disaster recovery, multi-region set-ups.</summary>
    Availability,

    /// <summary>Knowing what the system does: metrics, logs, traces, RED and USE, SLIs, SLOs, SLAs, error budgets, tail latency.</summary>
    Observability,

    /// <summary>Identity and protection: authentication, authorisation, OAuth 2.0 and OIDC, TLS, encryption, secrets, least privilege.</summary>
    Security,

    /// <summary>Numbers and capacity maths: latency figures, back-of-the-envelope arithmetic, Little's law, utilisation, Erlang C.</summary>
    Estimation,

    /// <summary>Specialised structures a design leans on: Bloom filters, HyperLogLog, count-min sketch, geohash, quadtrees, tries, Merkle trees.</summary>
    DataStructures,
}
