using Graph.Catalog.Storage;
using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog.Tests;

/// <summary>Series are CODED_AS the concepts of their modality and body part, derived in every snapshot from the fields.</summary>
public sealed class CodedLinkTests
{
    private static readonly RelationKind SeriesCodedAs = GraphModel.Relation("CODED_AS", "Series", "Concept")!;

    private static void Concept(SnapshotBuilder builder, string curie, bool deleted = false) =>
        builder.Node(new StoredNode(NodeRecord.Of(GraphModel.Concept, curie, ("system", curie[..curie.IndexOf(':', StringComparison.Ordinal)]), ("code", curie[(curie.IndexOf(':', StringComparison.Ordinal) + 1)..])), 1, deleted));

    private static void Series(SnapshotBuilder builder, string uid, string modality, string? bodyPart, bool deleted = false) =>
        builder.Node(new StoredNode(NodeRecord.Of(GraphModel.Series, uid, ("modality", modality), ("bodyPart", bodyPart)), 1, deleted));

    private static string[] ConceptsOf(CatalogSnapshot snapshot, string uid)
    {
        var node = snapshot.Find(GraphModel.Series, uid)!;
        return snapshot.Relation(SeriesCodedAs).Neighbours(node.Ordinal, forward: true).Select(o => snapshot.At(GraphModel.Concept, o)!.Key).Order(StringComparer.Ordinal).ToArray();
    }

    private static string[] SeriesOf(CatalogSnapshot snapshot, string curie)
    {
        var node = snapshot.Find(GraphModel.Concept, curie)!;
        return snapshot.Relation(SeriesCodedAs).Neighbours(node.Ordinal, forward: false).Select(o => snapshot.At(GraphModel.Series, o)!.Key).Order(StringComparer.Ordinal).ToArray();
    }

    private static CatalogSnapshot First()
    {
        var builder = new SnapshotBuilder(CatalogSnapshot.CreateEmpty());
        Concept(builder, "DCM:CT");
        Concept(builder, "DCM:MR");
        Concept(builder, "DCMBP:CHEST");
        Series(builder, "1.1", "CT", "CHEST");
        Series(builder, "1.2", "MR", "KNEE");
        Series(builder, "1.3", "CT", null);
        Series(builder, "1.4", "XA", "CHEST");
        return builder.Build(1);
    }

    [Fact]
    public void Build_SeriesWithKnownCodes_LinkedToTheirConceptsBothWays()
    {
        var snapshot = First();
        Assert.Equal(["DCM:CT", "DCMBP:CHEST"], ConceptsOf(snapshot, "1.1"));
        Assert.Equal(["DCM:MR"], ConceptsOf(snapshot, "1.2"));
        Assert.Equal(["DCMBP:CHEST"], ConceptsOf(snapshot, "1.4"));
        Assert.Equal(["1.1", "1.3"], SeriesOf(snapshot, "DCM:CT"));
        Assert.Equal(["1.1", "1.4"], SeriesOf(snapshot, "DCMBP:CHEST"));
        Assert.Equal(5, snapshot.Count(SeriesCodedAs));
    }

    [Fact]
    public void Update_SeriesChangedOrDeleted_LinksFollowTheFields()
    {
        var builder = new SnapshotBuilder(First());
        Series(builder, "1.1", "MR", null);
        Series(builder, "1.3", "CT", null, deleted: true);
        Series(builder, "1.5", "CT", "CHEST");
        var next = builder.Build(2);

        Assert.Equal(["DCM:MR"], ConceptsOf(next, "1.1"));
        Assert.Equal(["1.5"], SeriesOf(next, "DCM:CT"));
        Assert.Equal(["1.1", "1.2"], SeriesOf(next, "DCM:MR"));
        Assert.Equal(["1.4", "1.5"], SeriesOf(next, "DCMBP:CHEST"));
        Assert.Equal(5, next.Count(SeriesCodedAs));
    }

    [Fact]
    public void Update_ConceptAddedOrDeleted_SeriesWithItsCodeLinkAtOnce()
    {
        var builder = new SnapshotBuilder(First());
        Concept(builder, "DCMBP:KNEE");
        Concept(builder, "DCM:CT", deleted: true);
        var next = builder.Build(2);

        Assert.Equal(["DCM:MR", "DCMBP:KNEE"], ConceptsOf(next, "1.2"));
        Assert.Equal(["DCMBP:CHEST"], ConceptsOf(next, "1.1"));
        Assert.Empty(ConceptsOf(next, "1.3"));
        Assert.Equal(4, next.Count(SeriesCodedAs));
    }

    [Fact]
    public void Update_ManySeriesChanged_RebuiltWholeWithTheSameLinks()
    {
        // More changed series than are re-derived one by one: the builder rebuilds the links whole.
        var builder = new SnapshotBuilder(First());
        for (var i = 0; i < 60_000; i++)
            Series(builder, $"2.{i}", i % 2 == 0 ? "CT" : "MR", i % 3 == 0 ? "CHEST" : null);
        Series(builder, "1.1", "MR", null);
        var next = builder.Build(2);

        Assert.Equal(["DCM:MR"], ConceptsOf(next, "1.1"));
        Assert.Equal(["DCM:CT", "DCMBP:CHEST"], ConceptsOf(next, "2.0"));
        Assert.Equal(["DCM:MR"], ConceptsOf(next, "2.1"));
        Assert.Equal(30_001, SeriesOf(next, "DCM:CT").Length);
        // The four first series now have one link each; the new ones one modality each and CHEST for a third of them.
        Assert.Equal(4 + 60_000 + 20_000, next.Count(SeriesCodedAs));
    }

    [Fact]
    public void Validate_StoredCodedAsFromSeries_RejectedNamingTheFields()
    {
        var set = new ChangeSet().Add(EdgeRecord.Of(SeriesCodedAs, "1.1", "DCM:CT"));
        var error = Assert.Single(GraphWriter.Validate(set));
        Assert.Contains("derived from its coded fields (modality, bodyPart)", error, StringComparison.Ordinal);
    }
}
