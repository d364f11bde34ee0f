using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom;

/// <summary>DICOM as it comes: the whole of pydicom's corpus (files written by other tools), ingested as an archive's folder would be.</summary>
public sealed class PydicomCorpusIngestTests : IAsyncLifetime
{
    private static readonly string[] CorpusFolders = ["test_files", "charset_files", "palettes"];
    private readonly IngestScenario _scenario = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    [Fact]
    public async Task RunAsync_PydicomCorpus_AcceptsEveryFileThatCanBePlaced_RefusesOnlyTheRest()
    {
        var data = Path.GetDirectoryName(PydicomFiles.File("CT_small.dcm"))!;
        foreach (var folder in CorpusFolders)
            TempDirectory.CopyTree(Path.Combine(Path.GetDirectoryName(data)!, folder), Path.Combine(_scenario.Input, folder));

        var summary = await _scenario.IngestAsync();

        // 192 files: 155 accepted (empty PatientIDs, absent modalities and UIDs written as UN among them), 7 DICOMDIRs
        // skipped, 30 refused: 11 not DICOM, 3 cut short (DCMTK fails on them too), 16 without a StudyInstanceUID.
        Assert.Equal((192, 155, 30, 7), (summary.Files, summary.Accepted, summary.Rejected, summary.Skipped));
        var refused = summary.Rejects.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<RejectKind, int> { [RejectKind.NotDicom] = 11, [RejectKind.Corrupt] = 3, [RejectKind.MissingAttribute] = 16 }, refused);
        Assert.All(summary.Rejects.Where(r => r.Kind == RejectKind.MissingAttribute), r => Assert.StartsWith("StudyInstanceUID", r.Reason, StringComparison.Ordinal));
        Assert.Contains("test_files/MR_truncated.dcm", summary.Rejects.Select(r => r.Path));
        Assert.DoesNotContain("test_files/rtdose_rle.dcm", summary.Rejects.Select(r => r.Path));
        Assert.True(summary.Warnings[InstanceWarnings.PatientIdMissing] > 0);
        Assert.True(summary.Warnings[InstanceWarnings.ModalityMissing] > 0);
        Assert.True(summary.UnknownPatients > 0);
        Assert.Equal(summary.Studies, (await _scenario.ReadAllAsync()).Nodes.Count(n => n.Node.Label == "Study"));
    }
}
