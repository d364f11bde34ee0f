using Graph.Domain;
using Graph.Export.Postgres;
using Graph.Store;
using Graph.Testing;

namespace Graph.Export.Tests;

public sealed class PgExportSinkTests
{
    [Fact]
    public void Edge_ToMissingNodeOrSecondParentOrUnknownKind_IsReportedAndTheRestKept()
    {
        var sink = new PgExportSink(PgLayout.Instance);
        var study = Some.Study("1.1");
        var other = Some.Study("1.2");
        var series = Some.Series("1.1.1");
        foreach (var node in new[] { study, other, series })
            sink.Node(new StoredNode(node, 1, false));
        sink.Node(new StoredNode(new NodeRecord("Spaceship", "x", new Dictionary<string, object?>()), 1, false));

        sink.Edge(new StoredEdge(Some.Edge("HAS_SERIES", study, series), 1, false));
        sink.Edge(new StoredEdge(Some.Edge("HAS_SERIES", other, series), 1, false));
        sink.Edge(new StoredEdge(EdgeRecord.Of("HAS_SERIES", study.Ref, new NodeRef("Series", "missing")), 1, false));
        sink.Edge(new StoredEdge(Some.Edge("LIKES", study, series), 1, false));

        Assert.Equal(4, sink.Rejected.Count);
        Assert.Contains(sink.Rejected, r => r.Contains("Spaceship", StringComparison.Ordinal) && r.Contains("not part of the graph model", StringComparison.Ordinal));
        Assert.Contains(sink.Rejected, r => r.Contains("'1.2'", StringComparison.Ordinal) && r.Contains("already has its one HAS_SERIES", StringComparison.Ordinal));
        Assert.Contains(sink.Rejected, r => r.Contains("Series 'missing' does not exist", StringComparison.Ordinal));
        Assert.Contains(sink.Rejected, r => r.Contains("LIKES", StringComparison.Ordinal));
        Assert.Equal(1, sink.RowCount(PgLayout.Instance.Table("Series")!));
    }

    [Theory]
    [InlineData("seriesInstanceUid", "series_instance_uid")]
    [InlineData("icdO3Morphology", "icd_o3_morphology")]
    [InlineData("HAS_SERIES", "has_series")]
    [InlineData("CancerType", "cancer_type")]
    public void Snake_CamelCaseOrUpperCase_GivesSnakeCase(string name, string expected) => Assert.Equal(expected, PgNames.Snake(name));
}
