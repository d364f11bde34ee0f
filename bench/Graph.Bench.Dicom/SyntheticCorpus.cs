using System.Globalization;
using Graph.Testing;

namespace Graph.Bench.Dicom;

/// <summary>Writes explicit VR little endian CT files with a realistic header and a small pixel data element.</summary>
internal static class SyntheticCorpus
{
    private const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    private const string Root = "1.2.826.0.1.3680043.8.498";

    /// <summary>Writes count files into a folder (5 studies of 4 series per 100 files) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var paths = new string[count];
        var random = new Random(20240131);
        var privateBlob = new byte[2048];
        random.NextBytes(privateBlob);
        var pixels = new byte[64 * 64 * 2];
        random.NextBytes(pixels);
        for (var i = 0; i < count; i++)
        {
            paths[i] = Path.Combine(folder, $"IM{i:D6}.dcm");
            System.IO.File.WriteAllBytes(paths[i], Build(i, privateBlob, pixels));
        }

        return paths;
    }

    private static byte[] Build(int index, byte[] privateBlob, byte[] pixels)
    {
        var study = index / 100;
        var series = index / 25;
        var sop = $"{Root}.3.{index + 1}";
        var invariant = CultureInfo.InvariantCulture;

        var meta = new DicomBuilder()
            .Element(0x0002, 0x0001, "OB", [0, 1])
            .Text(0x0002, 0x0002, "UI", CtImageStorage)
            .Text(0x0002, 0x0003, "UI", sop)
            .Text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1")
            .Text(0x0002, 0x0012, "UI", $"{Root}.0.1")
            .Text(0x0002, 0x0013, "SH", "GRAPH_BENCH_1");
        var referenced = new DicomBuilder()
            .Text(0x0008, 0x1150, "UI", CtImageStorage)
            .Text(0x0008, 0x1155, "UI", $"{Root}.3.{Math.Max(1, index)}");
        var data = new DicomBuilder()
            .Text(0x0008, 0x0005, "CS", "ISO_IR 100")
            .Text(0x0008, 0x0008, "CS", @"ORIGINAL\PRIMARY\AXIAL")
            .Text(0x0008, 0x0012, "DA", "20240131").Text(0x0008, 0x0013, "TM", "101500.000000")
            .Text(0x0008, 0x0016, "UI", CtImageStorage).Text(0x0008, 0x0018, "UI", sop)
            .Text(0x0008, 0x0020, "DA", "20240131").Text(0x0008, 0x0021, "DA", "20240131")
            .Text(0x0008, 0x0022, "DA", "20240131").Text(0x0008, 0x0023, "DA", "20240131")
            .Text(0x0008, 0x0030, "TM", "101010").Text(0x0008, 0x0031, "TM", "101200")
            .Text(0x0008, 0x0032, "TM", "101230.125").Text(0x0008, 0x0033, "TM", "101231")
            .Text(0x0008, 0x0050, "SH", $"ACC{study:D7}").Text(0x0008, 0x0060, "CS", "CT")
            .Text(0x0008, 0x0070, "LO", "SIEMENS").Text(0x0008, 0x0080, "LO", "Hospital Universitari")
            .Text(0x0008, 0x0090, "PN", "Referrer^Anna").Text(0x0008, 0x1010, "SH", "CTAWP12345")
            .Text(0x0008, 0x1030, "LO", "CT THORAX ABDOMEN PELVIS").Text(0x0008, 0x103E, "LO", $"Venous {series % 4} 1.0 Br40")
            .Text(0x0008, 0x1090, "LO", "SOMATOM Definition AS+")
            .Sequence(0x0008, 0x1140, referenced, referenced)
            .Text(0x0010, 0x0010, "PN", $"Patient{study:D5}^Test").Text(0x0010, 0x0020, "LO", $"PAT{study:D6}")
            .Text(0x0010, 0x0030, "DA", "19600101").Text(0x0010, 0x0040, "CS", study % 2 == 0 ? "F" : "M")
            .Text(0x0010, 0x1010, "AS", "064Y").Text(0x0010, 0x1030, "DS", "72.5")
            .Text(0x0018, 0x0010, "LO", "IOMERON 400").Text(0x0018, 0x0015, "CS", "CHEST")
            .Text(0x0018, 0x0050, "DS", "1.0").Text(0x0018, 0x0060, "DS", "120")
            .Text(0x0018, 0x1000, "LO", "71234").Text(0x0018, 0x1020, "LO", "syngo CT VA48A")
            .Text(0x0018, 0x1030, "LO", "ThoraxAbdomen_Venous").Text(0x0018, 0x1100, "DS", "380")
            .Text(0x0018, 0x1120, "DS", "0").Text(0x0018, 0x1150, "IS", "500").Text(0x0018, 0x1151, "IS", "210")
            .Text(0x0018, 0x1152, "IS", "105").Text(0x0018, 0x1210, "SH", "Br40d").Text(0x0018, 0x5100, "CS", "FFS")
            .Text(0x0019, 0x0010, "LO", "SIEMENS CT VA0  COAD");
        for (ushort e = 0x1090; e < 0x10A0; e++)
        {
            data.Text(0x0019, e, "DS", (e * 1.5).ToString(invariant));
        }

        data.Text(0x0020, 0x000D, "UI", $"{Root}.1.{study + 1}").Text(0x0020, 0x000E, "UI", $"{Root}.2.{series + 1}")
            .Text(0x0020, 0x0010, "SH", $"{study + 1}").Text(0x0020, 0x0011, "IS", $"{series % 4 + 1}")
            .Text(0x0020, 0x0012, "IS", "1").Text(0x0020, 0x0013, "IS", $"{index % 25 + 1}")
            .Text(0x0020, 0x0032, "DS", $@"-175.5\-190.2\{-(index % 25) * 1.0:0.0}")
            .Text(0x0020, 0x0037, "DS", @"1\0\0\0\1\0")
            .Text(0x0020, 0x0052, "UI", $"{Root}.4.{study + 1}").Text(0x0020, 0x1040, "LO", string.Empty)
            .Text(0x0020, 0x1041, "DS", $"{-(index % 25) * 1.0:0.0}")
            .UnsignedShort(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2")
            .UnsignedShort(0x0028, 0x0010, 64).UnsignedShort(0x0028, 0x0011, 64)
            .Text(0x0028, 0x0030, "DS", @"0.742\0.742")
            .UnsignedShort(0x0028, 0x0100, 16).UnsignedShort(0x0028, 0x0101, 12).UnsignedShort(0x0028, 0x0102, 11).UnsignedShort(0x0028, 0x0103, 0)
            .Text(0x0028, 0x1050, "DS", "40").Text(0x0028, 0x1051, "DS", "400")
            .Text(0x0028, 0x1052, "DS", "-1024").Text(0x0028, 0x1053, "DS", "1")
            .Text(0x0029, 0x0010, "LO", "SIEMENS CSA HEADER")
            .Element(0x0029, 0x1010, "OB", privateBlob)
            .Element(0x7FE0, 0x0010, "OW", pixels);

        return DicomBuilder.Part10(meta.ToArray(), data.ToArray());
    }
}
