using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace DesignDrill.Core.Simulation.Behaviours;

/// <summary>
/// A cache of integer keys with a capacity in entries, an optional time to live and a <see cref="CachePolicy"/> for
/// writes; subclasses choose the eviction order (<see cref="LruCache"/>, <see cref="LfuCache"/>). Values are not
/// stored: the simulator needs only whether a read hits and what reaches the backing store.
/// </summary>
/// <remarks>
/// <para>
/// Entries live in slots of parallel arrays indexed through a <see cref="Dictionary{TKey, TValue}"/> from key to slot.
/// The arrays and the dictionary grow by doubling up to the capacity while the cache fills; once full, reads, writes and
/// evictions are O(1) and allocate nothing, because an evicted slot is reused by the entry that replaces it.
/// </para>
/// <para>
/// Time to live is lazy, as in Memcached and Redis's passive expiry: an entry past its expiry stays in its slot until
/// it is read (an expiration and a miss; the entry is refilled with a new expiry), written (overwritten) or evicted. A
/// dirty entry found expired is written back before it is refilled. A miss fills the entry at the time of the read;
/// the caller models the backing store's latency.
/// </para>
/// <para>Simulated time is a <see cref="long"/> count of nanoseconds, supplied by the caller. Not thread-safe.</para>
/// </remarks>
public abstract class EvictingCache
{
    /// <summary>
    /// The largest capacity, 2^24 entries (rule of thumb: about 60 bytes an entry, so one cache stays under 1 GB; a
    /// simulation of a larger cache scales its keyspace and capacity down together).
    /// </summary>
    public const int MaxCapacity = 1 << 24;

    /// <summary>The time to live that means "never expires".</summary>
    public const long NoExpiryNs = long.MaxValue;

    private const int InitialSlots = 1024;

