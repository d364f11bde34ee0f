using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Store;

namespace Graph.Ingest.Tests.Dicom;

partial class DicomFolderIngestTests
{
    [Fact]
    public async Task RunAsync_PassThroughIds_KeepsPseudonyms_RejectsIdsThatMayBeNames()
    {
        _scenario.Write("ok.dcm", SomeDicom.Instance("TCGA-02-0001", study: 1));
        _scenario.Write("space.dcm", SomeDicom.Instance("SMITH 42", study: 2));
        _scenario.Write("letters.dcm", SomeDicom.Instance("Bartholomew", study: 3));
        _scenario.Write("name.dcm", SomeDicom.Instance("JANETH1958", study: 4));

        var summary = await _scenario.IngestAsync(_scenario.Options(passThroughIds: true));

        Assert.Equal(1, summary.Accepted);
        Assert.Equal("TCGA-02-0001", Assert.Single((await _scenario.ReadAllAsync()).Nodes, n => n.Node.Label == "Patient").Node.Key);
        Assert.All(summary.Rejects, r => Assert.Equal(RejectKind.UnsafePatientId, r.Kind));
        var reasons = string.Join("\n", summary.Rejects.Select(r => r.Reason));
        Assert.Contains("has a character other than", reasons, StringComparison.Ordinal);
        Assert.Contains("has no digit", reasons, StringComparison.Ordinal);
        Assert.Contains("contains part of a person's name", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("SMITH", reasons, StringComparison.Ordinal);
        Assert.DoesNotContain("Bartholomew", reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PassThroughWithoutRemap_NeedsNoKey()
    {
        _scenario.Write("ok.dcm", SomeDicom.Instance("TCGA-02-0001"));
        var options = _scenario.Options(passThroughIds: true);

        var summary = await _scenario.IngestAsync(new DicomIngestOptions
        {
            Folder = options.Folder,
            Repository = options.Repository,
            Dataset = options.Dataset,
            PassThroughIds = true,
            Key = null,
        });

        Assert.Equal(1, summary.Accepted);
    }

    [Fact]
    public async Task RunAsync_NoKeyToPseudonymise_FailsBeforeReading()
    {
        _scenario.Write("1.dcm", SomeDicom.Instance());
        var options = _scenario.Options();

        var error = await Assert.ThrowsAsync<DeidentificationException>(() => _scenario.IngestAsync(new DicomIngestOptions
        {
            Folder = options.Folder,
            Repository = options.Repository,
            Dataset = options.Dataset,
            Key = null,
        }));

        Assert.Equal(DeidentificationProblem.Configuration, error.Problem);
        Assert.Equal(0, await _scenario.Store.GetSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_RemapUids_WritesKeyed225Uids_AndAgainChangesNothing()
    {
        WriteTwoPatients();

        var first = await _scenario.IngestAsync(_scenario.Options(remapUids: true));
        var second = await _scenario.IngestAsync(_scenario.Options(remapUids: true));

        var all = await _scenario.ReadAllAsync();
        var keys = all.Nodes.Where(n => n.Node.Label is "Study" or "Series").Select(n => n.Node.Key).ToArray();
        Assert.Equal(7, keys.Length);
        Assert.All(keys, k => Assert.StartsWith("2.25.", k, StringComparison.Ordinal));
        Assert.DoesNotContain(all.Nodes, n => n.Node.Key.StartsWith(SomeDicom.Root, StringComparison.Ordinal));
        Assert.Equal(3L, all.Nodes.Single(n => n.Node.Label == "Series" && n.Node["modality"] is "MR" && (long)n.Node["imageCount"]! == 3).Node["imageCount"]);
        Assert.True(first.Changed);
        Assert.False(second.Changed);
    }

    [Fact]
    public async Task RunAsync_RepositoryExists_KeepsItsProperties()
    {
        await _scenario.Store.EnsureSchemaAsync(CancellationToken.None);
        await _scenario.Writer.WriteAsync(
            new ChangeSet().Add(NodeRecord.Of(GraphModel.Repository, IngestScenario.Repository, ("name", "The Real Archive"), ("country", "ES"))),
            CancellationToken.None);
        _scenario.Write("1.dcm", SomeDicom.Instance());

        await _scenario.IngestAsync();

        var repository = await _scenario.NodeAsync(GraphModel.Repository, IngestScenario.Repository);
        Assert.Equal(("The Real Archive", "ES"), (repository["name"], repository["country"]));
        Assert.Equal(IngestScenario.Dataset, (await _scenario.NodeAsync(GraphModel.Dataset, IngestScenario.Dataset))["title"]);
    }

    [Fact]
    public async Task RunAsync_DatasetOfAnotherRepository_FailsWithoutWriting()
    {
        await _scenario.Store.EnsureSchemaAsync(CancellationToken.None);
        var other = NodeRecord.Of(GraphModel.Repository, "other-repo", ("name", "Other"));
        var dataset = NodeRecord.Of(GraphModel.Dataset, IngestScenario.Dataset, ("title", "Theirs"));
        await _scenario.Writer.WriteAsync(new ChangeSet().Add(other).Add(dataset).Add(EdgeRecord.Of("HOSTS", other.Ref, dataset.Ref)), CancellationToken.None);
        _scenario.Write("1.dcm", SomeDicom.Instance());

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _scenario.IngestAsync());

        Assert.Contains("hosted by repository 'other-repo'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await _scenario.Store.GetSequenceAsync(CancellationToken.None));
    }
}
