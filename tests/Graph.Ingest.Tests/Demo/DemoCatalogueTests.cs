using Graph.Domain;
using Graph.Ingest.Demo;

namespace Graph.Ingest.Tests.Demo;

[Collection(LaunchCatalogue.Collection)]
public sealed class DemoCatalogueTests(LaunchCatalogue launch)
{
    private static readonly DemoOptions Small = new() { Patients = 3000, BatchPatients = 400 };

    [Fact]
    public void Generate_LaunchOptions_Gives36DatasetsAnd9CancerTypes()
    {
        Assert.Equal(36, launch.Scan.Counts.Datasets);
        Assert.Equal(9, launch.Scan.Counts.CancerTypes);
        Assert.Equal(
            ["breast", "colon", "glioblastoma", "glioma", "liver", "lung", "neuroblastoma", "prostate", "rectum"],
            launch.Scan.DatasetsByType.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_LaunchOptions_Gives20000PatientsAndAbout200000Series()
    {
        var counts = launch.Scan.Counts;
        Assert.Equal(20_000, counts.Patients);
        Assert.InRange(counts.Series, 180_000, 220_000);
        Assert.InRange(counts.Diagnoses, 20_000, 21_500);
        Assert.InRange(counts.Studies, 40_000, 60_000);
        Assert.Equal(DemoCatalogue.BatchCount(new DemoOptions()), launch.Scan.ChangeSets);
        Assert.Equal(41, launch.Scan.ChangeSets);
    }

    [Fact]
    public void Generate_LaunchOptions_EveryChangeSetPassesValidation()
    {
        Assert.Empty(launch.Scan.Errors);
    }

    [Fact]
    public void Generate_LaunchOptions_EveryRelationshipAndParentIsInTheSameBatch()
    {
        Assert.Empty(launch.Scan.Broken);
    }

    [Fact]
    public void Generate_LaunchOptions_EveryCancerTypeHasAtLeastTwoDatasets()
    {
        Assert.All(launch.Scan.DatasetsByType, pair => Assert.True(pair.Value.Count >= 2, $"{pair.Key} has {pair.Value.Count} datasets"));
        Assert.Equal(36, launch.Scan.DatasetsByType.Values.SelectMany(d => d).Distinct().Count());
    }

    [Fact]
    public void Generate_CatalogueSet_NamesSyntheticRepositoriesAndDatasetsInEuropeanCountries()
    {
        var catalogue = DemoCatalogue.Generate(new DemoOptions()).First();
        var repositories = catalogue.Nodes.Where(n => n.Label == "Repository").ToList();
        var datasets = catalogue.Nodes.Where(n => n.Label == "Dataset").ToList();

        Assert.All(repositories, r => Assert.Contains("Synthetic", (string)r["name"]!, StringComparison.Ordinal));
        Assert.All(repositories, r => Assert.EndsWith(".example", new Uri((string)r["baseUrl"]!).Host, StringComparison.Ordinal));
        Assert.Equal(["DICOMweb", "XNAT"], repositories.Select(r => (string)r["kind"]!).Distinct().Order());
        Assert.True(repositories.Select(r => r["country"]).Distinct().Count() >= 10);
        Assert.All(datasets, d => Assert.Contains("synthetic", (string)d["title"]!, StringComparison.OrdinalIgnoreCase));
        Assert.All(datasets, d => Assert.StartsWith("10.5555/", (string)d["doi"]!, StringComparison.Ordinal));
        Assert.Equal(GraphModel.AccessTiers.Order(), datasets.Select(d => (string)d["accessTier"]!).Distinct().Order());
        Assert.Equal(36, catalogue.Edges.Count(e => e.Type == "HOSTS"));
    }

    [Fact]
    public void Generate_SameOptionsTwice_GivesEqualOutput()
    {
        var first = CatalogueScan.Of(DemoCatalogue.Generate(Small));
        var second = CatalogueScan.Of(DemoCatalogue.Generate(Small));

        Assert.Equal(first.Digest, second.Digest);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherPatients()
    {
        var first = CatalogueScan.Of(DemoCatalogue.Generate(Small));
        var other = CatalogueScan.Of(DemoCatalogue.Generate(Small with { Seed = 7 }));

        Assert.NotEqual(first.Digest, other.Digest);
    }

    [Fact]
    public void Generate_OtherBatchSize_GivesTheSameRecords()
    {
        var first = CatalogueScan.Of(DemoCatalogue.Generate(Small));
        var other = CatalogueScan.Of(DemoCatalogue.Generate(Small with { BatchPatients = 137 }));

        Assert.Equal(first.Digest, other.Digest);
        Assert.Equal(1 + 22, other.ChangeSets);
    }

    [Fact]
    public void GenerateBatch_AnyIndex_EqualsTheSetGenerateGives()
    {
        var all = DemoCatalogue.Generate(Small).ToList();

        foreach (var index in new[] { 0, 1, 4, all.Count - 1 })
        {
            Assert.Equal(
                CatalogueScan.Of([all[index]]).Digest,
                CatalogueScan.Of([DemoCatalogue.GenerateBatch(Small, index)]).Digest);
        }
    }

    [Fact]
    public void Generate_SmallerCatalogue_IsPartOfTheLargerOne()
    {
        var larger = DemoCatalogue.Generate(Small).SelectMany(s => s.Nodes).ToDictionary(n => n.Ref, n => Graph.Store.PropertyJson.Write(n.Properties));

        foreach (var node in DemoCatalogue.Generate(Small with { Patients = 300 }).SelectMany(s => s.Nodes))
            Assert.Equal(Graph.Store.PropertyJson.Write(node.Properties), larger[node.Ref]);
    }

    [Fact]
    public void Generate_NoPatients_GivesTheCatalogueSetOnly()
    {
        var sets = DemoCatalogue.Generate(new DemoOptions { Patients = 0 }).ToList();

        Assert.Single(sets);
        Assert.DoesNotContain(sets[0].Nodes, n => n.Label == "Patient");
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsBeforeEnumerating()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCatalogue.Generate(new DemoOptions { Patients = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoCatalogue.Generate(new DemoOptions { BatchPatients = 0 }));
    }
}
