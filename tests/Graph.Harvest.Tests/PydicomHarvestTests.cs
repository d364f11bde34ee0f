using System.Text;
using Graph.Domain;
using Graph.Harvest.Tests.Support;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Ingest.Harvest;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Harvest.Tests;

/// <summary>Harvesting real DICOM files (pydicom's test data) from a real Orthanc over DICOMweb.</summary>
public sealed class PydicomHarvestTests(PydicomOrthanc source) : IClassFixture<PydicomOrthanc>
{
    private static readonly string[] DerivedFromFiles = ["sizeBytes"];

    [Fact]
    public async Task Harvest_PydicomFiles_WritesTheNodesThatFileIngestWrites()
    {
        await using var scenario = await HarvestScenario.CreateAsync(source.Orthanc);

        var summary = await scenario.HarvestAsync();

        // test-SR.dcm has an empty patient id: accepted with a warning (a patient of unknown identity), as file ingest accepts it.
        Assert.Equal(HarvestStatus.Succeeded, summary.Status);
        Assert.Equal(PydicomFiles.Names.Length, summary.StudiesSeen);
        Assert.Equal(0, summary.Errors);
        Assert.Equal(PydicomFiles.Names.Length, summary.StudiesWritten);
        Assert.Equal(1, summary.Warnings[InstanceWarnings.PatientIdMissing]);
        var harvested = await scenario.ReadAsync();
        var ingested = await IngestFilesAsync();
        Assert.Equal(Keys(ingested, "Patient"), Keys(harvested, "Patient"));
        Assert.All(harvested.Nodes("Patient"), p => Assert.StartsWith("PSN-", p.Key, StringComparison.Ordinal));
        Assert.Equal(Keys(ingested, "Study"), Keys(harvested, "Study"));
        Assert.Equal(Keys(ingested, "Series"), Keys(harvested, "Series"));
        foreach (var label in new[] { "Patient", "Study", "Series" })
        {
            foreach (var node in harvested.Nodes(label))
                Assert.Equal(Properties(ingested.Node(label, node.Key)), Properties(node));
        }

        Assert.Equal(Edges(ingested, "HAS_STUDY"), Edges(harvested, "HAS_STUDY"));
        Assert.Equal(Edges(ingested, "HAS_SERIES"), Edges(harvested, "HAS_SERIES"));
        var ct = harvested.Nodes("Series").Single(s => s["modality"] as string == "CT" && s["model"] is not null);
        Assert.NotNull(ct["sliceThickness"]);
        Assert.Equal(1L, ct["imageCount"]);
    }

    [Fact]
    public async Task Harvest_PydicomFiles_LeavesNoPatientIdentifierInTheDataFolder()
    {
        await using var scenario = await HarvestScenario.CreateAsync(source.Orthanc);

        await scenario.HarvestAsync();
        await scenario.Store.DisposeAsync();

        var bytes = Directory.EnumerateFiles(scenario.Folder.Path, "*", SearchOption.AllDirectories).SelectMany(File.ReadAllBytes).ToArray();
        var text = Encoding.UTF8.GetString(bytes) + Encoding.Unicode.GetString(bytes);
        Assert.All(PydicomFiles.Identifiers, identifier => Assert.DoesNotContain(identifier, text, StringComparison.OrdinalIgnoreCase));
        Assert.True(File.Exists(scenario.CheckpointPath));
    }

    [Fact]
    public async Task Harvest_RemappedUids_KeepsSourceUidsOutOfStoreAndCheckpoint()
    {
        await using var scenario = await HarvestScenario.CreateAsync(source.Orthanc);

        var summary = await scenario.HarvestAsync(scenario.Options(remapUids: true));
        var content = await scenario.ReadAsync();
        await scenario.Store.DisposeAsync();

        Assert.Equal(PydicomFiles.Names.Length, summary.StudiesWritten);
        Assert.All(content.Nodes("Study").Concat(content.Nodes("Series")), n => Assert.StartsWith("2.25.", n.Key, StringComparison.Ordinal));
        var text = string.Concat(Directory.EnumerateFiles(scenario.Folder.Path, "*", SearchOption.AllDirectories).Select(f => Encoding.UTF8.GetString(File.ReadAllBytes(f))));
        Assert.DoesNotContain("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322", text, StringComparison.Ordinal);
        Assert.DoesNotContain("1.2.826.0.1.3680043.8.498.2010020400001.1", text, StringComparison.Ordinal);
    }

    private static async Task<GraphContent> IngestFilesAsync()
    {
        using var folder = new TempDirectory();
        foreach (var path in PydicomFiles.Paths)
            File.Copy(path, Path.Combine(folder.Path, Path.GetFileName(path)));
        await using var store = new SqliteGraphStore(folder.File("graph.db"));
        await store.EnsureSchemaAsync(CancellationToken.None);
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance);
        var options = new DicomIngestOptions { Folder = folder.Path, Repository = HarvestScenario.Repository, Dataset = HarvestScenario.Dataset, Key = Secrets.Key };
        await DicomFolderIngest.RunAsync(store, writer, options, null, NullLogger.Instance, CancellationToken.None);
        return await GraphContent.ReadAsync(store);
    }

    private static string[] Keys(GraphContent content, string label) => content.Nodes(label).Select(n => n.Key).ToArray();

    private static string[] Edges(GraphContent content, string type) =>
        content.EdgesOf(type).Select(e => e.ToString()).Order(StringComparer.Ordinal).ToArray();

    private static string Properties(NodeRecord node) => string.Join(
        "; ",
        node.Properties.Where(p => !DerivedFromFiles.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={PropertyValues.Describe(p.Value)}"));
}
