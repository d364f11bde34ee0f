using System.Text;
using Graph.Dicom;

namespace Graph.Testing;

/// <summary>An explicit VR little endian Part 10 file built element by element, written in tag order.</summary>
public sealed class TestDicomFile
{
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
        return DicomBuilder.Part10(meta.DatasetBytes(), dataset.DatasetBytes());
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
        var bytes = new DicomBuilder();
        foreach (var (tag, (vr, value, items)) in _elements)
        {
            var (group, element) = ((ushort)(tag >> 16), (ushort)tag);
            if (items is null)
                bytes.Element(group, element, vr, value);
            else
                bytes.Sequence(group, element, [.. items.Select(item => new DicomBuilder().Raw(item.DatasetBytes()))]);
        }

        return bytes.ToArray();
    }
}
