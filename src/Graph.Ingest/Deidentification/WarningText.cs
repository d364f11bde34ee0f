namespace Graph.Ingest.Deidentification;

/// <summary>Says what warnings mean, for summaries and logs.</summary>
public static class WarningText
{
    /// <summary>Every warning, in the order summaries list them.</summary>
    public static IReadOnlyList<InstanceWarnings> Kinds { get; } = [InstanceWarnings.PatientIdMissing, InstanceWarnings.ModalityMissing, InstanceWarnings.ValueDropped, InstanceWarnings.AnnotationSourceUnknown];

    /// <summary>One phrase per warning set, joined by "; ".</summary>
    public static string Of(InstanceWarnings warnings) =>
        string.Join("; ", Kinds.Where(k => warnings.HasFlag(k)).Select(Phrase));

    /// <summary>The phrase of one warning.</summary>
    public static string Phrase(InstanceWarnings warning) => warning switch
    {
        InstanceWarnings.PatientIdMissing => "PatientID empty or absent (patient of unknown identity, one per study)",
        InstanceWarnings.ModalityMissing => "Modality empty, absent or not a defined term (recorded as OT)",
        InstanceWarnings.ValueDropped => "a value out of the catalogue's range left out",
        InstanceWarnings.AnnotationSourceUnknown => "a segmentation or structure set whose source series is not in the catalogue (linked to its own series)",
        _ => warning.ToString(),
    };
}
