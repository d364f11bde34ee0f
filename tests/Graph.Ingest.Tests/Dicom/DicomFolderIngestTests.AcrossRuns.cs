using Graph.Dicom;
using Graph.Domain;
using Graph.Ingest.Dicom;
using Graph.Ingest.Tests.Dicom.Support;

namespace Graph.Ingest.Tests.Dicom;

/// <summary>Runs that meet what earlier runs wrote: the same study, series or patient from another folder.</summary>
public sealed partial class DicomFolderIngestTests
{
    // Review finding A: a study arriving later under another PatientID got a second HAS_STUDY (two patients) and the later description.
    [Fact]
    public async Task RunAsync_StudyTheCatalogueHoldsUnderAnotherPatient_FilesRejectedWithoutThePseudonym_RestWritten()
    {
        _scenario.Write("first/1.dcm", SomeDicom.Instance("PA001", study: 1, series: 1, instance: 1));
        await _scenario.IngestAsync();
        NextFolder();
        _scenario.Write("later/same-study.dcm", SomeDicom.Instance("PB002", study: 1, series: 2, instance: 1).Set(DicomTag.StudyDescription, "LO", "OTHER VISIT"));
        _scenario.Write("later/same-series.dcm", SomeDicom.Instance("PA001", study: 4, series: 1, instance: 2)
            .Set(DicomTag.SeriesInstanceUID, "UI", SomeDicom.Series(1, 1)));
        _scenario.Write("later/new.dcm", SomeDicom.Instance("PB002", study: 3));

        var summary = await _scenario.IngestAsync();

        Assert.Equal((3, 1, 2), (summary.Files, summary.Accepted, summary.Rejected));
        Assert.Equal(
            [("later/same-series.dcm", RejectKind.Conflict), ("later/same-study.dcm", RejectKind.Conflict)],
            summary.Rejects.Select(r => (r.Path, r.Kind)));
        Assert.Contains($"study {SomeDicom.Study(1)} belongs to another patient in the catalogue", summary.Rejects[1].Reason, StringComparison.Ordinal);
        Assert.Contains($"series {SomeDicom.Series(1, 1)} belongs to another study in the catalogue", summary.Rejects[0].Reason, StringComparison.Ordinal);
        Assert.All(summary.Rejects, r => Assert.DoesNotContain("PSN-", r.Reason, StringComparison.Ordinal));
        var content = await _scenario.ReadAllAsync();
        var hasStudy = content.Edges.Where(e => e.Edge.Type == "HAS_STUDY").Select(e => (e.Edge.From.Key, e.Edge.To.Key)).ToArray();
        Assert.Equal(IngestScenario.Pseudonym("PA001"), Assert.Single(hasStudy, e => e.Item2 == SomeDicom.Study(1)).Item1);
        Assert.Contains((IngestScenario.Pseudonym("PB002"), SomeDicom.Study(3)), hasStudy);
        Assert.DoesNotContain(hasStudy, e => e.Item2 == SomeDicom.Study(4));
        Assert.Single(content.Edges, e => e.Edge.Type == "HAS_SERIES" && e.Edge.To.Key == SomeDicom.Series(1, 1));
        Assert.DoesNotContain(content.Nodes, n => n.Node.Key == SomeDicom.Series(1, 2));
        Assert.Equal("MRI PELVIS", (await _scenario.NodeAsync(GraphModel.Study, SomeDicom.Study(1)))["description"]);
    }

    // Review finding B: a later run replaced modalitiesInStudy with its own series' (["MR"] for a CT study) and a series'
    // counts with the ones of its files only. The catalogue keeps no instance identity, so counts keep the larger (never doubled).
    [Fact]
    public async Task RunAsync_LaterRunWithPartOfASeriesAndANewSeries_CountsKeepTheLarger_ModalitiesAddUp()
    {
        var sizes = new[] { 1, 2 }.Sum(i => new FileInfo(_scenario.Write($"first/{i}.dcm", SomeDicom.Instance(study: 1, series: 1, instance: i, modality: "CT"))).Length);
        await _scenario.IngestAsync();
        NextFolder();
        _scenario.Write("later/mr.dcm", SomeDicom.Instance(study: 1, series: 2, instance: 1));
        var mr = await _scenario.IngestAsync();
        var modalities = (await _scenario.NodeAsync(GraphModel.Study, SomeDicom.Study(1)))["modalitiesInStudy"];
        NextFolder();
        _scenario.Write("last/ct3.dcm", SomeDicom.Instance(study: 1, series: 1, instance: 3, modality: "CT"));

        var last = await _scenario.IngestAsync();
        var again = await _scenario.IngestAsync();

        Assert.Equal((1, 0, 1, 0), (mr.Accepted, mr.Rejected, last.Accepted, last.Rejected));
        Assert.Equal(["CT", "MR"], Assert.IsType<string[]>(modalities));
        Assert.Equal(["CT", "MR"], Assert.IsType<string[]>((await _scenario.NodeAsync(GraphModel.Study, SomeDicom.Study(1)))["modalitiesInStudy"]));
        var ct = await _scenario.NodeAsync(GraphModel.Series, SomeDicom.Series(1, 1));
        Assert.Equal((2L, sizes), (ct["imageCount"], ct["sizeBytes"]));
        Assert.Equal(1L, (await _scenario.NodeAsync(GraphModel.Series, SomeDicom.Series(1, 2)))["imageCount"]);
        Assert.Equal((0L, 0L), (again.NodesChanged, again.EdgesChanged));
    }

    /// <summary>Empties the folder to ingest, for a run with other files into the same store.</summary>
    private void NextFolder()
    {
        Directory.Delete(_scenario.Input, recursive: true);
        Directory.CreateDirectory(_scenario.Input);
    }
}
