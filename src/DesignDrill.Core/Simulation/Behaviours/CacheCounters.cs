namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>What a cache has done since it was created or its counters were last reset.</summary>
/// <param name="Hits">Reads served from the cache.</param>
/// <param name="Misses">Reads that went to the backing store, including <paramref name="Expirations"/>.</param>
/// <param name="Evictions">Entries removed to make room for another (capacity evictions).</param>
/// <param name="Expirations">Reads that found their entry past its time to live; each is also a miss.</param>
/// <param name="Writes">Calls to <see cref="EvictingCache.Write(long, long)"/>.</param>
/// <param name="Invalidations">Cached entries deleted by a cache-aside write.</param>
/// <param name="StoreWrites">Writes sent synchronously to the backing store (cache-aside and write-through: every write).</param>
/// <param name="WriteBacks">Dirty entries written to the backing store when they left the cache or were flushed (write-back).</param>
/// <param name="LostWrites">Dirty entries dropped by <see cref="EvictingCache.Clear"/> before being written back.</param>
public readonly record struct CacheCounters(
    long Hits,
    long Misses,
    long Evictions,
    long Expirations,
    long Writes,
    long Invalidations,
    long StoreWrites,
    long WriteBacks,
    long LostWrites)
{
    /// <summary>The number of reads, hits plus misses.</summary>
    public long Reads => Hits + Misses;

    /// <summary>Hits divided by reads, in [0, 1]; 0 when there were no reads.</summary>
    public double HitRatio => Reads == 0 ? 0 : (double)Hits / Reads;
}
