using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Harvest.Tests.Support;

/// <summary>Writes tiny but valid DICOM Part 10 files (explicit VR little endian, CT or MR header, no pixel data) with new UIDs,
/// fast enough to fill an Orthanc with thousands of series.</summary>
internal static class TinyDicom
{
    private const string ExplicitVrLittleEndian = "1.2.840.10008.1.2.1";

    /// <summary>A new UID under the 2.25 root.</summary>
    public static string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return "2.25." + new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bytes of one instance.</summary>
    public static byte[] Instance(TinyInstance i)
    {
        var sopClass = i.Modality == "MR" ? "1.2.840.10008.5.1.4.1.1.4" : "1.2.840.10008.5.1.4.1.1.2";
        var elements = new SortedDictionary<uint, (string VR, string Value)>
        {
            [0x00080005] = ("CS", "ISO_IR 192"),
            [0x00080016] = ("UI", sopClass),
            [0x00080018] = ("UI", i.SopInstanceUid),
            [0x00080020] = ("DA", i.StudyDate),
            [0x00080060] = ("CS", i.Modality),
            [0x00080070] = ("LO", "SYNTHETIC MEDICAL"),
            [0x00081030] = ("LO", i.StudyDescription),
            [0x0008103E] = ("LO", i.SeriesDescription),
            [0x00081090] = ("LO", i.Modality == "MR" ? "Synthetic MR 3T" : "Synthetic CT 64"),
            [0x00100010] = ("PN", i.PatientName),
            [0x00100020] = ("LO", i.PatientId),
            [0x00100030] = ("DA", "19600514"),
            [0x00100040] = ("CS", i.PatientSex),
            [0x00180015] = ("CS", i.Modality == "MR" ? "PROSTATE" : "CHEST"),
            [0x00180050] = ("DS", i.SliceThickness),
            [0x0020000D] = ("UI", i.StudyInstanceUid),
            [0x0020000E] = ("UI", i.SeriesInstanceUid),
            [0x00200011] = ("IS", i.SeriesNumber.ToString(CultureInfo.InvariantCulture)),
            [0x00200013] = ("IS", i.InstanceNumber.ToString(CultureInfo.InvariantCulture)),
            [0x00280030] = ("DS", @"0.7\0.7"),
        };
        if (i.Modality == "MR")
            elements[0x00180087] = ("DS", "3");
        else
            elements[0x00180060] = ("DS", "120");

        using var dataset = new MemoryStream();
        foreach (var (tag, (vr, value)) in elements)
            Element(dataset, tag, vr, value);
        using var meta = new MemoryStream();
        Binary(meta, 0x00020001, "OB", [0, 1]);
        Element(meta, 0x00020002, "UI", sopClass);
        Element(meta, 0x00020003, "UI", i.SopInstanceUid);
        Element(meta, 0x00020010, "UI", ExplicitVrLittleEndian);
        Element(meta, 0x00020012, "UI", "1.2.826.0.1.3680043.10.999.1");

        using var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)meta.Length);
        Header(file, 0x00020000, "UL", 4);
        file.Write(length);
        meta.WriteTo(file);
        dataset.WriteTo(file);
        return file.ToArray();
    }

    private static void Element(Stream stream, uint tag, string vr, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length % 2 == 1)
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        Header(stream, tag, vr, bytes.Length);
        stream.Write(bytes);
    }

    private static void Binary(Stream stream, uint tag, string vr, byte[] value)
    {
        Header(stream, tag, vr, value.Length);
        stream.Write(value);
    }

    private static void Header(Stream stream, uint tag, string vr, int length)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)tag);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], (uint)length);
            stream.Write(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)length);
            stream.Write(header[..8]);
        }
    }
}
