using System.Collections.Concurrent;

namespace Graph.Catalog;

/// <summary>Which keys were asked for before: a cache's doorkeeper (as in TinyLFU). A value is admitted to a bounded cache on
/// its key's second request, so one-off requests never take the room of values that are asked for again and again.</summary>
internal sealed class KeySightings
{
    // Forgotten all at once when full: a key then needs two more requests to be admitted.
    private const int Capacity = 16_384;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>Records a request for <paramref name="key"/>; true when it was asked for before.</summary>
    public bool Again(string key)
    {
        if (_seen.ContainsKey(key))
            return true;
        if (_seen.Count >= Capacity)
            _seen.Clear();
        _seen.TryAdd(key, 0);
        return false;
    }
}
