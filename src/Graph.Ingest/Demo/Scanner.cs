namespace Graph.Ingest.Demo;

/// <summary>A model of imaging equipment as it appears in DICOM headers.</summary>
/// <param name="Device">The kind of equipment.</param>
/// <param name="Manufacturer">The manufacturer.</param>
/// <param name="Model">The manufacturer's model name.</param>
/// <param name="FieldStrength">MR field strength in tesla; 0 for other equipment.</param>
/// <param name="DetectorSpacing">Detector pixel spacing in mm for mammography; 0 for other equipment.</param>
/// <param name="DetectorRows">Detector rows for mammography.</param>
/// <param name="DetectorColumns">Detector columns for mammography.</param>
internal sealed record Scanner(
    Device Device,
    string Manufacturer,
    string Model,
    double FieldStrength = 0,
    double DetectorSpacing = 0,
    int DetectorRows = 0,
    int DetectorColumns = 0)
{
    /// <summary>The MR field strength boxed once, or null for other equipment.</summary>
    public object? BoxedFieldStrength { get; } = FieldStrength > 0 ? FieldStrength : null;

    /// <summary>The mammography detector spacing boxed once, or null for other equipment.</summary>
    public object? BoxedDetectorSpacing { get; } = DetectorSpacing > 0 ? DetectorSpacing : null;
}
