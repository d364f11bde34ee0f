using Graph.Ingest.Concepts;
using Graph.Ingest.Vocabulary;

namespace Graph.Ingest.Tests.Concepts;

/// <summary>Which prefixes are the reference systems partners may not change: derived from the seed, compared ignoring case.</summary>
public sealed class ReferenceSystemsTests
{
    [Fact]
    public void Prefixes_EverySeedConceptAndMappingPrefix_IsReference()
    {
        var seed = SeedVocabulary.Concepts.Select(c => c.Curie)
            .Concat(SeedVocabulary.Mappings.Mappings.SelectMany(m => new[] { m.SubjectId, m.ObjectId }));
        Assert.All(seed, curie => Assert.True(ReferenceSystems.Contains(curie), curie));
        Assert.Superset(new HashSet<string>(["NCIT", "SCTID", "ICD10", "ICDO3", "DCM", "DCMBP", "RADLEX", "UBERON"]), ReferenceSystems.Prefixes.ToHashSet());
    }

    [Theory]
    [InlineData("ncit:C3058", "NCIT")]
    [InlineData("Sctid:254837009", "SCTID")]
    [InlineData("dcmbp:BRAIN", "DCMBP")]
    [InlineData("PARTNER:GLIOMA", null)]
    [InlineData("LOCAL:GBM", null)]
    [InlineData("NCIT-X:C3058", null)]
    [InlineData("not a curie", null)]
    public void PrefixOf_PrefixInAnyCase_GivesTheCataloguesSpelling(string curie, string? expected)
    {
        Assert.Equal(expected, ReferenceSystems.PrefixOf(curie));
        Assert.Equal(expected is not null, ReferenceSystems.Contains(curie));
    }

    [Theory]
    [InlineData("Cancer Imaging Graph seed vocabulary", true)]
    [InlineData(" CANCER imaging  graph seed\tvocabulary ", true)]
    [InlineData("Cancer Imaging Graph seed vocabulary (partner)", false)]
    [InlineData("orcid:0000-0002-1825-0097", false)]
    [InlineData(null, false)]
    public void IsSeedAuthor_SeedTextInAnyCaseOrSpacing_IsTheSeeds(string? author, bool expected) =>
        Assert.Equal(expected, ReferenceSystems.IsSeedAuthor(author));
}
