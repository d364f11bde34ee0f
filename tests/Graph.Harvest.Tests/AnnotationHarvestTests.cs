using Graph.Dicom;
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

/// <summary>A study with a CT and a segmentation, and a study with an RT structure set drawn on that CT, served by a real Orthanc:
/// the harvest writes the same annotations, linked to the same series, as a file ingest of the same objects.</summary>
public sealed class AnnotationHarvestTests
{
    private const string Root = "1.2.826.0.1.3680043.10.999.77";

    [Fact]
    public async Task Harvest_SegAndStructureSet_SameAnnotationsAsFileIngest_LinkedToTheCt()
    {
        var files = Objects();
        await using var orthanc = await OrthancServer.StartAsync();
        foreach (var file in files.Values)
            await orthanc.UploadAsync(file.ToBytes());
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);

        var summary = await scenario.HarvestAsync();
        var harvested = await scenario.ReadAsync();

        Assert.Equal((HarvestStatus.Succeeded, 2, 2, 0), (summary.Status, summary.StudiesSeen, summary.StudiesWritten, summary.Errors));
        Assert.Equal((3, 2, 0), (summary.SeriesWritten, summary.AnnotationsWritten, summary.StudiesWithWarnings));
        var segmentation = harvested.Node(GraphModel.Annotation.Label, $"{Root}.3.1.90.1");
        Assert.Equal(("segmentation", "Liver; Tumor", "SlicerEditor"), (segmentation["kind"], segmentation["label"], segmentation["author"]));
        Assert.Equal(["SCTID:10200004", "SCTID:108369006"], Assert.IsType<string[]>(segmentation["codes"]));
        var structures = harvested.Node(GraphModel.Annotation.Label, $"{Root}.3.2.91.1");
        Assert.Equal("Prostate; Bladder", structures["label"]);
        Assert.Equal(["SCTID:41216001"], Assert.IsType<string[]>(structures["codes"]));
        Assert.Equal(
            [($"{Root}.3.1.90.1", $"{Root}.2.1.1"), ($"{Root}.3.2.91.1", $"{Root}.2.1.1")],
            harvested.EdgesOf("ANNOTATES").Select(e => (e.From.Key, e.To.Key)).Order().ToArray());

        // The same objects as files, ingested into another store with the same secret: the same annotations and links.
        using var folder = new TempDirectory();
        foreach (var (name, file) in files)
            file.WriteTo(Path.Combine(folder.Path, "in", name));
        await using var store = new SqliteGraphStore(folder.File("graph.db"));
        await store.EnsureSchemaAsync(CancellationToken.None);
        var options = new DicomIngestOptions { Folder = Path.Combine(folder.Path, "in"), Repository = "files", Dataset = "files", Key = Secrets.Key };
        await DicomFolderIngest.RunAsync(store, new GraphWriter(store, [], NullLogger<GraphWriter>.Instance), options, null, NullLogger.Instance, CancellationToken.None);
        var ingested = await GraphContent.ReadAsync(store);
        Assert.Equal(ingested.Nodes(GraphModel.Annotation.Label), harvested.Nodes(GraphModel.Annotation.Label), new NodeComparer());
        Assert.Equal(
            ingested.EdgesOf("ANNOTATES").Select(e => (e.From.Key, e.To.Key)).Order(),
            harvested.EdgesOf("ANNOTATES").Select(e => (e.From.Key, e.To.Key)).Order());

        // Nothing changed at the source: a full re-harvest writes the same annotations and links again.
        var again = await scenario.HarvestAsync(scenario.Options(full: true));
        var reharvested = await scenario.ReadAsync();
        Assert.Equal(2, again.AnnotationsWritten);
        Assert.Equal(harvested.Nodes(GraphModel.Annotation.Label), reharvested.Nodes(GraphModel.Annotation.Label), new NodeComparer());
        Assert.Equal(harvested.EdgesOf("ANNOTATES").Count, reharvested.EdgesOf("ANNOTATES").Count);
    }

    [Fact]
    public async Task Harvest_SegWhoseSourceIsNotServed_KeptOnItsOwnSeriesWithAWarning()
    {
        var ct = Image(1, 1, 1);
        var seg = TestAnnotations.Segmentation(
            ct, $"{Root}.2.1.90", $"{Root}.3.1.90.1", $"{Root}.2.1.1", [$"{Root}.3.1.1.1"], new TestAnnotations.Segment("Liver", "SCT", "10200004", "Liver"));
        await using var orthanc = await OrthancServer.StartAsync();
        await orthanc.UploadAsync(seg.ToBytes());
        await using var scenario = await HarvestScenario.CreateAsync(orthanc);

        var summary = await scenario.HarvestAsync();

        Assert.Equal((HarvestStatus.Succeeded, 1, 1), (summary.Status, summary.StudiesWritten, summary.AnnotationsWritten));
        Assert.Equal((1, 1), (summary.StudiesWithWarnings, summary.Warnings[InstanceWarnings.AnnotationSourceUnknown]));
        var content = await scenario.ReadAsync();
        Assert.Equal([($"{Root}.3.1.90.1", $"{Root}.2.1.90")], content.EdgesOf("ANNOTATES").Select(e => (e.From.Key, e.To.Key)).ToArray());
    }

    /// <summary>Study 1: a CT of two images and a SEG of the liver and a tumour drawn on it; study 2 (same patient): an RTSTRUCT drawn on study 1's CT.</summary>
    private static Dictionary<string, TestDicomFile> Objects()
    {
        var ct1 = Image(1, 1, 1);
        return new Dictionary<string, TestDicomFile>
        {
            ["ct1.dcm"] = ct1,
            ["ct2.dcm"] = Image(1, 1, 2),
            ["seg.dcm"] = TestAnnotations.Segmentation(
                ct1,
                $"{Root}.2.1.90",
                $"{Root}.3.1.90.1",
                $"{Root}.2.1.1",
                [$"{Root}.3.1.1.1", $"{Root}.3.1.1.2"],
                new TestAnnotations.Segment("Liver", "SCT", "10200004", "Liver"),
                new TestAnnotations.Segment("Tumor", "SCT", "108369006", "Neoplasm")),
            ["rt.dcm"] = TestAnnotations.StructureSet(Image(2, 1, 1), $"{Root}.2.2.91", $"{Root}.3.2.91.1", $"{Root}.1.1", $"{Root}.2.1.1", new TestAnnotations.Roi("Prostate", "SCT", "41216001"), "Bladder"),
        };
    }

    private static TestDicomFile Image(int study, int series, int instance) =>
        new TestDicomFile()
            .Set(DicomTag.SpecificCharacterSet, "CS", "ISO_IR 100")
            .Set(DicomTag.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
            .Set(DicomTag.MediaStorageSOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2")
            .Set(DicomTag.SOPInstanceUID, "UI", $"{Root}.3.{study}.{series}.{instance}")
            .Set(DicomTag.StudyDate, "DA", "20190304")
            .Set(DicomTag.Modality, "CS", "CT")
            .Set(DicomTag.Manufacturer, "LO", "ACME")
            .Set(DicomTag.PatientName, "PN", "Annotated^Patient")
            .Set(DicomTag.PatientID, "LO", "ANNOTATED-1")
            .Set(DicomTag.PatientSex, "CS", "F")
            .Set(DicomTag.StudyInstanceUID, "UI", $"{Root}.1.{study}")
            .Set(DicomTag.SeriesInstanceUID, "UI", $"{Root}.2.{study}.{series}")
            .Set(DicomTag.SeriesNumber, "IS", "1")
            .Set(DicomTag.InstanceNumber, "IS", instance.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
