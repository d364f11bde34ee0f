using System.Globalization;
using Graph.Dicom;
using Graph.Domain;

namespace Graph.Ingest.Harvest;

/// <summary>The QIDO-RS and WADO-RS requests of a harvest: studies by page, one study, a study's series, a series' instances,
/// an instance's metadata. UIDs from the repository are checked before they enter a URL.</summary>
internal sealed class DicomWebSource(DicomWebClient client)
{
    private static readonly string StudyFields = DicomWebTags.IncludeFields(DicomWebTags.Study);
    private static readonly string SeriesFields = DicomWebTags.IncludeFields(DicomWebTags.Series);
    private static readonly string InstanceFields = DicomWebTags.IncludeFields(DicomWebTags.Instance);

    /// <summary>The repository's slug.</summary>
    public string Repository => client.Repository;

    /// <summary>A page of the repository's studies.</summary>
    public Task<IReadOnlyList<DicomDataset>> StudiesAsync(int offset, int limit, CancellationToken cancellationToken) =>
        client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"studies?limit={limit}&offset={offset}&{StudyFields}"), "the QIDO-RS study query", cancellationToken);

    /// <summary>Whether the repository still lists a study.</summary>
    public async Task<bool> HasStudyAsync(string studyUid, CancellationToken cancellationToken)
    {
        var found = await client.GetAsync($"studies?StudyInstanceUID={Checked(studyUid)}&includefield=0020000D", "the QIDO-RS study lookup", cancellationToken)
            .ConfigureAwait(false);
        return found.Any(s => s.GetString(DicomTag.StudyInstanceUID) == studyUid);
    }

    /// <summary>The series of a study.</summary>
    public Task<IReadOnlyList<DicomDataset>> SeriesAsync(string studyUid, CancellationToken cancellationToken) =>
        client.GetAsync($"studies/{Checked(studyUid)}/series?{SeriesFields}", "the QIDO-RS series query", cancellationToken);

    /// <summary>The instances of a series, all of them or the first few.</summary>
    public Task<IReadOnlyList<DicomDataset>> InstancesAsync(string studyUid, string seriesUid, int? limit, CancellationToken cancellationToken) =>
        client.GetAsync(
            $"studies/{Checked(studyUid)}/series/{Checked(seriesUid)}/instances?{(limit is { } l ? string.Create(CultureInfo.InvariantCulture, $"limit={l}&") : "")}{InstanceFields}",
            "the QIDO-RS instance query",
            cancellationToken);

    /// <summary>The WADO-RS metadata of one instance.</summary>
    public async Task<DicomDataset> MetadataAsync(string studyUid, string seriesUid, string instanceUid, CancellationToken cancellationToken)
    {
        var metadata = await client.GetAsync(
            $"studies/{Checked(studyUid)}/series/{Checked(seriesUid)}/instances/{Checked(instanceUid)}/metadata", "the WADO-RS instance metadata request", cancellationToken)
            .ConfigureAwait(false);
        return metadata.Count > 0 ? metadata[0] : throw Unusable("an empty WADO-RS metadata answer");
    }

    /// <summary>The WADO-RS metadata of every instance of a series.</summary>
    public async Task<IReadOnlyList<DicomDataset>> SeriesMetadataAsync(string studyUid, string seriesUid, CancellationToken cancellationToken)
    {
        var metadata = await client.GetAsync(
            $"studies/{Checked(studyUid)}/series/{Checked(seriesUid)}/metadata", "the WADO-RS series metadata request", cancellationToken)
            .ConfigureAwait(false);
        return metadata.Count > 0 ? metadata : throw Unusable("an empty WADO-RS series metadata answer");
    }

    /// <summary>The UID of an attribute of a data set the repository sent, checked to be a DICOM UID.</summary>
    public string Uid(DicomDataset dataset, DicomTag tag)
    {
        var uid = dataset.GetString(tag)?.Trim();
        return uid is not null && KeyRules.Check(GraphModel.Study, uid) is null ? uid : throw Unusable($"a missing or malformed {tag.Keyword}");
    }

    /// <summary>An exception for an answer the harvester cannot use.</summary>
    public DicomWebException Unusable(string what) =>
        new(Repository, $"Repository '{Repository}' sent {what}.", null, isTransient: false);

    private string Checked(string uid) => KeyRules.Check(GraphModel.Study, uid) is null ? uid : throw Unusable("a malformed UID");
}
