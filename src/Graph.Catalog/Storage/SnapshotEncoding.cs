using System.Runtime.InteropServices;

namespace Graph.Catalog.Storage;

/// <summary>How the index file writes value dictionaries, chunked columns and neighbour lists, and reads them back.</summary>
internal static class SnapshotEncoding
{
    public static void WriteDictionary(BinaryWriter writer, ValueDictionary values)
    {
        var count = values.Count;
        writer.Write(count);
        for (var code = 0; code < count; code++)
            writer.Write(values[code]);
    }

    public static ValueDictionary ReadDictionary(BinaryReader reader)
    {
        var values = new ValueDictionary();
        for (int i = 0, count = reader.ReadInt32(); i < count; i++)
        {
            if (values.Intern(reader.ReadString()) != i)
                throw new InvalidDataException("A value dictionary holds the same text twice.");
        }

        return values;
    }

    // The first `count` values of a chunked array (`fill` past its end), chunk by chunk as raw bytes.
    public static void WriteValues<T>(BinaryWriter writer, ChunkedArray<T> values, int count, T fill)
        where T : unmanaged
    {
        for (var start = 0; start < count; start += ChunkedArray<T>.ChunkSize)
        {
            var length = Math.Min(ChunkedArray<T>.ChunkSize, count - start);
            if (start + length <= values.Length)
            {
                writer.Write(MemoryMarshal.AsBytes(values.Chunks[start >> ChunkedArray<T>.Shift].AsSpan(0, length)));
                continue;
            }

            var padded = new T[length];
            padded.AsSpan().Fill(fill);
            if (values.Length > start)
                values.Chunks[start >> ChunkedArray<T>.Shift].AsSpan(0, values.Length - start).CopyTo(padded);
            writer.Write(MemoryMarshal.AsBytes(padded.AsSpan()));
        }
    }

    public static ChunkedArray<T> ReadValues<T>(BinaryReader reader, int count, T fill)
        where T : unmanaged
    {
        var chunks = new T[(count + ChunkedArray<T>.Mask) >> ChunkedArray<T>.Shift][];
        for (var c = 0; c < chunks.Length; c++)
        {
            var chunk = new T[ChunkedArray<T>.ChunkSize];
            var length = Math.Min(ChunkedArray<T>.ChunkSize, count - (c << ChunkedArray<T>.Shift));
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(chunk.AsSpan(0, length)));
            chunk.AsSpan(length).Fill(fill);
            chunks[c] = chunk;
        }

        return new ChunkedArray<T>(chunks, count);
    }

    public static void WriteLists(BinaryWriter writer, ChunkedArray<int[]?> lists, int count)
    {
        writer.Write(count);
        for (var i = 0; i < count; i++)
        {
            var list = i < lists.Length ? lists[i] : null;
            writer.Write(list?.Length ?? -1);
            if (list is { Length: > 0 })
                writer.Write(MemoryMarshal.AsBytes(list.AsSpan()));
        }
    }

    public static ChunkedArray<int[]?> ReadLists(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        if (count < 0)
            throw new InvalidDataException($"A table of lists claims {count} nodes.");
        var lists = new ChunkedArrayBuilder<int[]?>(ChunkedArray<int[]?>.Empty, null);
        var empty = Array.Empty<int>();
        for (var i = 0; i < count; i++)
        {
            var length = reader.ReadInt32();
            if (length < -1)
                throw new InvalidDataException($"A list claims {length} items.");
            var list = length switch { -1 => null, 0 => empty, _ => new int[length] };
            if (length > 0)
                reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(list.AsSpan()));
            lists.Set(i, list);
        }

        return lists.Build();
    }
}
