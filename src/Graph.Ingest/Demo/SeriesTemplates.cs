namespace Graph.Ingest.Demo;

/// <summary>Shorthands that fill in the values a modality always has, so protocols read like their series lists.</summary>
internal static class SeriesTemplates
{
    private static readonly double[] None = [];
    private static readonly double[] PetSlices = [2, 3, 4];

    /// <summary>A CT series whose image count follows from the scan length and slice thickness.</summary>
    public static SeriesTemplate Ct(string bodyPart, bool? contrast, double[] thickness, (int Min, int Max) coverage, (int Min, int Max) fieldOfView, double probability, params string[] descriptions) =>
        new("CT", Device.Ct, bodyPart, descriptions, probability, contrast, thickness, 100, 600, 512, fieldOfView.Min, fieldOfView.Max, coverage.Min, coverage.Max);

    /// <summary>An MR series.</summary>
    public static SeriesTemplate Mr(string bodyPart, bool? contrast, double[] thickness, (int Min, int Max) images, int matrix, (int Min, int Max) fieldOfView, double probability, params string[] descriptions) =>
        new("MR", Device.Mr, bodyPart, descriptions, probability, contrast, thickness, images.Min, images.Max, matrix, fieldOfView.Min, fieldOfView.Max);

    /// <summary>A PET series of a PET/CT.</summary>
    public static SeriesTemplate Pet(string bodyPart, (int Min, int Max) coverage, double probability, params string[] descriptions) =>
        new("PT", Device.PetCt, bodyPart, descriptions, probability, null, PetSlices, 100, 600, 200, 600, 700, coverage.Min, coverage.Max);

    /// <summary>The CT of a PET/CT, for attenuation correction and localisation.</summary>
    public static SeriesTemplate PetCtCt(string bodyPart, double[] thickness, (int Min, int Max) coverage, double probability, params string[] descriptions) =>
        new("CT", Device.PetCt, bodyPart, descriptions, probability, false, thickness, 100, 600, 512, 500, 700, coverage.Min, coverage.Max);

    /// <summary>A mammography view; pixel spacing and matrix come from the detector.</summary>
    public static SeriesTemplate Mg(string view, double probability) =>
        new("MG", Device.Mammography, "BREAST", [view], probability, false, None, 1, 4, 0, 0, 0);

    /// <summary>An ultrasound series of colour frames.</summary>
    public static SeriesTemplate Us(string bodyPart, (int Min, int Max) images, double probability, params string[] descriptions) =>
        new("US", Device.Ultrasound, bodyPart, descriptions, probability, false, None, images.Min, images.Max, 800, 40, 120, BytesPerPixel: 3);

    /// <summary>A scintigraphy series: planar when it has no slice thickness, SPECT otherwise.</summary>
    public static SeriesTemplate Nm(string bodyPart, double[] thickness, (int Min, int Max) images, int matrix, (int Min, int Max) fieldOfView, double probability, params string[] descriptions) =>
        new("NM", Device.Gamma, bodyPart, descriptions, probability, false, thickness, images.Min, images.Max, matrix, fieldOfView.Min, fieldOfView.Max);

    /// <summary>The low-dose CT of a SPECT/CT.</summary>
    public static SeriesTemplate SpectCt(string bodyPart, (int Min, int Max) coverage, double probability, params string[] descriptions) =>
        new("CT", Device.Gamma, bodyPart, descriptions, probability, false, [2.5, 5], 100, 600, 512, 400, 500, coverage.Min, coverage.Max);
}
