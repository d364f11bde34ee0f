using Graph.Catalog.Querying;
using Graph.Catalog.Storage;
using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog.Tests;

/// <summary>Concept expansion and the concept condition on coded fields, on a hand-made graph whose answers are known.</summary>
public sealed class ConceptFilterTests
{
    // P:glioma (a partner's code) exactMatch NCIT:C3059 (glioma); NCIT:C3058 (glioblastoma) BROADER NCIT:C3059;
    // ICDO3:9440/3 exactMatch NCIT:C3058; ICDO3:9380/3 exactMatch NCIT:C3059; P:brain closeMatch NCIT:C3059 (never followed);
    // ICDO3:9500/3 broadMatch NCIT:C3059 (so narrower than glioma, for the test's sake); a cycle NCIT:C3058 exactMatch ICDO3:9440/3 both ways.
    private static readonly CatalogSnapshot Snapshot = Build();

    private static CatalogSnapshot Build()
    {
        var builder = new SnapshotBuilder(CatalogSnapshot.CreateEmpty());
        foreach (var curie in new[] { "P:glioma", "P:brain", "NCIT:C3059", "NCIT:C3058", "ICDO3:9440/3", "ICDO3:9380/3", "ICDO3:9500/3", "ICD10:C71" })
            builder.Node(new StoredNode(NodeRecord.Of(GraphModel.Concept, curie, ("system", curie[..curie.IndexOf(':', StringComparison.Ordinal)]), ("code", curie[(curie.IndexOf(':', StringComparison.Ordinal) + 1)..])), 1, false));
        var diagnoses = new (string Key, string Morphology, string Icd10)[] { ("d1", "9440/3", "C71.1"), ("d2", "9380/3", "C71.2"), ("d3", "9500/3", "C74.9"), ("d4", "8140/3", "C18.7") };
        foreach (var (key, morphology, icd10) in diagnoses)
            builder.Node(new StoredNode(NodeRecord.Of(GraphModel.Diagnosis, key, ("icdO3Morphology", morphology), ("icd10", icd10)), 1, false));
        void Map(string from, string predicate, string to) =>
            builder.Edge(new StoredEdge(new EdgeRecord("MAPS_TO", new NodeRef("Concept", from), new NodeRef("Concept", to), new Dictionary<string, object?> { ["predicate"] = predicate }), 1, false));
        Map("P:glioma", "exactMatch", "NCIT:C3059");
        Map("ICDO3:9440/3", "exactMatch", "NCIT:C3058");
        Map("NCIT:C3058", "exactMatch", "ICDO3:9440/3");
        Map("ICDO3:9380/3", "exactMatch", "NCIT:C3059");
        Map("P:brain", "closeMatch", "NCIT:C3059");
        Map("ICDO3:9500/3", "broadMatch", "NCIT:C3059");
        builder.Edge(new StoredEdge(EdgeRecord.Of(GraphModel.Relation("BROADER", "Concept", "Concept")!, "NCIT:C3058", "NCIT:C3059"), 1, false));
        return builder.Build(1);
    }

    private static string[] Diagnoses(string field, string curie, bool narrower) =>
        FilterEvaluator.Evaluate(Snapshot, GraphModel.Diagnosis, new ConceptFilter(field, curie, narrower)).Ordinals()
            .Select(o => Snapshot.At(GraphModel.Diagnosis, o)!.Key).Order().ToArray();

    [Fact]
    public void Expand_PartnerCodeWithNarrower_ReachesGlioblastomaThroughMappingsAndBroader() =>
        Assert.Equal(
            ["ICDO3:9380/3", "ICDO3:9440/3", "ICDO3:9500/3", "NCIT:C3058", "NCIT:C3059", "P:glioma"],
            ConceptExpansion.Expand(Snapshot, "P:glioma", includeNarrower: true).Order(StringComparer.Ordinal));

    [Fact]
    public void Expand_WithoutNarrower_FollowsExactMatchesOnly() =>
        Assert.Equal(["ICDO3:9380/3", "NCIT:C3059", "P:glioma"], ConceptExpansion.Expand(Snapshot, "P:glioma", includeNarrower: false).Order(StringComparer.Ordinal));

    [Fact]
    public void Expand_CloseMatch_IsNotFollowed() =>
        Assert.Equal(["P:brain"], ConceptExpansion.Expand(Snapshot, "P:brain", includeNarrower: true));

    [Fact]
    public void Expand_UnknownCurie_ExpandsToItself() =>
        Assert.Equal(["DCM:MR"], ConceptExpansion.Expand(Snapshot, "DCM:MR", includeNarrower: true));

    [Fact]
    public void Evaluate_PartnerGliomaCodeOnMorphology_FindsGlioblastomaDiagnoses()
    {
        Assert.Equal(["d1", "d2", "d3"], Diagnoses("icdO3Morphology", "P:glioma", narrower: true));
        Assert.Equal(["d2"], Diagnoses("icdO3Morphology", "P:glioma", narrower: false));
    }

    [Fact]
    public void Evaluate_Icd10Category_MatchesSubcategoriesOnlyWithNarrower()
    {
        Assert.Equal(["d1", "d2"], Diagnoses("icd10", "ICD10:C71", narrower: true));
        Assert.Empty(Diagnoses("icd10", "ICD10:C71", narrower: false));
        Assert.Equal(["d4"], Diagnoses("icd10", "ICD10:C18.7", narrower: false));
    }

    [Fact]
    public void Evaluate_FieldWithoutCodeSystem_ThrowsNamingTheCodedFields()
    {
        var error = Assert.Throws<CatalogQueryException>(() => Diagnoses("stage", "ICD10:C71", narrower: false));
        Assert.Contains("icd10, icdO3Morphology", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("C71")]
    [InlineData(":C71")]
    public void Evaluate_NotACurie_Throws(string curie) =>
        Assert.Throws<CatalogQueryException>(() => Diagnoses("icd10", curie, narrower: false));

    [Fact]
    public void Clauses_ConceptCondition_IsLeftOutOfItsOwnFacet()
    {
        var clauses = new Clauses(Snapshot, GraphModel.Diagnosis, new ConceptFilter("icdO3Morphology", "NCIT:C3058", false));
        Assert.Equal(1, clauses.All().Count());
        Assert.Equal(4, clauses.Except("icdO3Morphology").Count());
    }
}