    private readonly Dictionary<long, int> _slotOfKey;
    private readonly int _capacity;
    private readonly CachePolicy _policy;
    private readonly long _defaultTtlNs;
    private long[] _keys;
    private long[] _expiresAtNs;
    private bool[] _dirty;
    private int[] _freeSlots;
    private int _freeCount;
    private int _usedSlots;
    private int _count;
    private long _hits;
    private long _misses;
    private long _evictions;
    private long _expirations;
    private long _writes;
    private long _invalidations;
    private long _storeWrites;
    private long _writeBacks;
    private long _lostWrites;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">The capacity in entries; 0 to <see cref="MaxCapacity"/>. A capacity of 0 caches nothing: every read misses.</param>
    /// <param name="policy">How writes are handled.</param>
    /// <param name="defaultTtlNs">
    /// The time to live of an entry filled or written without an explicit one, in nanoseconds; above 0, or
    /// <see cref="NoExpiryNs"/> for none.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="capacity"/> is outside 0..<see cref="MaxCapacity"/>, <paramref name="policy"/> is not defined,
    /// or <paramref name="defaultTtlNs"/> is not above 0.
    /// </exception>
    protected EvictingCache(int capacity, CachePolicy policy, long defaultTtlNs)
    {
        if (capacity is < 0 or > MaxCapacity)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity,
                $"The cache capacity must be between 0 and {MaxCapacity} entries.");
        }

        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown cache write policy.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(defaultTtlNs);
        _capacity = capacity;
        _policy = policy;
        _defaultTtlNs = defaultTtlNs;
        var slots = Math.Min(capacity, InitialSlots);
        _slotOfKey = new Dictionary<long, int>(slots);
        _keys = new long[slots];
        _expiresAtNs = new long[slots];
        _dirty = new bool[slots];
        _freeSlots = new int[slots];
    }

    /// <summary>The capacity in entries.</summary>
    public int Capacity => _capacity;

    /// <summary>The number of entries held, including expired ones not yet noticed.</summary>
    public int Count => _count;

    /// <summary>The write policy.</summary>
    public CachePolicy Policy => _policy;

    /// <summary>The default time to live in nanoseconds, or <see cref="NoExpiryNs"/>.</summary>
    public long DefaultTtlNs => _defaultTtlNs;

    /// <summary>The counters since creation or the last <see cref="ResetCounters"/>.</summary>
    public CacheCounters Counters => new(_hits, _misses, _evictions, _expirations, _writes, _invalidations,
        _storeWrites, _writeBacks, _lostWrites);

    /// <summary>Reads <paramref name="key"/>, filling it on a miss with the default time to live.</summary>
    /// <param name="key">The key.</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0.</param>
    /// <returns><see langword="true"/> on a hit; <see langword="false"/> on a miss (absent or expired), after which the entry is cached.</returns>
    public bool Read(long key, long nowNs) => Read(key, nowNs, _defaultTtlNs);

    /// <summary>Reads <paramref name="key"/>, filling it on a miss with time to live <paramref name="ttlNs"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0.</param>
    /// <param name="ttlNs">The time to live of the filled entry in nanoseconds; above 0, or <see cref="NoExpiryNs"/>.</param>
    /// <returns><see langword="true"/> on a hit; <see langword="false"/> on a miss (absent or expired), after which the entry is cached.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or <paramref name="ttlNs"/> is not above 0.</exception>
    public bool Read(long key, long nowNs, long ttlNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nowNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ttlNs);
        ref var found = ref CollectionsMarshal.GetValueRefOrNullRef(_slotOfKey, key);
        if (Unsafe.IsNullRef(ref found))
        {
            _misses++;
            if (_capacity > 0)
            {
                Insert(key, ExpiryNs(nowNs, ttlNs), dirty: false);
            }

            return false;
        }

        var slot = found;
        if (nowNs < _expiresAtNs[slot])
        {
            _hits++;
            OnAccess(slot);
            return true;
        }

        _expirations++;
        _misses++;
        if (_dirty[slot])
        {
            _writeBacks++;
            _dirty[slot] = false;
        }

        _expiresAtNs[slot] = ExpiryNs(nowNs, ttlNs);
        OnRefill(slot);
        return false;
    }

    /// <summary>Writes <paramref name="key"/> under the cache's <see cref="Policy"/>, with the default time to live.</summary>
    /// <param name="key">The key.</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0.</param>
    public void Write(long key, long nowNs) => Write(key, nowNs, _defaultTtlNs);

    /// <summary>
    /// Writes <paramref name="key"/> under the cache's <see cref="Policy"/>: cache-aside deletes the entry; write-through
    /// and write-back insert or update it with a new expiry (an update counts as an access for the eviction order);
    /// write-back also marks it dirty.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="nowNs">The simulated time in nanoseconds; at least 0.</param>
    /// <param name="ttlNs">The time to live of the written entry in nanoseconds; above 0, or <see cref="NoExpiryNs"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nowNs"/> is negative or <paramref name="ttlNs"/> is not above 0.</exception>
    public void Write(long key, long nowNs, long ttlNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nowNs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ttlNs);
        _writes++;
        if (_policy != CachePolicy.WriteBack)
        {
            _storeWrites++;
        }

        ref var found = ref CollectionsMarshal.GetValueRefOrNullRef(_slotOfKey, key);
        if (_policy == CachePolicy.CacheAside)
        {
            if (!Unsafe.IsNullRef(ref found))
            {
                _invalidations++;
                Remove(found);
            }

            return;
        }

        var dirty = _policy == CachePolicy.WriteBack;
        if (Unsafe.IsNullRef(ref found))
        {
            if (_capacity > 0)
            {
                Insert(key, ExpiryNs(nowNs, ttlNs), dirty);
            }
            else if (dirty)
            {
                // Nowhere to hold the dirty value: it goes straight to the store.
                _writeBacks++;
            }

            return;
        }

        var slot = found;
        _expiresAtNs[slot] = ExpiryNs(nowNs, ttlNs);
        _dirty[slot] = dirty;
        OnAccess(slot);
    }

    /// <summary>Whether <paramref name="key"/> is cached and unexpired at <paramref name="nowNs"/>; changes nothing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="nowNs">The simulated time in nanoseconds.</param>
    /// <returns><see langword="true"/> when a read now would hit.</returns>
    public bool Contains(long key, long nowNs) =>
        _slotOfKey.TryGetValue(key, out var slot) && nowNs < _expiresAtNs[slot];

    /// <summary>Writes every dirty entry back to the store (counted in <see cref="CacheCounters.WriteBacks"/>); the entries stay cached, clean.</summary>
    /// <returns>The number of entries written back.</returns>
    public int FlushDirty()
    {
        var flushed = 0;
        foreach (var slot in _slotOfKey.Values)
        {
            if (_dirty[slot])
            {
                _dirty[slot] = false;
                flushed++;
            }
        }

        _writeBacks += flushed;
        return flushed;
    }

    /// <summary>
    /// Drops every entry, as a cache flush or a restart of the cache node does. Dirty entries are lost, not written back:
    /// call <see cref="FlushDirty"/> first for an orderly shutdown. Counters other than
    /// <see cref="CacheCounters.LostWrites"/> are unchanged.
    /// </summary>
    /// <returns>The number of dirty entries lost.</returns>
    public int Clear()
    {
        var lost = 0;
        foreach (var slot in _slotOfKey.Values)
        {
            lost += _dirty[slot] ? 1 : 0;
            _dirty[slot] = false;
        }

        _lostWrites += lost;
        _slotOfKey.Clear();
        _count = 0;
        _usedSlots = 0;
        _freeCount = 0;
        OnClear();
        return lost;
    }

    /// <summary>Sets every counter to 0, for example at the end of the warm-up period; the entries are kept.</summary>
    public void ResetCounters()
    {
        _hits = 0;
        _misses = 0;
        _evictions = 0;
        _expirations = 0;
        _writes = 0;
        _invalidations = 0;
        _storeWrites = 0;
        _writeBacks = 0;
        _lostWrites = 0;
    }

    /// <summary>Finds the slot of a cached key, expired or not.</summary>
    /// <param name="key">The key.</param>
    /// <param name="slot">The slot, when found.</param>
    /// <returns>Whether the key is cached.</returns>
    protected bool TryGetSlot(long key, out int slot) => _slotOfKey.TryGetValue(key, out slot);

    /// <summary>Called when the slot arrays grow to <paramref name="slots"/>; the subclass grows its own per-slot arrays.</summary>
    /// <param name="slots">The new number of slots.</param>
    protected abstract void OnGrow(int slots);

    /// <summary>Called after a new entry is placed in <paramref name="slot"/>.</summary>
    /// <param name="slot">The slot.</param>
    protected abstract void OnInsert(int slot);

    /// <summary>Called when the entry in <paramref name="slot"/> is read (hit) or updated by a write.</summary>
    /// <param name="slot">The slot.</param>
    protected abstract void OnAccess(int slot);

    /// <summary>Called when the expired entry in <paramref name="slot"/> is refilled by a read: it counts as new.</summary>
    /// <param name="slot">The slot.</param>
    protected abstract void OnRefill(int slot);

    /// <summary>Called before the entry in <paramref name="slot"/> is removed.</summary>
    /// <param name="slot">The slot.</param>
    protected abstract void OnRemove(int slot);

    /// <summary>The slot to evict when the cache is full; only called when it holds at least one entry.</summary>
    /// <returns>The victim's slot.</returns>
    protected abstract int SelectVictim();

    /// <summary>Called after every entry was dropped.</summary>
    protected abstract void OnClear();

    private static long ExpiryNs(long nowNs, long ttlNs) => ttlNs >= long.MaxValue - nowNs ? long.MaxValue : nowNs + ttlNs;

    private void Insert(long key, long expiresAtNs, bool dirty)
    {
        if (_count == _capacity)
        {
            var victim = SelectVictim();
            _evictions++;
            if (_dirty[victim])
            {
                _writeBacks++;
            }

            Remove(victim);
        }

        int slot;
        if (_freeCount > 0)
        {
            slot = _freeSlots[--_freeCount];
        }
        else
        {
            if (_usedSlots == _keys.Length)
            {
                Grow();
            }

            slot = _usedSlots++;
        }

        _keys[slot] = key;
        _expiresAtNs[slot] = expiresAtNs;
        _dirty[slot] = dirty;
        _slotOfKey.Add(key, slot);
        _count++;
        OnInsert(slot);
    }

    private void Remove(int slot)
    {
        OnRemove(slot);
        _slotOfKey.Remove(_keys[slot]);
        _dirty[slot] = false;
        _freeSlots[_freeCount++] = slot;
        _count--;
    }

    private void Grow()
    {
        var slots = (int)Math.Min((long)_capacity, Math.Max(1L, 2L * _keys.Length));
        Array.Resize(ref _keys, slots);
        Array.Resize(ref _expiresAtNs, slots);
        Array.Resize(ref _dirty, slots);
        Array.Resize(ref _freeSlots, slots);
        _slotOfKey.EnsureCapacity(slots);
        OnGrow(slots);
    }
}
