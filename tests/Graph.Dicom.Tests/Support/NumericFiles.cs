using System.Buffers.Binary;
using System.Diagnostics;
using Graph.Testing;

namespace Graph.Dicom.Tests.Support;

/// <summary>Files with every numeric VR at its edges, multi-valued, at the top level and in sequence items three deep.</summary>
/// <remarks>
/// pydicom's corpus has no SV, UV, OD, OL or OV value: these files add them. One is written here in explicit VR little
/// endian; DCMTK's dcmconv re-encodes it in explicit VR big endian, so the byte swapping is checked against DCMTK too.
/// </remarks>
internal static class NumericFiles
{
    public const string LittleEndian = "synthetic/every-numeric-vr.dcm";
    public const string BigEndian = "synthetic/every-numeric-vr-big-endian.dcm";

    private const ushort Group = 0x0009;

    private static readonly Lazy<string> Folder = new(Write);

    /// <summary>The names of the files, as listed beside the corpus's.</summary>
    public static IReadOnlyList<string> Names { get; } = [LittleEndian, BigEndian];

    /// <summary>The path of a file, written on first use into the test output folder.</summary>
    public static string File(string name) => Path.Combine(Folder.Value, Path.GetFileName(name));

    private static string Write()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "synthetic");
        Directory.CreateDirectory(folder);
        var little = Path.Combine(folder, Path.GetFileName(LittleEndian));
        System.IO.File.WriteAllBytes(little, DicomBuilder.Part10(body =>
        {
            body.Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7").Text(0x0008, 0x0018, "UI", "1.2.826.0.1.3680043.8.498.1919");
            Numbers(body, 0);
        }));

        var dcmconv = TestData.Dcmconv ?? throw new InvalidOperationException("DCMTK's dcmconv is required (apt-get install dcmtk).");
        var start = new ProcessStartInfo(dcmconv) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "+tb", little, Path.Combine(folder, Path.GetFileName(BigEndian)) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? folder : throw new InvalidOperationException($"dcmconv +tb failed: {errors}");
    }

    // The same elements at each depth (values shifted by the depth), then a sequence holding the next depth: an
    // undefined-length sequence and items at the top, defined lengths below, and an empty second item.
    private static void Numbers(DicomBuilder body, int depth)
    {
        body.Text(Group, 0x0010, "LO", "GRAPH NUMERIC TEST")
            .Element(Group, 0x1001, "US", Pack<ushort>(2, BinaryPrimitives.WriteUInt16LittleEndian, (ushort)depth, 1, ushort.MaxValue))
            .Element(Group, 0x1002, "SS", Pack<short>(2, BinaryPrimitives.WriteInt16LittleEndian, short.MinValue, (short)-depth, short.MaxValue))
            .Element(Group, 0x1003, "UL", Pack<uint>(4, BinaryPrimitives.WriteUInt32LittleEndian, (uint)depth, uint.MaxValue, 1u << 31))
            .Element(Group, 0x1004, "SL", Pack<int>(4, BinaryPrimitives.WriteInt32LittleEndian, int.MinValue, -depth, int.MaxValue))
            .Element(Group, 0x1005, "SV", Pack<long>(8, BinaryPrimitives.WriteInt64LittleEndian, long.MinValue, -depth, long.MaxValue))
            .Element(Group, 0x1006, "UV", Pack<ulong>(8, BinaryPrimitives.WriteUInt64LittleEndian, (ulong)depth, ulong.MaxValue, 1ul << 63))
            .Element(Group, 0x1007, "FL", Pack<float>(4, BinaryPrimitives.WriteSingleLittleEndian, 0.1f, -1.5f - depth, float.MaxValue, float.Epsilon, 1.17549435e-38f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, 16777217f))
            .Element(Group, 0x1008, "FD", Pack<double>(8, BinaryPrimitives.WriteDoubleLittleEndian, 0.1, 1.0 / 3 + depth, -2.5e-5, double.Epsilon, 2.2250738585072014e-308, 1e300, 6.02214076e23, double.MaxValue, 9007199254740993, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 123456789.123456789))
            .Text(Group, 0x1009, "DS", $@"1e3\ -0.5\+.5\239.531250000000\-741.87000000000\1E+308\00012\{depth}.25")
            .Text(Group, 0x100A, "IS", $@"-2147483648\ 42\+7\2147483647\{depth}")
            .Element(Group, 0x100B, "AT", Pack<ushort>(2, BinaryPrimitives.WriteUInt16LittleEndian, 0x0010, 0x0010, 0xFFFE, 0xE000, 0x0020, (ushort)(0x000D + depth)))
            .Element(Group, 0x100C, "OF", Pack<float>(4, BinaryPrimitives.WriteSingleLittleEndian, 0.1f, -2.5f, depth, float.NaN))
            .Element(Group, 0x100D, "OD", Pack<double>(8, BinaryPrimitives.WriteDoubleLittleEndian, 0.1, -2.5, depth, 1.0 / 3))
            .Element(Group, 0x100E, "OL", Pack<uint>(4, BinaryPrimitives.WriteUInt32LittleEndian, 0, uint.MaxValue, (uint)depth))
            .Element(Group, 0x100F, "OV", Pack<ulong>(8, BinaryPrimitives.WriteUInt64LittleEndian, 0, ulong.MaxValue, (ulong)depth))
            .Element(Group, 0x1010, "OB", [0x00, 0x7F, 0x80, (byte)depth])
            .Element(Group, 0x1011, "OW", Pack<ushort>(2, BinaryPrimitives.WriteUInt16LittleEndian, 0x0001, 0xFFFE, (ushort)depth, 0x8000));
        if (depth == 3)
        {
            return;
        }

        var item = new DicomBuilder();
        Numbers(item, depth + 1);
        var bytes = item.ToArray();
        if (depth == 0)
        {
            body.Header(Group, 0x1020, "SQ", DicomElement.UndefinedLength)
                .Item().Raw(bytes).Item(0xE00D, 0)
                .Item(0xE000, 0)
                .Item(0xE0DD, 0);
            return;
        }

        body.Header(Group, 0x1020, "SQ", (uint)(bytes.Length + 8)).Item(0xE000, (uint)bytes.Length).Raw(bytes);
    }

    private static byte[] Pack<T>(int size, SpanAction<T> write, params T[] values)
    {
        var bytes = new byte[values.Length * size];
        for (var i = 0; i < values.Length; i++)
        {
            write(bytes.AsSpan(i * size, size), values[i]);
        }

        return bytes;
    }

    private delegate void SpanAction<in T>(Span<byte> destination, T value);
}
