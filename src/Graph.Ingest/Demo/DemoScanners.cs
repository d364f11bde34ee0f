namespace Graph.Ingest.Demo;

/// <summary>Equipment models of the demo catalogue, and the fleet each site runs.</summary>
internal static class DemoScanners
{
    private const string Siemens = "Siemens Healthineers";
    private const string Ge = "GE HealthCare";
    private const string Philips = "Philips";
    private const string Canon = "Canon Medical";
    private const string Fujifilm = "Fujifilm";
    private const string Hologic = "Hologic";

    private static readonly Scanner[] Models =
    [
        new(Device.Ct, Siemens, "SOMATOM Force"),
        new(Device.Ct, Siemens, "SOMATOM Definition AS+"),
        new(Device.Ct, Siemens, "SOMATOM go.Top"),
        new(Device.Ct, Ge, "Revolution CT"),
        new(Device.Ct, Ge, "Discovery CT750 HD"),
        new(Device.Ct, Ge, "LightSpeed VCT"),
        new(Device.Ct, Philips, "IQon Spectral CT"),
        new(Device.Ct, Philips, "Ingenuity CT"),
        new(Device.Ct, Philips, "Brilliance 64"),
        new(Device.Ct, Canon, "Aquilion ONE"),
        new(Device.Ct, Canon, "Aquilion Prime SP"),
        new(Device.Ct, Fujifilm, "FCT Embrace"),

        new(Device.Mr, Siemens, "MAGNETOM Skyra", FieldStrength: 3),
        new(Device.Mr, Siemens, "MAGNETOM Vida", FieldStrength: 3),
        new(Device.Mr, Siemens, "MAGNETOM Prisma", FieldStrength: 3),
        new(Device.Mr, Siemens, "MAGNETOM Aera", FieldStrength: 1.5),
        new(Device.Mr, Siemens, "MAGNETOM Avanto", FieldStrength: 1.5),
        new(Device.Mr, Siemens, "MAGNETOM Sola", FieldStrength: 1.5),
        new(Device.Mr, Ge, "SIGNA Premier", FieldStrength: 3),
        new(Device.Mr, Ge, "Discovery MR750", FieldStrength: 3),
        new(Device.Mr, Ge, "SIGNA Artist", FieldStrength: 1.5),
        new(Device.Mr, Ge, "Optima MR450w", FieldStrength: 1.5),
        new(Device.Mr, Philips, "Ingenia", FieldStrength: 3),
        new(Device.Mr, Philips, "Ingenia Elition X", FieldStrength: 3),
        new(Device.Mr, Philips, "Achieva", FieldStrength: 1.5),
        new(Device.Mr, Canon, "Vantage Orian", FieldStrength: 1.5),
        new(Device.Mr, Canon, "Vantage Galan 3T", FieldStrength: 3),

        new(Device.PetCt, Siemens, "Biograph Vision 600"),
        new(Device.PetCt, Siemens, "Biograph mCT Flow"),
        new(Device.PetCt, Ge, "Discovery MI"),
        new(Device.PetCt, Ge, "Discovery 710"),
        new(Device.PetCt, Philips, "Vereos"),
        new(Device.PetCt, Canon, "Cartesion Prime"),

        new(Device.Mammography, Hologic, "Selenia Dimensions", DetectorSpacing: 0.07, DetectorRows: 4096, DetectorColumns: 3328),
        new(Device.Mammography, Hologic, "3Dimensions", DetectorSpacing: 0.07, DetectorRows: 4096, DetectorColumns: 3328),
        new(Device.Mammography, Siemens, "MAMMOMAT Revelation", DetectorSpacing: 0.085, DetectorRows: 3518, DetectorColumns: 2800),
        new(Device.Mammography, Siemens, "MAMMOMAT Inspiration", DetectorSpacing: 0.085, DetectorRows: 3518, DetectorColumns: 2800),
        new(Device.Mammography, Ge, "Senographe Pristina", DetectorSpacing: 0.1, DetectorRows: 2850, DetectorColumns: 2394),
        new(Device.Mammography, Ge, "Senographe Essential", DetectorSpacing: 0.1, DetectorRows: 3062, DetectorColumns: 2394),
        new(Device.Mammography, Fujifilm, "AMULET Innovality", DetectorSpacing: 0.05, DetectorRows: 5928, DetectorColumns: 4728),

        new(Device.Ultrasound, Ge, "LOGIQ E10"),
        new(Device.Ultrasound, Siemens, "ACUSON Sequoia"),
        new(Device.Ultrasound, Philips, "EPIQ Elite"),
        new(Device.Ultrasound, Canon, "Aplio i800"),
        new(Device.Ultrasound, Fujifilm, "ARIETTA 850"),

        new(Device.Gamma, Siemens, "Symbia Intevo"),
        new(Device.Gamma, Ge, "Discovery NM/CT 670"),
        new(Device.Gamma, Ge, "NM/CT 870 DR"),
        new(Device.Gamma, Philips, "BrightView XCT"),
    ];

    /// <summary>Chooses the equipment of a site: one to three models of each kind, fixed by the seed and the site.</summary>
    /// <returns>The models of each device, indexed by <see cref="Device"/>.</returns>
    public static Scanner[][] FleetOf(int seed, int site)
    {
        var random = DemoRandom.For(seed, 2, site);
        var devices = Enum.GetValues<Device>();
        var fleet = new Scanner[devices.Length][];
        foreach (var device in devices)
        {
            var candidates = new List<Scanner>();
            foreach (var model in Models)
            {
                if (model.Device == device)
                    candidates.Add(model);
            }

            var count = Math.Min(candidates.Count, device is Device.Ct or Device.Mr ? random.Between(2, 3) : random.Between(1, 2));
            var chosen = new Scanner[count];
            for (var i = 0; i < count; i++)
            {
                var pick = random.Next(candidates.Count);
                chosen[i] = candidates[pick];
                candidates.RemoveAt(pick);
            }

            fleet[(int)device] = chosen;
        }

        return fleet;
    }
}
