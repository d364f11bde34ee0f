using System.Buffers.Binary;
using System.Text;
using Graph.Dicom;

namespace Graph.Testing;

/// <summary>Writes little endian DICOM bytes by hand, element by element in the order asked for: whole files for the
/// benchmarks' corpora and <see cref="TestDicomFile"/>, and the malformed kinds no real writer produces.</summary>
public sealed class DicomBuilder(bool explicitVR = true)
{
    private static readonly HashSet<string> LongLengthVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private readonly MemoryStream _bytes = new();

    /// <summary>The bytes written so far.</summary>
    public int Length => (int)_bytes.Length;

    /// <summary>A Part 10 file: preamble, "DICM", file meta information with the transfer syntax, then the data set.</summary>
    public static byte[] Part10(string transferSyntax, Action<DicomBuilder> dataset, bool explicitVR = true)
    {
        var meta = new DicomBuilder()
            .Text(0x0002, 0x0010, "UI", transferSyntax)
            .ToArray();
        var body = new DicomBuilder(explicitVR);
        dataset(body);
        return Part10(meta, body.ToArray());
    }

    /// <summary>An explicit VR little endian Part 10 file.</summary>
    public static byte[] Part10(Action<DicomBuilder> dataset) => Part10("1.2.840.10008.1.2.1", dataset);

    /// <summary>An explicit VR little endian Part 10 file of an instance, with the file meta information a writer gives it.</summary>
    public static byte[] Part10(string sopClass, string sopInstance, byte[] dataset)
    {
        var meta = new DicomBuilder()
            .Element(0x0002, 0x0001, "OB", [0, 1])
            .Text(0x0002, 0x0002, "UI", sopClass)
            .Text(0x0002, 0x0003, "UI", sopInstance)
            .Text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1")
            .Text(0x0002, 0x0012, "UI", "1.2.826.0.1.3680043.8.498.0.2")
            .Text(0x0002, 0x0013, "SH", "GRAPH_TESTING");
        return Part10(meta.ToArray(), dataset);
    }

    /// <summary>Preamble, "DICM", the group length of the file meta information, the meta information, then the data set.</summary>
    public static byte[] Part10(byte[] meta, byte[] dataset) => new DicomBuilder()
        .Raw(new byte[128])
        .Raw("DICM"u8)
        .Element(0x0002, 0x0000, "UL", BitConverter.GetBytes((uint)meta.Length))
        .Raw(meta)
        .Raw(dataset)
        .ToArray();

    /// <summary>Writes an element with a value.</summary>
    public DicomBuilder Element(ushort group, ushort element, string vr, byte[] value) =>
        Header(group, element, vr, (uint)value.Length).Raw(value);

    /// <summary>Writes a text element (Latin-1), padded with a space (NUL for UI) to even length.</summary>
    public DicomBuilder Text(ushort group, ushort element, string vr, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        return Element(group, element, vr, bytes);
    }

    /// <summary>Writes an unsigned short (US) element.</summary>
    public DicomBuilder UnsignedShort(ushort group, ushort element, ushort value) => Element(group, element, "US", BitConverter.GetBytes(value));

    /// <summary>Writes a sequence of undefined length holding the given items, each of defined length.</summary>
    public DicomBuilder Sequence(ushort group, ushort element, params DicomBuilder[] items)
    {
        Header(group, element, "SQ", DicomElement.UndefinedLength);
        foreach (var item in items)
            Item(0xE000, (uint)item.Length).Raw(item.ToArray());
        return Item(0xE0DD, 0);
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
    public DicomBuilder Raw(ReadOnlySpan<byte> bytes)
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
