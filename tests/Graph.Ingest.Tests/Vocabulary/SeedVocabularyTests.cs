using Graph.Domain;
using Graph.Ingest.Demo;
using Graph.Ingest.Vocabulary;
using Graph.Store;

namespace Graph.Ingest.Tests.Vocabulary;

/// <summary>The seed vocabulary: sources cited, keys valid, links pointing at concepts and cancer types that exist.</summary>
public sealed class SeedVocabularyTests
{
    [Fact]
    public void Concepts_EachCitesASourceAndIsUnique()
    {
        Assert.NotEmpty(SeedVocabulary.Concepts);
        Assert.All(SeedVocabulary.Concepts, c => Assert.Contains("http", c.Source, StringComparison.Ordinal));
        Assert.Equal(SeedVocabulary.Concepts.Count, SeedVocabulary.Concepts.Select(c => c.Curie).Distinct().Count());
    }

    [Fact]
    public void ChangeSet_IsValidForTheWriter()
    {
        var set = ReferenceData.Plan(_ => false);
        Assert.Equal(9, set.Nodes.Count(n => n.Label == "CancerType"));
        Assert.Empty(GraphWriter.Validate(set));
        var concepts = set.Nodes.Where(n => n.Label == "Concept").Select(n => n.Key).ToHashSet();
        Assert.All(set.Edges.Where(e => e.To.Label == "Concept"), e => Assert.Contains(e.To.Key, concepts));
        Assert.All(set.Edges.Where(e => e.From.Label == "Concept"), e => Assert.Contains(e.From.Key, concepts));
    }

    [Fact]
    public void CancerTypes_EachIsCodedInAtLeastTwoSystems()
    {
        var coded = SeedVocabulary.Concepts.SelectMany(c => c.CodedBy.Select(b => (b.Key, c.System))).ToLookup(p => p.Key, p => p.System);
        foreach (var type in ReferenceCancerTypes.All)
            Assert.True(coded[type.Code].Distinct().Count() >= 2, $"{type.Code} is coded in {string.Join(", ", coded[type.Code])}");
    }

    [Fact]
    public void DemoCatalogue_ModalitiesAndBodyParts_HaveConcepts()
    {
        var set = DemoCatalogue.GenerateBatch(new DemoOptions { Patients = 200 }, 1);
        foreach (var series in set.Nodes.Where(n => n.Label == "Series"))
        {
            Assert.True(SeedVocabulary.Contains("DCM:" + series["modality"]), $"no concept for modality {series["modality"]}");
            if (series["bodyPart"] is string bodyPart)
                Assert.True(SeedVocabulary.Contains("DCMBP:" + bodyPart), $"no concept for body part {bodyPart}");
        }
    }
}
