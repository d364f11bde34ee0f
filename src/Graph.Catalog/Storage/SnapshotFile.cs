using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Graph.Domain;
using Graph.Store;
using static Graph.Catalog.Storage.SnapshotEncoding;

namespace Graph.Catalog.Storage;

/// <summary>A snapshot's node tables and relationships saved to a file, so that a restart reads them back instead of the whole store.</summary>
/// <remarks>
/// The file names the format, the graph model it was written for, the store sequence it reflects and the store's mark for that
/// sequence (<see cref="IGraphStore.GetChangeMarkAsync"/>), and ends with an XXH64 checksum of everything before it. Relationships
/// derived from coded fields are not saved: they are derived again on reading, as on a load from the store.
/// </remarks>
internal static class SnapshotFile
{
    private static readonly byte[] Magic = "CIGINDEX"u8.ToArray();
    private const int FormatVersion = 1;

    /// <summary>What a file was written for, readable without reading the rest.</summary>
    public sealed record Header(int Format, string Model, long Sequence, string Mark);

    /// <summary>The graph model in one line: labels, fields and their types, relationship kinds and their properties.</summary>
    public static string ModelFingerprint { get; } = string.Join(
        ";",
        GraphModel.NodeKinds.Select(k => $"{k.Label}({string.Join(",", k.Fields.Select(f => $"{f.Name}:{f.Type}"))})")
            .Concat(GraphModel.Relations.Select(r => $"{r.Id}({string.Join(",", r.Properties.Select(p => $"{p.Name}:{p.Type}"))}){(r.FromCodedFields ? "*" : "")}")));

    /// <summary>Writes a snapshot to a file, through a temporary file renamed at the end, so that a reader sees the old file or the whole new one.</summary>
    public static void Write(CatalogSnapshot snapshot, string mark, string path)
    {
        var temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var hashing = new HashingStream(file, long.MaxValue);
                using (var writer = new BinaryWriter(new BufferedStream(hashing, 1 << 20), Encoding.UTF8, leaveOpen: true))
                {
                    WriteHeader(writer, snapshot.Sequence, mark);
                    foreach (var kind in GraphModel.NodeKinds)
                        WriteTable(writer, snapshot.Table(kind));
                    foreach (var kind in GraphModel.Relations.Where(r => !r.FromCodedFields))
                        WriteRelation(writer, snapshot.Relation(kind));
                }

                file.Write(BitConverter.GetBytes(hashing.Hash));
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Reads the header of a file, or null when it is not a catalogue index file.</summary>
    public static Header? ReadHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        using var reader = new BinaryReader(file, Encoding.UTF8);
        return ReadHeader(reader);
    }

    /// <summary>The header of a file this version can read.</summary>
    /// <exception cref="InvalidDataException">It is not a catalogue index file, or another version wrote it.</exception>
    public static Header Usable(Header? header, string path)
    {
        if (header is null)
            throw new InvalidDataException($"{path} is not a catalogue index file.");
        if (header.Format != FormatVersion || header.Model != ModelFingerprint)
            throw new InvalidDataException($"{path} was written by another version of the service (format {header.Format}, another graph model).");
        return header;
    }

    /// <summary>Reads a whole file into a new lineage of snapshots (its coded links derived again).</summary>
    /// <exception cref="InvalidDataException">The file is not one, was written for another model, is cut short or fails its checksum.</exception>
    public static CatalogSnapshot Read(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        if (file.Length < Magic.Length + 8)
            throw new InvalidDataException($"{path} is too short to be a catalogue index file.");
        var hashing = new HashingStream(file, file.Length - 8);
        CatalogSnapshot snapshot;
        try
        {
            using var reader = new BinaryReader(new BufferedStream(hashing, 1 << 20), Encoding.UTF8, leaveOpen: true);
            var header = Usable(ReadHeader(reader), path);
            var tables = GraphModel.NodeKinds.ToDictionary(k => k.Label, k => ReadTable(reader, k), StringComparer.Ordinal);
            var relations = GraphModel.Relations.Where(r => !r.FromCodedFields).ToDictionary(r => r.Id, r => ReadRelation(reader, r), StringComparer.Ordinal);
            foreach (var kind in GraphModel.Relations.Where(r => r.FromCodedFields))
                relations[kind.Id] = CodedLinks.Build(kind, tables[kind.From.Label], tables[kind.To.Label]);
            snapshot = new CatalogSnapshot(header.Sequence, tables, relations);
            if (reader.BaseStream.ReadByte() >= 0)
                throw new InvalidDataException($"{path} has bytes after its last relationship.");
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} is cut short.", e);
        }

