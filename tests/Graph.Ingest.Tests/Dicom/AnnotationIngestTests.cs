using Graph.Dicom;
using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Tests.Deidentification;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom;

/// <summary>Segmentations (SEG) and RT structure sets (RTSTRUCT) become Annotation nodes that ANNOTATE the series they were drawn on.</summary>
[Collection(ServiceOverStore.Collection)]
public sealed class AnnotationIngestTests : IAsyncLifetime
{
    private static readonly string SegUid = SomeDicom.Sop(1, 90, 1);
    private static readonly string RtUid = SomeDicom.Sop(2, 91, 1);

    private readonly IngestScenario _scenario = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    /// <summary>Patient PA001: study 1 holds a CT series of two images and a SEG of the liver and a tumour drawn on it; study 2
    /// holds an RTSTRUCT of the prostate and the bladder drawn on study 1's CT (an RT structure set may reference another study).</summary>
    private void WriteCtWithSegAndStructureSet(string folder = "")
    {
        var ct1 = SomeDicom.Instance("PA001", 1, 1, 1, "CT");
        _scenario.Write(Path.Combine(folder, "ct/1.dcm"), ct1);
        _scenario.Write(Path.Combine(folder, "ct/2.dcm"), SomeDicom.Instance("PA001", 1, 1, 2, "CT"));
        WriteSeg(folder, ct1);
        var other = SomeDicom.Instance("PA001", 2, 1, 1, "CT");
        _scenario.Write(
            Path.Combine(folder, "rt/rs.dcm"),
            TestAnnotations.StructureSet(other, SomeDicom.Series(2, 91), RtUid, SomeDicom.Study(1), SomeDicom.Series(1, 1), new TestAnnotations.Roi("Prostate", "SCT", "41216001"), "Bladder"));
    }

    private void WriteSeg(string folder, TestDicomFile image) =>
        _scenario.Write(
            Path.Combine(folder, "seg/seg.dcm"),
            TestAnnotations.Segmentation(
                image,
                SomeDicom.Series(1, 90),
                SegUid,
                SomeDicom.Series(1, 1),
                [SomeDicom.Sop(1, 1, 1), SomeDicom.Sop(1, 1, 2)],
                new TestAnnotations.Segment("Liver", "SCT", "10200004", "Liver"),
                new TestAnnotations.Segment("Tumor", "SCT", "108369006", "Neoplasm", "nnU-Net")));

    [Fact]
    public async Task Ingest_CtWithSegAndStructureSet_AnnotationsLinkedToTheSourceSeries()
    {
        WriteCtWithSegAndStructureSet();

        var summary = await _scenario.IngestAsync();

        Assert.Equal((4, 4, 0), (summary.Files, summary.Accepted, summary.Rejected));
        Assert.Equal((1, 2, 3, 2), (summary.Patients, summary.Studies, summary.Series, summary.Annotations));
        Assert.Equal(0, summary.Warnings[InstanceWarnings.AnnotationSourceUnknown]);
        Assert.Equal(0, summary.StudiesWithWarnings);

        var seg = await _scenario.NodeAsync(GraphModel.Annotation, SegUid);
        Assert.Equal(("segmentation", "Liver; Tumor", "SlicerEditor; nnU-Net", "Organ segmentation"), (seg["kind"], seg["label"], seg["author"], seg["description"]));
        Assert.Equal(["SCTID:10200004", "SCTID:108369006"], Assert.IsType<string[]>(seg["codes"]));
        var rt = await _scenario.NodeAsync(GraphModel.Annotation, RtUid);
        Assert.Equal(("segmentation", "Prostate; Bladder", "Planning contours"), (rt["kind"], rt["label"], rt["description"]));
        Assert.Equal(["SCTID:41216001"], Assert.IsType<string[]>(rt["codes"]));

        // Each annotates the CT it was drawn on, not its own SEG or RTSTRUCT series.
        Assert.Equal([(SegUid, SomeDicom.Series(1, 1)), (RtUid, SomeDicom.Series(1, 1))], await AnnotatesAsync());
        var segSeries = await _scenario.NodeAsync(GraphModel.Series, SomeDicom.Series(1, 90));
        Assert.Equal(("SEG", 1L), (segSeries["modality"], segSeries["imageCount"]));
        Assert.Equal("RTSTRUCT", (await _scenario.NodeAsync(GraphModel.Series, SomeDicom.Series(2, 91)))["modality"]);

        var again = await _scenario.IngestAsync();
        Assert.Equal(0, again.BatchesChanged);
    }

