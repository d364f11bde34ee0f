namespace Graph.Ingest.Deidentification;

/// <summary>What ingest does with an attribute on its way to the catalogue.</summary>
internal enum AttributeTreatment
{
    /// <summary>Never read; its value cannot reach the graph.</summary>
    Dropped,

    /// <summary>Read only to recognise identifying text in descriptions (and pass-through ids); never stored.</summary>
    ReadToClean,

    /// <summary>Replaced by a keyed pseudonym (or, for a pass-through repository, checked and kept).</summary>
    Pseudonymised,

    /// <summary>Only its year is kept.</summary>
    KeepYear,

    /// <summary>Turned into an age in whole years, then dropped.</summary>
    AgeInYears,

    /// <summary>Kept as it is (Retain Patient Characteristics Option, or not an identifying attribute).</summary>
    Kept,

    /// <summary>Kept (Retain UIDs Option) or replaced by a keyed 2.25 UID when UIDs are remapped.</summary>
    UidKeptOrRemapped,

    /// <summary>Kept only when clean (Clean Descriptors Option), else dropped.</summary>
    KeptIfClean,

    /// <summary>Only counted (distinct instances) or tested for presence (contrast given); the value is not stored.</summary>
    CountedOrTested,
}
