using System.Globalization;
using Graph.Testing;

namespace Graph.Bench.Ingest;

/// <summary>Writes a folder of CT and MR files laid out patient/study/series, with a realistic header, identifying values
/// included (so de-identification has work to do) and a small pixel data element.</summary>
internal static class SyntheticFolder
{
    private const string Root = "1.2.826.0.1.3680043.8.498.77";
    private const string CtStorage = "1.2.840.10008.5.1.4.1.1.2";
    private const string MrStorage = "1.2.840.10008.5.1.4.1.1.4";

    /// <summary>Writes the files (studies x series x instances; two studies per patient) and returns how many.</summary>
    public static int Write(string folder, int studies, int seriesPerStudy, int instancesPerSeries)
    {
        var random = new Random(20240131);
        var pixels = new byte[64 * 64 * 2];
        random.NextBytes(pixels);
        var privateBlob = new byte[1024];
        random.NextBytes(privateBlob);
        var count = 0;
        for (var study = 0; study < studies; study++)
        {
            for (var series = 0; series < seriesPerStudy; series++)
            {
                var seriesFolder = Path.Combine(folder, $"PATIENT{study / 2:D5}", $"STUDY{study:D5}", $"SERIES{series:D3}");
                Directory.CreateDirectory(seriesFolder);
                for (var instance = 0; instance < instancesPerSeries; instance++)
                {
                    System.IO.File.WriteAllBytes(Path.Combine(seriesFolder, $"IM{instance:D5}.dcm"), Instance(study, series, instance, pixels, privateBlob));
                    count++;
                }
            }
        }

        return count;
    }

    private static byte[] Instance(int study, int series, int instance, byte[] pixels, byte[] privateBlob)
    {
        var mr = series % 2 == 1;
        var sopClass = mr ? MrStorage : CtStorage;
        var sop = Invariant($"{Root}.3.{study}.{series}.{instance + 1}");
        var patient = study / 2;
        var data = new DicomBuilder()
            .Text(0x0008, 0x0005, "CS", "ISO_IR 100")
            .Text(0x0008, 0x0008, "CS", @"ORIGINAL\PRIMARY\AXIAL")
            .Text(0x0008, 0x0016, "UI", sopClass).Text(0x0008, 0x0018, "UI", sop)
            .Text(0x0008, 0x0020, "DA", Invariant($"{2015 + (study % 9)}0131")).Text(0x0008, 0x0021, "DA", Invariant($"{2015 + (study % 9)}0131"))
            .Text(0x0008, 0x0030, "TM", "101010").Text(0x0008, 0x0050, "SH", Invariant($"ACC{study:D7}"))
            .Text(0x0008, 0x0060, "CS", mr ? "MR" : "CT").Text(0x0008, 0x0070, "LO", mr ? "Philips" : "SIEMENS")
            .Text(0x0008, 0x0080, "LO", "Hospital Universitari Sintètic").Text(0x0008, 0x0090, "PN", "Referrer^Anna")
            .Text(0x0008, 0x1030, "LO", "CT THORAX ABDOMEN PELVIS").Text(0x0008, 0x103E, "LO", Invariant($"Series {series} axial"))
            .Text(0x0008, 0x1070, "PN", "Operator^Oriol").Text(0x0008, 0x1090, "LO", mr ? "Ingenia" : "SOMATOM Definition AS+")
            .Text(0x0010, 0x0010, "PN", Invariant($"Synthetic{patient:D5}^Patient")).Text(0x0010, 0x0020, "LO", Invariant($"SYN{patient:D6}"))
            .Text(0x0010, 0x0030, "DA", "19600101").Text(0x0010, 0x0040, "CS", patient % 2 == 0 ? "F" : "M")
            .Text(0x0010, 0x1010, "AS", "061Y")
            .Text(0x0018, 0x0010, "LO", series % 3 == 0 ? "IOMERON 400" : string.Empty).Text(0x0018, 0x0015, "CS", "CHEST")
            .Text(0x0018, 0x0050, "DS", "1.0").Text(0x0018, 0x0060, "DS", "120").Text(0x0018, 0x0087, "DS", mr ? "3" : "0")
            .Text(0x0018, 0x1000, "LO", "71234").Text(0x0018, 0x1030, "LO", "ThoraxAbdomen_Venous")
            .Text(0x0020, 0x000D, "UI", Invariant($"{Root}.1.{study}")).Text(0x0020, 0x000E, "UI", Invariant($"{Root}.2.{study}.{series}"))
            .Text(0x0020, 0x0010, "SH", Invariant($"{study}")).Text(0x0020, 0x0011, "IS", Invariant($"{series + 1}"))
            .Text(0x0020, 0x0013, "IS", Invariant($"{instance + 1}"))
            .Text(0x0020, 0x0032, "DS", Invariant($@"-175.5\-190.2\{-instance}"))
            .Text(0x0020, 0x0037, "DS", @"1\0\0\0\1\0")
            .UnsignedShort(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2")
            .UnsignedShort(0x0028, 0x0010, 64).UnsignedShort(0x0028, 0x0011, 64)
            .Text(0x0028, 0x0030, "DS", @"0.742\0.742")
            .UnsignedShort(0x0028, 0x0100, 16).UnsignedShort(0x0028, 0x0101, 12).UnsignedShort(0x0028, 0x0102, 11).UnsignedShort(0x0028, 0x0103, 0)
            .Text(0x0029, 0x0010, "LO", "SIEMENS CSA HEADER")
            .Element(0x0029, 0x1010, "OB", privateBlob)
            .Element(0x7FE0, 0x0010, "OW", pixels);
        return DicomBuilder.Part10(sopClass, sop, data.ToArray());
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
