using System.Buffers.Binary;
using System.Text;

namespace Graph.Dicom.Tests.Support;

/// <summary>Writes little endian DICOM bytes by hand, including the malformed kinds no real writer produces.</summary>
internal sealed class DicomBuilder(bool explicitVR = true)
{
    private static readonly HashSet<string> LongLengthVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private readonly MemoryStream _bytes = new();

    /// <summary>A Part 10 file: preamble, "DICM", file meta information with the transfer syntax, then the data set.</summary>
    public static byte[] Part10(string transferSyntax, Action<DicomBuilder> dataset, bool explicitVR = true)
    {
        var meta = new DicomBuilder()
            .Text(0x0002, 0x0010, "UI", transferSyntax)
            .ToArray();
        var file = new DicomBuilder()
            .Raw(new byte[128])
            .Raw("DICM"u8.ToArray())
            .Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length))
            .Raw(meta);
        var body = new DicomBuilder(explicitVR);
        dataset(body);
        return [.. file.ToArray(), .. body.ToArray()];
    }

    /// <summary>An explicit VR little endian Part 10 file.</summary>
    public static byte[] Part10(Action<DicomBuilder> dataset) => Part10("1.2.840.10008.1.2.1", dataset);

    /// <summary>Writes an element with a value, padding text to even length.</summary>
    public DicomBuilder Element(ushort group, ushort element, string vr, byte[] value) =>
        Header(group, element, vr, (uint)value.Length).Raw(value);

    /// <summary>Writes a text element, padded with a space (NUL for UI) to even length.</summary>
    public DicomBuilder Text(ushort group, ushort element, string vr, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        return Element(group, element, vr, bytes);
    }

    /// <summary>Writes only an element header, with whatever length is asked for.</summary>
    public DicomBuilder Header(ushort group, ushort element, string vr, uint length)
    {
        UInt16(group).UInt16(element);
        if (!explicitVR)
        {
            return UInt32(length);
        }

        Raw(Encoding.ASCII.GetBytes(vr));
        return LongLengthVRs.Contains(vr) ? UInt16(0).UInt32(length) : UInt16((ushort)length);
    }

    /// <summary>Writes an item or delimiter tag (FFFE,eeee) with a length.</summary>
    public DicomBuilder Item(ushort element = 0xE000, uint length = DicomElement.UndefinedLength) =>
        UInt16(0xFFFE).UInt16(element).UInt32(length);

    /// <summary>Writes raw bytes.</summary>
    public DicomBuilder Raw(byte[] bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    private DicomBuilder UInt16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        _bytes.Write(bytes);
        return this;
    }

    private DicomBuilder UInt32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        _bytes.Write(bytes);
        return this;
    }
}
