using Graph.Domain;

namespace Graph.Store.Tests;

/// <summary>Every adapter stores properties through this text: equal sets must give equal text (change detection compares
/// it), and reading it back must give the types the model declares.</summary>
public sealed class PropertyJsonTests
{
    [Fact]
    public void Write_IsCanonical_KeysSorted_NullsLeftOut()
    {
        var a = new Dictionary<string, object?> { ["year"] = 2020L, ["modality"] = "CT", ["bodyPart"] = null };
        var b = new Dictionary<string, object?> { ["modality"] = "CT", ["year"] = 2020L };
        Assert.Equal("""{"modality":"CT","year":2020}""", PropertyJson.Write(a));
        Assert.Equal(PropertyJson.Write(a), PropertyJson.Write(b));
        Assert.Equal("{}", PropertyJson.Write(new Dictionary<string, object?>()));
    }

    [Fact]
    public void ReadBack_GivesTheDeclaredTypes_EvenForAWholeFloat()
    {
        var written = PropertyJson.Write(new Dictionary<string, object?>
        {
            ["modality"] = "MR",
            ["sliceThickness"] = 3.0,
            ["imageCount"] = 120L,
            ["contrast"] = true,
            ["description"] = "T1 \"post\" ü\n",
        });
        var read = PropertyJson.Read(written, PropertyJson.NodeFields("Series"));
        Assert.Equal("MR", read["modality"]);
        Assert.IsType<double>(read["sliceThickness"]);
        Assert.Equal(3.0, read["sliceThickness"]);
        Assert.Equal(120L, read["imageCount"]);
        Assert.Equal(true, read["contrast"]);
        Assert.Equal("T1 \"post\" ü\n", read["description"]);

        var list = PropertyJson.Read(PropertyJson.Write(new Dictionary<string, object?> { ["modalitiesInStudy"] = new[] { "CT", "PT" } }), PropertyJson.NodeFields("Study"));
        Assert.Equal(new[] { "CT", "PT" }, list["modalitiesInStudy"]);
    }

    [Fact]
    public void ReadBack_RelationshipProperties_UseTheRelationsTypes()
    {
        var read = PropertyJson.Read("""{"confidence":1,"predicate":"exactMatch"}""", PropertyJson.EdgeFields("MAPS_TO", "Concept", "Concept"));
        Assert.IsType<double>(read["confidence"]);
        Assert.Equal("exactMatch", read["predicate"]);
    }

    [Fact]
    public void Write_RefusesATypeItCannotStore_NamingTheProperty()
    {
        var error = Assert.Throws<ArgumentException>(() => PropertyJson.Write(new Dictionary<string, object?> { ["when"] = DateTime.UnixEpoch }));
        Assert.Contains("'when'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_GivenReplaces_NullRemoves_AbsentIsKept()
    {
        var stored = new Dictionary<string, object?> { ["modality"] = "CT", ["bodyPart"] = "CHEST", ["imageCount"] = 10L };
        var merged = PropertyJson.Merge(stored, new Dictionary<string, object?> { ["bodyPart"] = null, ["imageCount"] = 12, ["manufacturer"] = "GE" });
        Assert.Equal(new Dictionary<string, object?> { ["modality"] = "CT", ["imageCount"] = 12L, ["manufacturer"] = "GE" }, merged);
        Assert.Equal("CHEST", stored["bodyPart"]);
    }
}
