using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Studies;

/// <summary>A study to write with its patient and every one of its series, all in one ChangeSet.</summary>
internal sealed record StudyPlan(StudyAggregate Study, PatientAggregate Patient, IReadOnlyList<SeriesAggregate> Series)
{
    /// <summary>The segmentations and structure sets among the study's instances, ordered by id.</summary>
    public IReadOnlyList<DeidentifiedAnnotation> Annotations { get; init; } = [];

    /// <summary>The accepted files of the study.</summary>
    public int Files => Series.Sum(s => s.Files);

    /// <summary>The path of the first series' first-ranked instance, to name the study in a reject.</summary>
    public string Path => Series.Count > 0 ? Series[0].Path.Value ?? Study.Uid : Study.Uid;
}
