namespace Graph.Ingest.Demo;

/// <summary>The Series fields the demo catalogue sets.</summary>
internal enum SeriesField
{
    Modality,
    BodyPart,
    Manufacturer,
    Model,
    Description,
    SeriesNumber,
    SliceThickness,
    PixelSpacing,
    ImageCount,
    SizeBytes,
    Contrast,
    MagneticFieldStrength,
    Kvp,
    Year,
}
