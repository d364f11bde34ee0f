using System.Buffers.Binary;
using System.Text;

namespace Graph.Bench;

/// <summary>A minimal explicit VR little endian writer for the benchmarks' generated corpora (linked into each bench project).</summary>
internal sealed class Part10Writer
{
    private readonly MemoryStream _bytes = new();

    public int Length => (int)_bytes.Length;

    public Part10Writer Text(ushort group, ushort element, string vr, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        if (bytes.Length % 2 == 1)
        {
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        }

        return Bytes(group, element, vr, bytes);
    }

    public Part10Writer UInt16(ushort group, ushort element, ushort value) => Bytes(group, element, "US", BitConverter.GetBytes(value));

    public Part10Writer Bytes(ushort group, ushort element, string vr, byte[] value)
    {
        Header(group, element, vr, (uint)value.Length);
        _bytes.Write(value);
        return this;
    }

    /// <summary>A sequence of undefined length holding the given items.</summary>
    public Part10Writer Sequence(ushort group, ushort element, params Part10Writer[] items)
    {
        Header(group, element, "SQ", uint.MaxValue);
        foreach (var item in items)
            Tag(0xFFFE, 0xE000, (uint)item.Length).Raw(item.ToArray());
        return Tag(0xFFFE, 0xE0DD, 0);
    }

    public Part10Writer Raw(ReadOnlySpan<byte> bytes)
    {
        _bytes.Write(bytes);
        return this;
    }

    public byte[] ToArray() => _bytes.ToArray();

    /// <summary>A whole file: preamble, "DICM", file meta information for an instance, then a data set.</summary>
    public static byte[] File(string sopClass, string sopInstance, byte[] dataset)
    {
        var meta = new Part10Writer()
            .Bytes(0x0002, 0x0001, "OB", [0, 1])
            .Text(0x0002, 0x0002, "UI", sopClass)
            .Text(0x0002, 0x0003, "UI", sopInstance)
            .Text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1")
            .Text(0x0002, 0x0012, "UI", "1.2.826.0.1.3680043.8.498.0.2")
            .Text(0x0002, 0x0013, "SH", "GRAPH_BENCH_INGEST");
        return new Part10Writer()
            .Raw(new byte[128]).Raw("DICM"u8)
            .Bytes(0x0002, 0x0000, "UL", BitConverter.GetBytes(meta.Length))
            .Raw(meta.ToArray())
            .Raw(dataset)
            .ToArray();
    }

    private void Header(ushort group, ushort element, string vr, uint length)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (vr is "OB" or "OW" or "SQ" or "UN" or "UT")
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], length);
            _bytes.Write(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)length);
            _bytes.Write(header[..8]);
        }
    }

    private Part10Writer Tag(ushort group, ushort element, uint length)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, group);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
        _bytes.Write(header);
        return this;
    }
}
