namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// How a cache handles writes (Hennessy and Patterson, <i>Computer Architecture: A Quantitative Approach</i>, 6th ed.,
/// appendix B, for write-through and write-back; the cache-aside pattern as described in the AWS whitepaper "Database
/// Caching Strategies Using Redis", 2017). Reads are the same under every policy: a hit is served from the cache, a miss
/// is read from the backing store and the entry is filled (read-allocate).
/// </summary>
public enum CachePolicy
{
    /// <summary>
    /// The application writes to the backing store and deletes the cached entry; the next read misses and refills it.
    /// Every write is one synchronous store write and, if the key was cached, one invalidation.
    /// </summary>
    CacheAside,

    /// <summary>
    /// The write updates the cache (inserting the key if absent: write-allocate) and the backing store synchronously.
    /// Every write is one synchronous store write; the cache never holds data the store lacks.
    /// </summary>
    WriteThrough,

    /// <summary>
    /// The write updates the cache only (write-allocate) and marks the entry dirty; the store is written once when a
    /// dirty entry leaves the cache (eviction, expiry or flush), so repeated writes to a cached key coalesce. Dirty
    /// entries dropped by <see cref="EvictingCache.Clear"/> are lost writes.
    /// </summary>
    WriteBack,
}
