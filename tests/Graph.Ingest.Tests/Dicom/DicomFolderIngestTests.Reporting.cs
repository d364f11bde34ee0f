using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom;

partial class DicomFolderIngestTests
{
    [Fact]
    public async Task RunAsync_BatchOfOneStudy_EveryChangeSetHoldsWholeStudies()
    {
        WriteTwoPatients();

        var summary = await _scenario.IngestAsync(_scenario.Options(batch: 1));

        Assert.Equal(4, summary.Batches);
        var all = await _scenario.ReadAllAsync();
        var seriesOfStudy = all.Edges.Where(e => e.Edge.Type == "HAS_SERIES").ToLookup(e => e.Edge.From.Key, e => e.Edge.To.Key);
        foreach (var commit in all.Nodes.GroupBy(n => n.Sequence).Where(g => g.Any(n => n.Node.Label == "Study")))
        {
            var study = Assert.Single(commit, n => n.Node.Label == "Study").Node.Key;
            Assert.Equal(seriesOfStudy[study].Order(), commit.Where(n => n.Node.Label == "Series").Select(n => n.Node.Key).Order());
        }
    }

    [Fact]
    public async Task RunAsync_Progress_ReportsEveryFileAndStudy()
    {
        WriteTwoPatients();
        var progress = new CollectingProgress<DicomIngestProgress>();

        await _scenario.IngestAsync(progress: progress);

        var reports = progress.Reports.ToArray();
        Assert.Contains(reports, p => p.Phase == DicomIngestPhase.Reading && p.FilesRead == 9 && p.FilesTotal == 9 && p.Series == 4);
        Assert.Equal((DicomIngestPhase.Writing, 3, 3), (reports[^1].Phase, reports[^1].StudiesWritten, reports[^1].StudiesTotal));
    }

    [Fact]
    public async Task RunAsync_Logs_HoldNeitherPathsNorIdentifiers()
    {
        _scenario.Write("Doe_Janeth_PAT001/1.dcm", SomeDicom.Instance());
        _scenario.Write("Doe_Janeth_PAT001/bad.dcm", SomeDicom.Instance(instance: 2).Remove(DicomTag.StudyInstanceUID));
        _scenario.Write("Doe_Janeth_PAT001/desc.dcm", SomeDicom.Instance(instance: 3).Set(DicomTag.SeriesDescription, "LO", "Janeth T2"));

        var summary = await _scenario.IngestAsync();

        Assert.Equal((2, 1, 1), (summary.Accepted, summary.Rejected, summary.DescriptionsRemoved));
        Assert.NotEmpty(_scenario.Log.Messages);
        foreach (var secret in new[] { "Doe", "Janeth", "PAT001", "19581230", "Zebedee", "Quimby", "Xanthe", _scenario.Input })
            Assert.DoesNotContain(secret, _scenario.Log.Text, StringComparison.OrdinalIgnoreCase);
    }

    // Review 3: the rejects report quoted refused values, control characters and names included ('Li Bo^G follow-up').
    [Fact]
    public async Task RunAsync_ValueRefused_ReportNamesTheFieldAndTheRule_NeverTheValue()
    {
        _scenario.Write("uid.dcm", SomeDicom.Instance(study: 1).Set(DicomTag.StudyInstanceUID, "UI", "1.2.Janeth"));
        _scenario.Write("control.dcm", SomeDicom.Instance(study: 2).Set(DicomTag.StudyDescription, "LO", "Li Bo\a follow-up"));
        _scenario.Write("wide/0001.dcm", SomeDicom.Instance(study: 3, series: 1, modality: "Janeth"));
        for (var series = 2; series <= 1001; series++)
            _scenario.Write($"wide/{series:D4}.dcm", SomeDicom.Instance(study: 3, series: series, modality: $"M{series:D4}"));

        var summary = await _scenario.IngestAsync();

        var reasons = summary.Rejects.ToDictionary(r => r.Path, r => r.Reason);
        Assert.Equal("Study: studyInstanceUid is not a DICOM UID (digits and dots, at most 64 characters).", reasons["uid.dcm"]);
        Assert.Contains("Study field 'modalitiesInStudy': has more than 1000 items.", reasons["wide/0001.dcm"], StringComparison.Ordinal);
        Assert.All(reasons.Values, r => Assert.DoesNotContain(r, c => char.IsControl(c)));
        foreach (var value in new[] { "Janeth", "Li Bo", "M0002", SomeDicom.Study(3) })
            Assert.All(reasons.Values, r => Assert.DoesNotContain(value, r, StringComparison.Ordinal));
    }
}