        Span<byte> stored = stackalloc byte[8];
        file.Position = file.Length - 8;
        file.ReadExactly(stored);
        if (BitConverter.ToUInt64(stored) != hashing.Hash)
            throw new InvalidDataException($"{path} fails its checksum: it was changed or damaged after it was written.");
        return snapshot;
    }

    private static void WriteHeader(BinaryWriter writer, long sequence, string mark)
    {
        writer.Write(Magic);
        writer.Write(FormatVersion);
        writer.Write(ModelFingerprint);
        writer.Write(sequence);
        writer.Write(mark);
    }

    private static Header? ReadHeader(BinaryReader reader)
    {
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
            return null;
        var format = reader.ReadInt32();
        return format != FormatVersion ? new Header(format, "", 0, "") : new Header(format, reader.ReadString(), reader.ReadInt64(), reader.ReadString());
    }

    private static void WriteTable(BinaryWriter writer, NodeTable table)
    {
        writer.Write(table.Count);
        writer.Write(table.LiveCount);
        for (var i = 0; i < table.Count; i++)
            writer.Write(table.Keys[i]);
        WriteValues(writer, table.Live, table.Count, false);
        foreach (var column in table.Columns)
        {
            switch (column)
            {
                case StringColumn strings:
                    WriteDictionary(writer, strings.Values);
                    WriteValues(writer, strings.Codes, table.Count, -1);
                    break;
                case StringListColumn lists:
                    WriteDictionary(writer, lists.Values);
                    WriteLists(writer, lists.Codes, table.Count);
                    break;
                case BoolColumn bools:
                    WriteValues(writer, bools.Values, table.Count, (sbyte)-1);
                    break;
                case NumberColumn numbers:
                    WriteValues(writer, numbers.Values, table.Count, double.NaN);
                    break;
            }
        }
    }

    private static NodeTable ReadTable(BinaryReader reader, NodeKind kind)
    {
        var count = reader.ReadInt32();
        var liveCount = reader.ReadInt32();
        if (count < 0 || liveCount < 0 || liveCount > count)
            throw new InvalidDataException($"The {kind.Label} table claims {count} nodes of which {liveCount} live.");
        var keys = new ChunkedArrayBuilder<string>(ChunkedArray<string>.Empty, null!);
        var ordinals = new ConcurrentDictionary<string, int>(Environment.ProcessorCount, count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = reader.ReadString();
            keys.Set(i, key);
            ordinals[key] = i;
        }

        var live = ReadValues(reader, count, false);
        var columns = kind.Fields.Select(field => ReadColumn(reader, field, count)).ToArray();
        return new NodeTable(kind, count, liveCount, keys.Build(), live, columns, ordinals);
    }

    private static Column ReadColumn(BinaryReader reader, FieldDef field, int count)
    {
        switch (field.Type)
        {
            case ValueKind.String:
                var values = ReadDictionary(reader);
                return new StringColumn(field, ReadValues(reader, count, -1), values);
            case ValueKind.StringList:
                var listValues = ReadDictionary(reader);
                return new StringListColumn(field, ReadLists(reader), listValues);
            case ValueKind.Bool:
                return new BoolColumn(field, ReadValues<sbyte>(reader, count, -1));
            default:
                return new NumberColumn(field, ReadValues(reader, count, double.NaN));
        }
    }

    private static void WriteRelation(BinaryWriter writer, Adjacency relation)
    {
        writer.Write(relation.Count);
        WriteLists(writer, relation.Outgoing!, relation.Outgoing.Length);
        WriteLists(writer, relation.Incoming!, relation.Incoming.Length);
        writer.Write(relation.Properties.Count);
        foreach (var (pair, properties) in relation.Properties)
        {
            writer.Write(pair);
            writer.Write(PropertyJson.Write(properties));
        }
    }

    private static Adjacency ReadRelation(BinaryReader reader, RelationKind kind)
    {
        var count = reader.ReadInt32();
        var outgoing = ReadLists(reader);
        var incoming = ReadLists(reader);
        var fields = PropertyJson.EdgeFields(kind.Type, kind.From.Label, kind.To.Label);
        var properties = ImmutableDictionary.CreateBuilder<long, IReadOnlyDictionary<string, object?>>();
        for (var i = reader.ReadInt32(); i > 0; i--)
            properties[reader.ReadInt64()] = PropertyJson.Read(reader.ReadString(), fields);
        return new Adjacency(kind, outgoing!, incoming!, count, properties.ToImmutable());
    }
}
