namespace Graph.Ingest.Demo;

/// <summary>Draws the header values of one series from its protocol entry and the equipment that acquired it.</summary>
internal static class DemoSeries
{
    private static readonly Choice<int> MammographyImages = new((1, 85), (2, 10), (3, 3), (4, 2));
    private static readonly Choice<int> AdultCtKvp = new((100, 25), (120, 60), (140, 15));
    private static readonly Choice<int> ChildCtKvp = new((70, 20), (80, 45), (100, 35));

    /// <summary>Creates the properties of a series; some are left out now and then, as in real headers.</summary>
    /// <param name="template">The protocol entry.</param>
    /// <param name="scanner">The equipment.</param>
    /// <param name="number">The series number within the study, from 1.</param>
    /// <param name="year">The year of the study.</param>
    /// <param name="child">Whether the patient is a child (lower CT tube voltage).</param>
    /// <param name="random">The patient's random source.</param>
    public static PropertyBag<SeriesField> Create(SeriesTemplate template, Scanner scanner, int number, int year, bool child, Random random)
    {
        var p = new PropertyBag<SeriesField>();
        p[SeriesField.Modality] = template.Modality;
        if (random.Chance(0.96))
            p[SeriesField.BodyPart] = template.BodyPart;
        if (random.Chance(0.99))
            p[SeriesField.Manufacturer] = scanner.Manufacturer;
        if (random.Chance(0.98))
            p[SeriesField.Model] = scanner.Model;
        if (random.Chance(0.99))
            p[SeriesField.Description] = random.Pick(template.Descriptions);
        p[SeriesField.SeriesNumber] = Boxes.Long(scanner.Manufacturer == "Philips" ? (number * 100L) + 1 : number);

        var thickness = 0.0;
        if (template.SliceThickness.Length > 0)
        {
            var pick = random.Next(template.SliceThickness.Length);
            thickness = template.SliceThickness[pick];
            if (random.Chance(0.97))
                p[SeriesField.SliceThickness] = template.BoxedSliceThickness[pick];
        }

        var mammography = template.Device == Device.Mammography;
        if (random.Chance(0.98))
        {
            p[SeriesField.PixelSpacing] = mammography
                ? scanner.BoxedDetectorSpacing
                : Math.Round((double)random.Between(template.FieldOfViewMin, template.FieldOfViewMax) / template.Matrix, 6);
        }

        int images;
        if (mammography)
            images = MammographyImages.Draw(random);
        else if (template.CoverageMax > 0 && thickness > 0)
            images = Math.Clamp((int)Math.Round(random.Between(template.CoverageMin, template.CoverageMax) / thickness), template.ImagesMin, template.ImagesMax);
        else
            images = random.Between(template.ImagesMin, template.ImagesMax);
        p[SeriesField.ImageCount] = Boxes.Long(images);

        var pixels = mammography ? (long)scanner.DetectorRows * scanner.DetectorColumns : (long)template.Matrix * template.Matrix;
        p[SeriesField.SizeBytes] = images * ((pixels * template.BytesPerPixel) + random.Between(1_500, 6_000));

        if (template.Contrast is { } contrast && random.Chance(0.9))
            p[SeriesField.Contrast] = Boxes.Bool(contrast);
        if (scanner.BoxedFieldStrength is { } strength && random.Chance(0.97))
            p[SeriesField.MagneticFieldStrength] = strength;
        if (KvpOf(template, child, random) is { } kvp && random.Chance(0.95))
            p[SeriesField.Kvp] = Boxes.Whole(kvp);
        p[SeriesField.Year] = Boxes.Long(year);
        return p;
    }

    private static int? KvpOf(SeriesTemplate template, bool child, Random random) => template switch
    {
        { Device: Device.Mammography } => random.Between(26, 34),
        { Modality: "CT", Device: Device.Ct } => (child ? ChildCtKvp : AdultCtKvp).Draw(random),
        { Modality: "CT" } => child ? 100 : 120,
        _ => null,
    };
}
