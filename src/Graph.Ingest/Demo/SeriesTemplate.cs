namespace Graph.Ingest.Demo;

/// <summary>One series of an acquisition protocol: what it shows and the ranges its header values take.</summary>
/// <param name="Modality">The DICOM modality.</param>
/// <param name="Device">The equipment that acquires it (a PET/CT's CT is acquired by the PET/CT).</param>
/// <param name="BodyPart">The DICOM Body Part Examined.</param>
/// <param name="Descriptions">Series descriptions as different vendors and sites write them.</param>
/// <param name="Probability">How often the protocol includes the series; 1 when always.</param>
/// <param name="Contrast">Whether a contrast agent was given, when the header says.</param>
/// <param name="SliceThickness">The slice thicknesses in mm it is reconstructed with; empty when it has none.</param>
/// <param name="ImagesMin">Fewest images.</param>
/// <param name="ImagesMax">Most images.</param>
/// <param name="Matrix">Rows and columns of each image (the detector's for mammography).</param>
/// <param name="FieldOfViewMin">Smallest field of view in mm; the pixel spacing is the field of view over the matrix.</param>
/// <param name="FieldOfViewMax">Largest field of view in mm.</param>
/// <param name="CoverageMin">Shortest scan length in mm, when images follow from coverage and slice thickness; else 0.</param>
/// <param name="CoverageMax">Longest scan length in mm.</param>
/// <param name="BytesPerPixel">Bytes a pixel takes (3 for colour ultrasound).</param>
internal sealed record SeriesTemplate(
    string Modality,
    Device Device,
    string BodyPart,
    string[] Descriptions,
    double Probability,
    bool? Contrast,
    double[] SliceThickness,
    int ImagesMin,
    int ImagesMax,
    int Matrix,
    int FieldOfViewMin,
    int FieldOfViewMax,
    int CoverageMin = 0,
    int CoverageMax = 0,
    int BytesPerPixel = 2)
{
    /// <summary>The slice thicknesses, boxed once for all the series that use them.</summary>
    public object[] BoxedSliceThickness { get; } = Array.ConvertAll(SliceThickness, t => (object)t);
}
