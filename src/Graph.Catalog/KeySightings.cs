using System.Collections.Concurrent;

namespace Graph.Catalog;

/// <summary>Which keys were asked for before: a cache's doorkeeper (as in TinyLFU). A value is admitted to a bounded cache on
/// its key's second request, so one-off requests never take the room of values that are asked for again and again.</summary>
internal sealed class KeySightings
{
    // Forgotten all at once when full: a key then needs two more requests to be admitted.
    private const int Capacity = 16_384;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    // Counted here: ConcurrentDictionary.Count takes every lock of the dictionary, and this runs for every new clause.
    private int _count;

    /// <summary>Records a request for <paramref name="key"/>; true when it was asked for before.</summary>
    public bool Again(string key)
    {
        if (_seen.ContainsKey(key))
            return true;
        if (_seen.TryAdd(key, 0) && Interlocked.Increment(ref _count) > Capacity)
        {
            _seen.Clear();
            Interlocked.Exchange(ref _count, 0);
        }

        return false;
    }
}
