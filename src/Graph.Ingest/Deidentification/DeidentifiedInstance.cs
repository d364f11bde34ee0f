namespace Graph.Ingest.Deidentification;

/// <summary>What the catalogue keeps of one DICOM instance: pseudonym, UIDs, years, age, sex and acquisition facts.</summary>
/// <remarks>Nothing else of the instance is kept; <see cref="AnnexEProfile"/> lists what each field comes from.</remarks>
internal sealed record DeidentifiedInstance
{
    /// <summary>The patient's pseudonym (or checked pass-through id).</summary>
    public required string Patient { get; init; }

    /// <summary>Whether the patient was identified by a PatientID; false for a per-study patient made up for an empty one.</summary>
    public bool IdentityKnown { get; init; } = true;

    /// <summary>What was missing or empty but did not stop the instance from being placed.</summary>
    public InstanceWarnings Warnings { get; init; }

    /// <summary>F, M or O; null when absent or anything else.</summary>
    public string? PatientSex { get; init; }

    /// <summary>The Study Instance UID, remapped when UIDs are remapped.</summary>
    public required string StudyInstanceUid { get; init; }

    /// <summary>The year of the study.</summary>
    public int? StudyYear { get; init; }

    /// <summary>The patient's age in whole years at the study.</summary>
    public int? PatientAge { get; init; }

    /// <summary>The study description when clean.</summary>
    public string? StudyDescription { get; init; }

    /// <summary>The Series Instance UID, remapped when UIDs are remapped.</summary>
    public required string SeriesInstanceUid { get; init; }

    /// <summary>A 128-bit digest of the SOP Instance UID, to count distinct instances without keeping the UID.</summary>
    public required UInt128 InstanceKey { get; init; }

    /// <summary>The Instance Number, which orders the instances of a series.</summary>
    public int? InstanceNumber { get; init; }

    /// <summary>The modality.</summary>
    public required string Modality { get; init; }

    /// <summary>Body Part Examined.</summary>
    public string? BodyPart { get; init; }

    /// <summary>The equipment manufacturer.</summary>
    public string? Manufacturer { get; init; }

    /// <summary>The manufacturer's model name.</summary>
    public string? Model { get; init; }

    /// <summary>The series description when clean.</summary>
    public string? SeriesDescription { get; init; }

    /// <summary>The Series Number.</summary>
    public int? SeriesNumber { get; init; }

    /// <summary>Slice thickness in mm.</summary>
    public double? SliceThickness { get; init; }

    /// <summary>Row pixel spacing in mm.</summary>
    public double? PixelSpacing { get; init; }

    /// <summary>Whether a contrast agent is named; null when the attribute is absent.</summary>
    public bool? Contrast { get; init; }

    /// <summary>MR field strength in tesla.</summary>
    public double? MagneticFieldStrength { get; init; }

    /// <summary>X-ray tube peak voltage in kV.</summary>
    public double? Kvp { get; init; }

    /// <summary>The year of the series' acquisition.</summary>
    public int? SeriesYear { get; init; }

    /// <summary>How many non-empty descriptions were dropped as not clean.</summary>
    public int DescriptionsRemoved { get; init; }

    /// <summary>The annotation the instance is, when it is a segmentation or an RT structure set.</summary>
    public DeidentifiedAnnotation? Annotation { get; init; }
}
