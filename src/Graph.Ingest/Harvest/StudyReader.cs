using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;

namespace Graph.Ingest.Harvest;

/// <summary>Reads one study from a repository: its series (QIDO-RS), the first instance of each and that instance's metadata
/// (WADO-RS), and de-identifies them with the DICOM file ingest's de-identifier.</summary>
/// <remarks>
/// One instance per series is read whatever the series' size: the series-level instance count comes from QIDO-RS
/// (NumberOfSeriesRelatedInstances), and only when a repository leaves it out are the series' instances listed to
/// count them. Attributes QIDO-RS does not give (slice thickness, pixel spacing, model, field strength, kVp,
/// contrast) come from the metadata. A series of segmentations or RT structure sets (modality SEG or RTSTRUCT) is read
/// whole with one WADO-RS series metadata request, since each of its instances is an annotation (QIDO-RS gives no sequences).
/// </remarks>
internal sealed class StudyReader(DicomWebSource source, DicomDeidentifier deidentifier)
{
    /// <summary>Reads and maps a listed study.</summary>
    /// <exception cref="DicomWebException">The repository failed or sent something unusable.</exception>
    /// <exception cref="DeidentificationException">An instance lacks an attribute the catalogue needs, or a pass-through id is unsafe.</exception>
    public async Task<HarvestedStudy> ReadAsync(ListedStudy listed, CancellationToken cancellationToken)
    {
        var listedSeries = await source.SeriesAsync(listed.SourceUid, cancellationToken).ConfigureAwait(false);
        if (listedSeries.Count == 0)
            throw source.Unusable("a study without series");

        var study = new StudyAggregate(listed.GraphUid);
        var patients = new Dictionary<string, PatientAggregate>(StringComparer.Ordinal);
        var series = new Dictionary<string, SeriesAggregate>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var annotations = new SortedDictionary<string, DeidentifiedAnnotation>(StringComparer.Ordinal);
        foreach (var entry in listedSeries)
        {
            var seriesUid = source.Uid(entry, DicomTag.SeriesInstanceUID);
            var instances = entry.GetString(DicomTag.Modality)?.Trim() is "SEG" or "RTSTRUCT"
                ? await AllInstancesAsync(listed.SourceUid, seriesUid, cancellationToken).ConfigureAwait(false)
                : [await FirstInstanceAsync(listed.SourceUid, seriesUid, cancellationToken).ConfigureAwait(false)];
            var instance = instances[0];
            if (instances.Any(i => i.StudyInstanceUid != listed.GraphUid))
                throw source.Unusable("instance metadata of another study than the one listed");
            if (series.ContainsKey(instance.SeriesInstanceUid))
                continue;
            foreach (var annotation in instances.Select(i => i.Annotation).OfType<DeidentifiedAnnotation>())
                annotations.TryAdd(annotation.AnnotationId, annotation with { Series = instance.SeriesInstanceUid });

            var count = entry.GetInt(DicomWebTags.NumberOfSeriesRelatedInstances)
                ?? (await source.InstancesAsync(listed.SourceUid, seriesUid, null, cancellationToken).ConfigureAwait(false)).Count;
            // The graph's UID of the series (remapped when UIDs are remapped) ranks the instance, as a file's path does on ingest.
            var rankPath = instance.SeriesInstanceUid;
            var aggregate = new SeriesAggregate(instance.SeriesInstanceUid);
            aggregate.Add(instance, 0, rankPath);
            series.Add(instance.SeriesInstanceUid, aggregate);
            counts[instance.SeriesInstanceUid] = count;
            study.Add(instance, rankPath);
            if (!patients.TryGetValue(instance.Patient, out var patient))
                patients.Add(instance.Patient, patient = new PatientAggregate(instance.Patient));
            patient.Add(instance, rankPath);
        }

        // A study has one patient: one whose series name several is refused whole (never folded under one of them).
        if (patients.Count > 1)
            throw source.Unusable($"a study whose series name {patients.Count} different patients (a study has one patient)");

        var plan = new StudyPlan(study, patients[study.Patient.Value!], series.Values.OrderBy(s => s.Uid, StringComparer.Ordinal).ToArray())
        {
            Annotations = [.. annotations.Values],
        };
        return new HarvestedStudy(listed, plan, counts);
    }

    private async Task<DeidentifiedInstance[]> AllInstancesAsync(string studyUid, string seriesUid, CancellationToken cancellationToken)
    {
        var metadata = await source.SeriesMetadataAsync(studyUid, seriesUid, cancellationToken).ConfigureAwait(false);
        // The first instance in SOP Instance UID order stands for the series, whatever order the repository answers in.
        return metadata
            .OrderBy(m => m.GetString(DicomTag.SOPInstanceUID), StringComparer.Ordinal)
            .Select(deidentifier.Deidentify)
            .ToArray();
    }

    private async Task<DeidentifiedInstance> FirstInstanceAsync(string studyUid, string seriesUid, CancellationToken cancellationToken)
    {
        var instances = await source.InstancesAsync(studyUid, seriesUid, 1, cancellationToken).ConfigureAwait(false);
        if (instances.Count == 0)
            throw source.Unusable("a series without instances");
        var instanceUid = source.Uid(instances[0], DicomTag.SOPInstanceUID);
        var metadata = await source.MetadataAsync(studyUid, seriesUid, instanceUid, cancellationToken).ConfigureAwait(false);
        return deidentifier.Deidentify(metadata);
    }
}
