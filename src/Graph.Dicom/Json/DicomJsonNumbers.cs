using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Graph.Dicom.Json;

/// <summary>Encodes the numbers of DICOM JSON as the little-endian binary values a Part 10 file holds for their VR.</summary>
internal static class DicomJsonNumbers
{
    /// <summary>Encodes a JSON number (or a number written as a string) as the binary value of VR <paramref name="vr"/>; false when it does not fit.</summary>
    public static bool TryEncode(DicomVR vr, JsonElement value, Span<byte> bytes, out int size)
    {
        size = vr == DicomVR.AT ? 4 : DicomVRInfo.NumberSize(vr);
        var text = value.ValueKind switch
        {
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.String => value.GetString() ?? string.Empty,
            _ => null,
        };
        if (text is null)
        {
            return false;
        }

        const NumberStyles Integer = NumberStyles.Integer;
        const NumberStyles Float = NumberStyles.Float;
        return vr switch
        {
            DicomVR.AT => EncodeTag(text, bytes),
            DicomVR.US => Encode<ushort>(text, Integer, bytes),
            DicomVR.SS => Encode<short>(text, Integer, bytes),
            DicomVR.UL => Encode<uint>(text, Integer, bytes),
            DicomVR.SL => Encode<int>(text, Integer, bytes),
            DicomVR.SV => Encode<long>(text, Integer, bytes),
            DicomVR.UV => Encode<ulong>(text, Integer, bytes),
            DicomVR.FL => Encode<float>(text, Float, bytes),
            DicomVR.FD => Encode<double>(text, Float, bytes),
            _ => false,
        };
    }

    private static bool Encode<T>(string text, NumberStyles styles, Span<byte> bytes)
        where T : unmanaged, INumberBase<T>
    {
        if (!T.TryParse(text, styles, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        // Values are stored little endian, whatever the machine.
        MemoryMarshal.Write(bytes, in value);
        if (!BitConverter.IsLittleEndian)
        {
            bytes[..Unsafe.SizeOf<T>()].Reverse();
        }

        return true;
    }

    private static bool EncodeTag(string text, Span<byte> bytes)
    {
        if (!DicomTag.TryParse(text, out var tag))
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(bytes, tag.Group);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes[2..], tag.Element);
        return true;
    }
}
