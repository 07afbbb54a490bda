namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A least-frequently-used cache: a full cache evicts the entry with the fewest accesses since it entered the cache,
/// and among those the one that reached that count first. The structure is the O(1) scheme of Shah, Mitra and Matani,
/// "An O(1) algorithm for implementing the LFU cache eviction scheme" (2010): a list of frequency buckets in rising
/// order, each holding the list of entries with that access count, so an access moves an entry to the next bucket and
/// the victim is the first entry of the first bucket. Both lists are threaded through arrays, so nothing is allocated
/// once the cache is full.
/// </summary>
/// <remarks>
/// Counts are in-cache counts: an evicted or expired entry starts again at 1 when it returns (Redis's allkeys-lfu
/// instead keeps a decaying approximate counter). Under a stationary workload the cache converges on the most popular
/// keys; a shift in popularity is adopted slowly, because old favourites keep their high counts.
/// </remarks>
public sealed class LfuCache : EvictingCache
{
    private const int None = -1;

    // Per entry slot: neighbours within its bucket (older entries first) and the bucket it is in.
    private int[] _previous;
    private int[] _next;
    private int[] _bucketOf;

    // Per bucket: its access count, neighbours in the bucket list (lower counts first), and its first and last entries.
    private long[] _bucketCount;
    private int[] _bucketLower;
    private int[] _bucketHigher;
    private int[] _bucketFirst;
    private int[] _bucketLast;
    private int[] _freeBuckets;
    private int _freeBucketCount;
    private int _usedBuckets;
    private int _lowestBucket = None;

    /// <summary>Creates an empty LFU cache.</summary>
    /// <param name="capacity">The capacity in entries; 0 to <see cref="EvictingCache.MaxCapacity"/>.</param>
    /// <param name="policy">How writes are handled; cache-aside when omitted.</param>
    /// <param name="defaultTtlNs">The default time to live in nanoseconds; none when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="EvictingCache"/>.</exception>
    public LfuCache(int capacity, CachePolicy policy = CachePolicy.CacheAside, long defaultTtlNs = NoExpiryNs)
        : base(capacity, policy, defaultTtlNs)
    {
        var slots = Math.Min(capacity, 1024);
        _previous = new int[slots];
        _next = new int[slots];
        _bucketOf = new int[slots];

        // A bucket is created before the one it replaces is freed, so at most slots + 1 exist at once.
        var buckets = slots + 1;
        _bucketCount = new long[buckets];
        _bucketLower = new int[buckets];
        _bucketHigher = new int[buckets];
        _bucketFirst = new int[buckets];
        _bucketLast = new int[buckets];
        _freeBuckets = new int[buckets];
    }

    /// <summary>The access count of <paramref name="key"/>'s entry since it entered the cache, or 0 when it is not cached.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The count, at least 1 for a cached key.</returns>
    public long AccessCount(long key) => TryGetSlot(key, out var slot) ? _bucketCount[_bucketOf[slot]] : 0;

    /// <inheritdoc/>
    protected override void OnGrow(int slots)
    {
        Array.Resize(ref _previous, slots);
        Array.Resize(ref _next, slots);
        Array.Resize(ref _bucketOf, slots);
        var buckets = slots + 1;
        Array.Resize(ref _bucketCount, buckets);
        Array.Resize(ref _bucketLower, buckets);
        Array.Resize(ref _bucketHigher, buckets);
        Array.Resize(ref _bucketFirst, buckets);
        Array.Resize(ref _bucketLast, buckets);
        Array.Resize(ref _freeBuckets, buckets);
    }

    /// <inheritdoc/>
    protected override void OnInsert(int slot)
    {
        var bucket = _lowestBucket;
        if (bucket == None || _bucketCount[bucket] != 1)
        {
            bucket = NewBucket(1, lower: None, higher: _lowestBucket);
        }

        Append(bucket, slot);
    }

    /// <inheritdoc/>
    protected override void OnAccess(int slot)
    {
        var bucket = _bucketOf[slot];
        var count = _bucketCount[bucket] + 1;
        var higher = _bucketHigher[bucket];
        if (higher == None || _bucketCount[higher] != count)
        {
            higher = NewBucket(count, lower: bucket, higher: higher);
        }

        Detach(slot);
        Append(higher, slot);
    }

    /// <inheritdoc/>
    protected override void OnRefill(int slot)
    {
        Detach(slot);
        OnInsert(slot);
    }

    /// <inheritdoc/>
    protected override void OnRemove(int slot) => Detach(slot);

    /// <inheritdoc/>
    protected override int SelectVictim() => _bucketFirst[_lowestBucket];

    /// <inheritdoc/>
    protected override void OnClear()
    {
        _lowestBucket = None;
        _usedBuckets = 0;
        _freeBucketCount = 0;
    }

    private int NewBucket(long count, int lower, int higher)
    {
        var bucket = _freeBucketCount > 0 ? _freeBuckets[--_freeBucketCount] : _usedBuckets++;
        _bucketCount[bucket] = count;
        _bucketFirst[bucket] = None;
        _bucketLast[bucket] = None;
        _bucketLower[bucket] = lower;
        _bucketHigher[bucket] = higher;
        if (lower != None)
        {
            _bucketHigher[lower] = bucket;
        }
        else
        {
            _lowestBucket = bucket;
        }

        if (higher != None)
        {
            _bucketLower[higher] = bucket;
        }

        return bucket;
    }

    private void Append(int bucket, int slot)
    {
        var last = _bucketLast[bucket];
        _previous[slot] = last;
        _next[slot] = None;
        if (last != None)
        {
            _next[last] = slot;
        }
        else
        {
            _bucketFirst[bucket] = slot;
        }

        _bucketLast[bucket] = slot;
        _bucketOf[slot] = bucket;
    }

    /// <summary>Takes the entry out of its bucket, and the bucket out of the list if it is left empty.</summary>
    private void Detach(int slot)
    {
        var bucket = _bucketOf[slot];
        var previous = _previous[slot];
        var next = _next[slot];
        if (previous != None)
        {
            _next[previous] = next;
        }
        else
        {
            _bucketFirst[bucket] = next;
        }

        if (next != None)
        {
            _previous[next] = previous;
        }
        else
        {
            _bucketLast[bucket] = previous;
        }

        if (_bucketFirst[bucket] != None)
        {
            return;
        }

        var lower = _bucketLower[bucket];
        var higher = _bucketHigher[bucket];
        if (lower != None)
        {
            _bucketHigher[lower] = higher;
        }
        else
        {
            _lowestBucket = higher;
        }

        if (higher != None)
        {
            _bucketLower[higher] = lower;
        }

        _freeBuckets[_freeBucketCount++] = bucket;
    }
}
