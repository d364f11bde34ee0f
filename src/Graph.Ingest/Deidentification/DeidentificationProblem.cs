namespace Graph.Ingest.Deidentification;

/// <summary>Why de-identification refused to go on.</summary>
public enum DeidentificationProblem
{
    /// <summary>The deployment secret is missing or unusable; nothing can be pseudonymised.</summary>
    Configuration,

    /// <summary>An attribute the catalogue needs (a UID, the modality, the patient id) is missing or empty.</summary>
    MissingAttribute,

    /// <summary>A patient id to pass through does not look like a pseudonym.</summary>
    UnsafePatientId,
}
