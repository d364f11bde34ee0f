using System.Buffers.Binary;
using System.Text;
using Graph.Dicom;

namespace Graph.Testing;

/// <summary>An explicit VR little endian Part 10 file built element by element, written in tag order.</summary>
public sealed class TestDicomFile
{
    private static readonly HashSet<string> LongLengthVRs = ["OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"];
    private readonly SortedDictionary<uint, (string VR, byte[] Value, TestDicomFile[]? Items)> _elements = [];

    /// <summary>Sets a text element, padded to even length (NUL for UI, space otherwise).</summary>
    public TestDicomFile Set(DicomTag tag, string vr, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        if (bytes.Length % 2 == 1)
            bytes = [.. bytes, vr == "UI" ? (byte)0 : (byte)' '];
        _elements[tag.Value] = (vr, bytes, null);
        return this;
    }

    /// <summary>Sets a text element with the VR the dictionary gives the tag.</summary>
    public TestDicomFile Set(DicomTag tag, string value) => Set(tag, tag.DictionaryVR.ToString(), value);

    /// <summary>Sets a sequence of items.</summary>
    public TestDicomFile Sequence(DicomTag tag, params TestDicomFile[] items)
    {
        _elements[tag.Value] = ("SQ", [], items);
        return this;
    }

    /// <summary>Adds pixel data of a size, so files have realistic, distinct sizes.</summary>
    public TestDicomFile Pixels(int bytes) => Binary(DicomTag.PixelData, "OW", new byte[bytes + (bytes % 2)]);

    /// <summary>Sets a binary element.</summary>
    public TestDicomFile Binary(DicomTag tag, string vr, byte[] value)
    {
        _elements[tag.Value] = (vr, value, null);
        return this;
    }

    /// <summary>Removes an element.</summary>
    public TestDicomFile Remove(DicomTag tag)
    {
        _elements.Remove(tag.Value);
        return this;
    }

    /// <summary>A copy, to derive another instance from this one.</summary>
    public TestDicomFile Copy()
    {
        var copy = new TestDicomFile();
        foreach (var (tag, element) in _elements)
            copy._elements[tag] = element;
        return copy;
    }

    /// <summary>The file's bytes: preamble, "DICM", file meta information (group 0002 elements set here win), data set.</summary>
    public byte[] ToBytes()
    {
        var sop = _elements.TryGetValue(DicomTag.SOPInstanceUID.Value, out var uid) ? Encoding.ASCII.GetString(uid.Value).TrimEnd('\0') : "1.2.3";
        var meta = new TestDicomFile()
            .Binary(DicomTag.FileMetaInformationVersion, "OB", [0, 1])
            .Set(DicomTag.MediaStorageSOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.4")
            .Set(DicomTag.MediaStorageSOPInstanceUID, "UI", sop)
            .Set(DicomTag.TransferSyntaxUID, "UI", "1.2.840.10008.1.2.1");
        var dataset = new TestDicomFile();
        foreach (var (tag, element) in _elements)
            (tag >> 16 == 2 ? meta : dataset)._elements[tag] = element;
        var metaBytes = meta.DatasetBytes();
        using var file = new MemoryStream();
        file.Write(new byte[128]);
        file.Write("DICM"u8);
        Header(file, DicomTag.FileMetaInformationGroupLength.Value, "UL", 4);
        file.Write(BitConverter.GetBytes((uint)metaBytes.Length));
        file.Write(metaBytes);
        file.Write(dataset.DatasetBytes());
        return file.ToArray();
    }

    /// <summary>Writes the file, creating its folder; returns the path.</summary>
    public string WriteTo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private byte[] DatasetBytes()
    {
        using var bytes = new MemoryStream();
        foreach (var (tag, (vr, value, items)) in _elements)
        {
            if (items is null)
            {
                Header(bytes, tag, vr, (uint)value.Length);
                bytes.Write(value);
                continue;
            }

            Header(bytes, tag, "SQ", DicomElement.UndefinedLength);
            foreach (var item in items)
            {
                var content = item.DatasetBytes();
                Tag(bytes, DicomTag.Item.Value, (uint)content.Length);
                bytes.Write(content);
            }

            Tag(bytes, DicomTag.SequenceDelimitationItem.Value, 0);
        }

        return bytes.ToArray();
    }

    private static void Header(Stream stream, uint tag, string vr, uint length)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)tag);
        header[4] = (byte)vr[0];
        header[5] = (byte)vr[1];
        if (LongLengthVRs.Contains(vr))
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], length);
            stream.Write(header);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header[6..], (ushort)length);
            stream.Write(header[..8]);
        }
    }

    private static void Tag(Stream stream, uint tag, uint length)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(header, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], length);
        stream.Write(header);
    }
}
