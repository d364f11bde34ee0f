using System.Runtime.CompilerServices;
using Graph.Catalog.Querying;
using Graph.Catalog.Storage;

namespace Graph.Catalog.Disclosure;

/// <summary>A 128-bit hash of every node's key, by ordinal, so that a set of nodes hashes the same whatever ordinals its nodes got.</summary>
/// <remarks>
/// Noise is seeded by the records an answer counts. Ordinals differ between a replica that followed commits and one that
/// loaded the store afresh, and a set's words grow with the table; keys do not. So a set is hashed as the sum of its
/// keys' hashes (the same in every replica and after every commit that did not change the set), and the arrays are shared
/// by every snapshot of a lineage, where an ordinal never changes its key.
/// </remarks>
internal sealed class KeyHashes
{
    private static readonly ConditionalWeakTable<object, KeyHashes> Lineages = new();

    private readonly object _lock = new();
    private ulong[] _low = [];
    private ulong[] _high = [];
    private int _count;

    /// <summary>The key hashes of a table's lineage, computed up to its last ordinal.</summary>
    public static KeyHashes Of(NodeTable table)
    {
        var hashes = Lineages.GetValue(table.Ordinals, _ => new KeyHashes());
        hashes.Extend(table);
        return hashes;
    }

    /// <summary>The hash of a set of nodes: the number of nodes and the sums of their keys' two hashes.</summary>
    public SetHash Hash(Bitset set)
    {
        ulong low = 0, high = 0;
        var count = 0;
        var (lows, highs) = (_low, _high);
        foreach (var ordinal in set)
        {
            low += lows[ordinal];
            high += highs[ordinal];
            count++;
        }

        return new SetHash(count, low, high);
    }

    private void Extend(NodeTable table)
    {
        if (Volatile.Read(ref _count) >= table.Count)
            return;
        lock (_lock)
        {
            if (_count >= table.Count)
                return;
            var low = new ulong[Math.Max(table.Count, _count * 2)];
            var high = new ulong[low.Length];
            Array.Copy(_low, low, _count);
            Array.Copy(_high, high, _count);
            for (var ordinal = _count; ordinal < table.Count; ordinal++)
            {
                var key = table.Key(ordinal);
                low[ordinal] = Hash(key, 0x243F6A8885A308D3);
                high[ordinal] = Hash(key, 0x13198A2E03707344);
            }

            (_low, _high) = (low, high);
            Volatile.Write(ref _count, table.Count);
        }
    }

    // FNV-1a over the characters, then a 64-bit finaliser: fast and well spread; the secret comes in later, in the HMAC of the seed.
    private static ulong Hash(string key, ulong seed)
    {
        var hash = seed ^ 0xCBF29CE484222325;
        foreach (var c in key)
        {
            hash ^= c;
            hash *= 0x100000001B3;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EB;
        return hash ^ (hash >> 31);
    }
}

/// <summary>The hash of a set of nodes by their keys.</summary>
internal readonly record struct SetHash(int Count, ulong Low, ulong High)
{
    /// <summary>Writes the hash for a noise seed.</summary>
    public void WriteTo(Span<byte> destination)
    {
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(destination, Count);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[4..], Low);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[12..], High);
    }

    /// <summary>The bytes <see cref="WriteTo"/> writes.</summary>
    public const int Size = 20;
}
