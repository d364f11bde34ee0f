using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Dicom;

/// <summary>What a folder ingest read and wrote.</summary>
public sealed record DicomIngestSummary
{
    /// <summary>Files found in the folder.</summary>
    public int Files { get; init; }

    /// <summary>Files accepted as instances of the catalogue.</summary>
    public int Accepted { get; init; }

    /// <summary>Files rejected, counting every file of a study the writer refused.</summary>
    public int Rejected { get; init; }

    /// <summary>DICOMDIR files, which are skipped.</summary>
    public int Skipped { get; init; }

    /// <summary>Distinct SOP instances among the accepted files.</summary>
    public int Instances { get; init; }

    /// <summary>Patients written.</summary>
    public int Patients { get; init; }

    /// <summary>Studies written.</summary>
    public int Studies { get; init; }

    /// <summary>Series written.</summary>
    public int Series { get; init; }

    /// <summary>Annotations written (segmentations and RT structure sets, one per instance).</summary>
    public int Annotations { get; init; }

    /// <summary>ChangeSets written, the repository and dataset's included.</summary>
    public int Batches { get; init; }

    /// <summary>ChangeSets that changed the graph; 0 when the folder was ingested before.</summary>
    public int BatchesChanged { get; init; }

    /// <summary>Nodes created or updated.</summary>
    public long NodesChanged { get; init; }

    /// <summary>Relationships created or updated.</summary>
    public long EdgesChanged { get; init; }

    /// <summary>The store's change sequence at the end.</summary>
    public long Sequence { get; init; }

    /// <summary>Descriptions dropped because they were not clean.</summary>
    public int DescriptionsRemoved { get; init; }

    /// <summary>Files that named another study than the other files of their series, or another patient than the other files of
    /// their study (the first instance by Instance Number decides); rejected, and among <see cref="Rejects"/>.</summary>
    public int Conflicts { get; init; }

    /// <summary>Accepted files by what they lacked (PatientID, Modality, a value out of range, an annotation's source series); accepted all the same.</summary>
    public IReadOnlyDictionary<InstanceWarnings, int> Warnings { get; init; } = new Dictionary<InstanceWarnings, int>();

    /// <summary>Studies written with at least one warning.</summary>
    public int StudiesWithWarnings { get; init; }

    /// <summary>Patients written whose identity is unknown (their study's PatientID was empty).</summary>
    public int UnknownPatients { get; init; }

    /// <summary>Time spent reading the folder.</summary>
    public TimeSpan ReadTime { get; init; }

    /// <summary>Time taken in all.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Every rejected file (one line per study for studies the writer refused), ordered by path.</summary>
    public IReadOnlyList<IngestReject> Rejects { get; init; } = [];

    /// <summary>Whether the ingest changed the graph.</summary>
    public bool Changed => BatchesChanged > 0;
}
