namespace Graph.Testing;

/// <summary>What a tiny instance holds; the identifying values are easy to search for in a store.</summary>
public sealed record TinyInstance
{
    public required string PatientId { get; init; }

    public required string PatientName { get; init; }

    public string PatientSex { get; init; } = "F";

    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string SopInstanceUid { get; init; } = TinyDicom.NewUid();

    public string Modality { get; init; } = "CT";

    public string StudyDate { get; init; } = "20210304";

    public string StudyDescription { get; init; } = "CT THORAX";

    public string SeriesDescription { get; init; } = "AXIAL 1MM";

    public string SliceThickness { get; init; } = "1.25";

    public int SeriesNumber { get; init; } = 1;

    public int InstanceNumber { get; init; } = 1;
}
