namespace Graph.Ingest.Deidentification;

/// <summary>What an accepted instance lacked: recorded and counted, never a reason to refuse it.</summary>
[Flags]
public enum InstanceWarnings
{
    /// <summary>Nothing was missing.</summary>
    None = 0,

    /// <summary>PatientID (0010,0020) was absent or empty: the instance's study got a patient of its own, of unknown identity.</summary>
    PatientIdMissing = 1,

    /// <summary>Modality (0008,0060) was absent, empty or not a defined term (free text, a name): the series was recorded as OT (other).</summary>
    ModalityMissing = 2,

    /// <summary>A value was out of the catalogue's range and was left out (the instance was kept).</summary>
    ValueDropped = 4,

    /// <summary>A segmentation or RT structure set names no series the catalogue holds: it annotates its own series until
    /// the series it was drawn on is ingested or harvested and the object is read again.</summary>
    AnnotationSourceUnknown = 8,
}
