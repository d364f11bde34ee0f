namespace Graph.Ingest.Dicom;

/// <summary>Why a file did not enter the graph.</summary>
public enum RejectKind
{
    /// <summary>The file is not DICOM.</summary>
    NotDicom,

    /// <summary>The file could not be opened, is not a regular file (a pipe, a device), or is a folder that cannot be listed.</summary>
    Unreadable,

    /// <summary>The file is DICOM but corrupt or truncated.</summary>
    Corrupt,

    /// <summary>A UID that places the file is missing or empty: StudyInstanceUID, SeriesInstanceUID or SOPInstanceUID.</summary>
    MissingAttribute,

    /// <summary>The patient id of a pass-through repository does not look like a pseudonym.</summary>
    UnsafePatientId,

    /// <summary>A value was rejected by the writer's validation (the reason names the field and the rule, never the value).</summary>
    InvalidValue,

    /// <summary>The file's study or series belongs to another patient or study in the catalogue, or the file disagrees with the
    /// other files of its series or study on which study or patient they belong to.</summary>
    Conflict,

    /// <summary>Reading failed in a way the reader does not report (a bug worth reporting).</summary>
    Unexpected,
}