    [Fact]
    public async Task Ingest_PydicomSegAndStructureSet_KeptOnTheirOwnSeriesWithAWarning()
    {
        // Real objects whose source series are not in the folder: dcmqi's liver SEG (SNOMED RT codes) and pydicom's RTSTRUCT.
        foreach (var name in new[] { "liver_1frame.dcm", "rtstruct.dcm" })
            _scenario.Write(name, File.ReadAllBytes(PydicomFiles.File(name)));

        var summary = await _scenario.IngestAsync();

        Assert.Equal((2, 2, 0, 2), (summary.Files, summary.Accepted, summary.Rejected, summary.Annotations));
        Assert.Equal(2, summary.Warnings[InstanceWarnings.AnnotationSourceUnknown]);
        Assert.Equal(2, summary.StudiesWithWarnings);
        var liver = await _scenario.NodeAsync(GraphModel.Annotation, "1.2.276.0.7230010.3.1.4.0.42154.1458337731.665796");
        Assert.Equal(("segmentation", "Liver", "SlicerEditor", "Iowa QIN segmentation result"), (liver["kind"], liver["label"], liver["author"], liver["description"]));
        // SRT T-62000 is the retired SNOMED RT code of the liver: SNOMED CT 10200004, the seed vocabulary's concept.
        Assert.Equal(["SCTID:10200004"], Assert.IsType<string[]>(liver["codes"]));
        var structures = await _scenario.NodeAsync(GraphModel.Annotation, "1.2.826.0.1.3680043.8.498.2010020400001");
        Assert.Equal("patient; Isocenter 1; Isocenter 2", structures["label"]);
        // Its Structure Set Name "sep30" is also its Study ID, so it is not kept as a description.
        Assert.Null(structures["description"]);
        Assert.Equal(
            [
                ("1.2.276.0.7230010.3.1.4.0.42154.1458337731.665796", "1.2.276.0.7230010.3.1.3.0.42154.1458337731.665795"),
                ("1.2.826.0.1.3680043.8.498.2010020400001", "1.2.826.0.1.3680043.8.498.2010020400001.1.1"),
            ],
            await AnnotatesAsync());
    }

    [Fact]
    public async Task Ingest_SourceSeriesIngestedLater_ReIngestLinksTheSourceAndDropsTheOwnSeriesLink()
    {
        var ct1 = SomeDicom.Instance("PA001", 1, 1, 1, "CT");
        WriteSeg("", ct1);
        var first = await _scenario.IngestAsync();
        Assert.Equal(1, first.Warnings[InstanceWarnings.AnnotationSourceUnknown]);
        Assert.Equal([(SegUid, SomeDicom.Series(1, 90))], await AnnotatesAsync());

        // The CT arrives in another folder (another ingest); the SEG folder is ingested again: the store knows the CT now.
        Directory.Delete(_scenario.Input, recursive: true);
        _scenario.Write("ct/1.dcm", ct1);
        await _scenario.IngestAsync();
        Directory.Delete(_scenario.Input, recursive: true);
        WriteSeg("", ct1);
        var again = await _scenario.IngestAsync();

        Assert.Equal(0, again.Warnings[InstanceWarnings.AnnotationSourceUnknown]);
        Assert.Equal([(SegUid, SomeDicom.Series(1, 1))], await AnnotatesAsync());
    }

