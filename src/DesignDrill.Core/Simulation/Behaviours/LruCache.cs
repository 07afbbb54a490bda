namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A least-recently-used cache: a full cache evicts the entry whose last read or write is oldest. Recency is a doubly
/// linked list threaded through arrays of slot indices (most recent at the head), so every operation is O(1) and
/// allocation-free once the cache is full. Memcached and Redis's allkeys-lru use this policy (Redis samples
/// approximately; this is exact LRU).
/// </summary>
public sealed class LruCache : EvictingCache
{
    private const int None = -1;

    private int[] _newer;
    private int[] _older;
    private int _newest = None;
    private int _oldest = None;

    /// <summary>Creates an empty LRU cache.</summary>
    /// <param name="capacity">The capacity in entries; 0 to <see cref="EvictingCache.MaxCapacity"/>.</param>
    /// <param name="policy">How writes are handled; cache-aside when omitted.</param>
    /// <param name="defaultTtlNs">The default time to live in nanoseconds; none when omitted.</param>
    /// <exception cref="ArgumentOutOfRangeException">As for <see cref="EvictingCache"/>.</exception>
    public LruCache(int capacity, CachePolicy policy = CachePolicy.CacheAside, long defaultTtlNs = NoExpiryNs)
        : base(capacity, policy, defaultTtlNs)
    {
        var slots = Math.Min(capacity, 1024);
        _newer = new int[slots];
        _older = new int[slots];
    }

    /// <inheritdoc/>
    protected override void OnGrow(int slots)
    {
        Array.Resize(ref _newer, slots);
        Array.Resize(ref _older, slots);
    }

    /// <inheritdoc/>
    protected override void OnInsert(int slot) => PushNewest(slot);

    /// <inheritdoc/>
    protected override void OnAccess(int slot)
    {
        if (slot != _newest)
        {
            Unlink(slot);
            PushNewest(slot);
        }
    }

    /// <inheritdoc/>
    protected override void OnRefill(int slot) => OnAccess(slot);

    /// <inheritdoc/>
    protected override void OnRemove(int slot) => Unlink(slot);

    /// <inheritdoc/>
    protected override int SelectVictim() => _oldest;

    /// <inheritdoc/>
    protected override void OnClear()
    {
        _newest = None;
        _oldest = None;
    }

    private void PushNewest(int slot)
    {
        _older[slot] = _newest;
        _newer[slot] = None;
        if (_newest != None)
        {
            _newer[_newest] = slot;
        }
        else
        {
            _oldest = slot;
        }

        _newest = slot;
    }

    private void Unlink(int slot)
    {
        var newer = _newer[slot];
        var older = _older[slot];
        if (newer != None)
        {
            _older[newer] = older;
        }
        else
        {
            _newest = older;
        }

        if (older != None)
        {
            _newer[older] = newer;
        }
        else
        {
            _oldest = newer;
        }
    }
}
