using CsCheck;
using Graph.Catalog.Storage;
using Graph.Domain;
using Graph.Store;
using Graph.Testing;

namespace Graph.Catalog.Tests;

/// <summary>The index file gives back every node, value and relationship of the snapshot it was saved from, and refuses, naming
/// the file and the reason, anything it did not write whole.</summary>
public sealed class SnapshotFileTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Path => _folder.File("catalog.index");

    [Fact]
    public void ReadBack_AfterRandomCommits_HoldsEveryKeyValueAndRelationship() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int, Gen.Int[0, 6]).Sample((catalogueSeed, seed, commits) =>
        {
            var catalogue = new RandomCatalogue(catalogueSeed);
            var random = new Random(seed);
            for (var i = 0; i < commits; i++)
                catalogue.Commit(random);
            var saved = catalogue.Snapshot;
            var path = _folder.File($"catalog-{Guid.NewGuid():N}.index");

            SnapshotFile.Write(saved, "2026-12-06T06:00:00Z seed", path);
            var read = SnapshotFile.Read(path);

            Assert.Equal(saved.Sequence, read.Sequence);
            Assert.Equal(new SnapshotFile.Header(1, SnapshotFile.ModelFingerprint, saved.Sequence, "2026-12-06T06:00:00Z seed"), SnapshotFile.ReadHeader(path));
            foreach (var kind in GraphModel.NodeKinds)
                Assert.Equal(Dump(saved, kind), Dump(read, kind));
            foreach (var kind in GraphModel.Relations)
                Assert.Equal(Dump(saved, kind), Dump(read, kind));
        }, iter: 60);

    [Theory]
    [InlineData("flipped byte", "fails its checksum")]
    [InlineData("cut short", "is cut short")]
    [InlineData("header only", "is cut short")]
    [InlineData("not an index file", "is not a catalogue index file")]
    [InlineData("empty", "is too short")]
    [InlineData("bytes appended", "has bytes after its last relationship")]
    [InlineData("another format", "was written by another version")]
    public void Read_OfAFileItDidNotWriteWhole_IsRefusedNamingTheFileAndTheReason(string damage, string reason)
    {
        var catalogue = new RandomCatalogue(3);
        SnapshotFile.Write(catalogue.Snapshot, "mark", Path);
        var bytes = File.ReadAllBytes(Path);
        var middle = bytes.Length / 2;
        File.WriteAllBytes(Path, damage switch
        {
            "flipped byte" => [.. bytes[..middle], (byte)(bytes[middle] ^ 1), .. bytes[(middle + 1)..]],
            "cut short" => bytes[..(bytes.Length - 100)],
            "header only" => bytes[..200],
            "not an index file" => "SQLite format 3\0 and more bytes than a header"u8.ToArray(),
            "empty" => [],
            "bytes appended" => [.. bytes, 42],
            _ => [.. bytes[..8], 99, 0, 0, 0, .. bytes[12..]],
        });

        var error = Assert.Throws<InvalidDataException>(() => SnapshotFile.Read(Path));

        Assert.Contains(Path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OverAnEarlierFile_LeavesNoTemporaryFileAndReadersSeeTheNewOne()
    {
        var catalogue = new RandomCatalogue(5);
        SnapshotFile.Write(catalogue.Snapshot, "first", Path);
        catalogue.Commit(new Random(1));

        SnapshotFile.Write(catalogue.Snapshot, "second", Path);

        Assert.Equal(["catalog.index"], Directory.GetFiles(_folder.Path).Select(System.IO.Path.GetFileName));
        Assert.Equal("second", SnapshotFile.ReadHeader(Path)!.Mark);
        Assert.Equal(Dump(catalogue.Snapshot, GraphModel.Series), Dump(SnapshotFile.Read(Path), GraphModel.Series));
    }

    // Every ordinal of a table: key, liveness and each field's value as the catalogue gives it back.
    private static List<string> Dump(CatalogSnapshot snapshot, NodeKind kind)
    {
        var table = snapshot.Table(kind);
        var lines = new List<string> { $"{table.Count} {table.LiveCount}" };
        for (var o = 0; o < table.Count; o++)
            lines.Add($"{table.Key(o)} {table.IsLive(o)} {PropertyJson.Write(kind.Fields.ToDictionary(f => f.Name, f => table.Get(o, f.Name)))}");
        return lines;
    }

    // Every neighbour list both ways and every relationship's properties.
    private static List<string> Dump(CatalogSnapshot snapshot, RelationKind kind)
    {
        var relation = snapshot.Relation(kind);
        var lines = new List<string> { $"{kind.Id} {relation.Count}" };
        for (var o = 0; o < snapshot.Table(kind.From).Count; o++)
            lines.Add($"{o} -> {string.Join(",", relation.Neighbours(o, true))}");
        for (var o = 0; o < snapshot.Table(kind.To).Count; o++)
            lines.Add($"{o} <- {string.Join(",", relation.Neighbours(o, false))}");
        lines.AddRange(relation.Properties.OrderBy(p => p.Key).Select(p => $"{p.Key} {PropertyJson.Write(p.Value)}"));
        return lines;
    }
}