    [Fact]
    public async Task Ingest_RemappedUids_AnnotationAndItsSourceRemappedAlike()
    {
        WriteCtWithSegAndStructureSet();

        await _scenario.IngestAsync(_scenario.Options(remapUids: true));

        var remap = new UidRemapper(IngestScenario.Key);
        Assert.Equal(
            new[] { (remap.Remap(SegUid), remap.Remap(SomeDicom.Series(1, 1))), (remap.Remap(RtUid), remap.Remap(SomeDicom.Series(1, 1))) }.Order().ToList(),
            await AnnotatesAsync());
        var text = string.Join(' ', (await _scenario.ReadAllAsync()).Nodes.Select(n => n.Node.Key));
        Assert.DoesNotContain(SegUid, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SomeDicom.Series(1, 1), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_LabelsNamingThePatient_NotKept()
    {
        var ct1 = SomeDicom.Instance("PA001", 1, 1, 1, "CT");
        _scenario.Write("ct/1.dcm", ct1);
        _scenario.Write(
            "seg/seg.dcm",
            TestAnnotations.Segmentation(
                    ct1,
                    SomeDicom.Series(1, 90),
                    SegUid,
                    SomeDicom.Series(1, 1),
                    [SomeDicom.Sop(1, 1, 1)],
                    new TestAnnotations.Segment("Liver", "SCT", "10200004", "Liver"),
                    new TestAnnotations.Segment("Tumor of Janeth Doe", "SCT", "108369006", "Neoplasm"),
                    new TestAnnotations.Segment("PA001 lesion", "SCT", "108369006", "Neoplasm", "Read by Quimby"))
                .Set(new DicomTag(0x0070, 0x0081), "LO", "Segmented 2019-03-04 for Doe"));

        var summary = await _scenario.IngestAsync();

        var seg = await _scenario.NodeAsync(GraphModel.Annotation, SegUid);
        Assert.Equal(("Liver", "SlicerEditor"), (seg["label"], seg["author"]));
        Assert.Null(seg["description"]);
        Assert.Equal(4, summary.DescriptionsRemoved);
    }

    [Fact]
    public async Task Ingest_ThenService_SeriesFilteredByAnnotationsAndFacetsOverLabelsAndConcepts()
    {
        WriteCtWithSegAndStructureSet();
        await _scenario.Store.EnsureSchemaAsync(CancellationToken.None);
        await using var service = ServiceOverStore.Create(_scenario.DataDirectory, Path.Combine(_scenario.Root, "service.log"));
        await service.StartAsync();
        await _scenario.IngestAsync();
        await WaitForAsync(service, "{ annotations { totalCount } }", json => (int)json["data"]!["annotations"]!["totalCount"]! == 2);

        var (text, json) = await service.PostForTextAsync("""
            {
              liver: series(where: { annotations: { some: { label: { contains: "Liver" } } } }) { totalCount nodes { seriesInstanceUid modality } }
              bladder: series(where: { annotations: { some: { label: { contains: "Bladder" } } } }) { totalCount }
              none: series(where: { annotations: { some: { label: { contains: "Spleen" } } } }) { totalCount }
              coded: series(where: { annotations: { some: { concepts: { some: { curie: { eq: "SCTID:10200004" } } } } } }) { totalCount nodes { seriesInstanceUid } }
              annotated: series(where: { annotations: { some: { kind: { eq: "segmentation" } } } }) {
                totalCount
                facets(fields: ["annotations.label", "annotations.codes", "annotations.concepts.curie"], limit: 10) { field values { value label count } }
              }
              concept: conceptByKey(key: "SCTID:10200004") { label annotations { nodes { annotationId label series { nodes { seriesInstanceUid } } } } }
            }
            """);
        Assert.True(json["errors"] is null, text);
        var data = json["data"]!;
        Assert.Equal(1, (int)data["liver"]!["totalCount"]!);
        Assert.Equal(SomeDicom.Series(1, 1), (string)data["liver"]!["nodes"]![0]!["seriesInstanceUid"]!);
        Assert.Equal("CT", (string)data["liver"]!["nodes"]![0]!["modality"]!);
        Assert.Equal(1, (int)data["bladder"]!["totalCount"]!);
        Assert.Equal(0, (int)data["none"]!["totalCount"]!);
        Assert.Equal(SomeDicom.Series(1, 1), (string)data["coded"]!["nodes"]!.AsArray().Single()!["seriesInstanceUid"]!);

        var facets = data["annotated"]!["facets"]!.AsArray().ToDictionary(
            f => (string)f!["field"]!, f => f!["values"]!.AsArray().Select(v => ((string)v!["value"]!, (int)v["count"]!)).ToList());
        Assert.Equal([("Liver; Tumor", 1), ("Prostate; Bladder", 1)], facets["annotations.label"].Order().ToList());
        Assert.Equal([("SCTID:10200004", 1), ("SCTID:108369006", 1), ("SCTID:41216001", 1)], facets["annotations.codes"].Order().ToList());
        // Of the three codes, the catalogue holds the liver's and the prostate's concepts (seed vocabulary): the concepts facet counts
        // them, with their labels; the neoplasm's code links to nothing until a vocabulary adds it.
        var concepts = data["annotated"]!["facets"]!.AsArray().Single(f => (string)f!["field"]! == "annotations.concepts.curie")!["values"]!.AsArray();
        Assert.Equal(
            [("SCTID:10200004", "Liver", 1), ("SCTID:41216001", "Prostate", 1)],
            concepts.Select(v => ((string)v!["value"]!, (string?)v["label"], (int)v["count"]!)).Order().ToList());

        Assert.Equal("Liver", (string)data["concept"]!["label"]!);
        var annotation = data["concept"]!["annotations"]!["nodes"]!.AsArray().Single()!;
        Assert.Equal(SegUid, (string)annotation["annotationId"]!);
        Assert.Equal(SomeDicom.Series(1, 1), (string)annotation["series"]!["nodes"]![0]!["seriesInstanceUid"]!);
    }

    private async Task<List<(string Annotation, string Series)>> AnnotatesAsync() =>
        (await _scenario.ReadAllAsync()).Edges
            .Where(e => e.Edge.Type == "ANNOTATES" && !e.Deleted)
            .Select(e => (e.Edge.From.Key, e.Edge.To.Key))
            .Order()
            .ToList();

    private static async Task WaitForAsync(GraphService service, string query, Func<System.Text.Json.Nodes.JsonObject, bool> done)
    {
        // The service follows the store's change feed: the ingest's commits appear within seconds.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var (text, json) = await service.PostForTextAsync(query);
            if (json["errors"] is null && done(json))
                return;
            Assert.True(DateTime.UtcNow < deadline, $"Not seen within 15 s: {text}");
            await Task.Delay(100);
        }
    }
}
