using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Graph.Dicom.Tests.Support;

/// <summary>Turns a value as DCMTK prints it, as we read it, or as raw bytes into the same list of comparable strings.</summary>
/// <remarks>
/// Text: values split at backslashes (not LT, ST, UT, UR) and trimmed. DS and IS: the text and the number parsed from
/// it. Integers (US, SS, UL, SL, SV, UV, OL, OV): exact. FL, OF: as floats. FD, OD: as doubles. AT: "ggggeeee".
/// OB, OW, UN: bytes in hexadecimal.
/// </remarks>
internal static class DcmtkValues
{
    private static readonly HashSet<string> TextVRs = ["AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC", "UI", "UR", "UT"];
    private static readonly HashSet<string> SingleValuedVRs = ["LT", "ST", "UT", "UR"];
    private static readonly HashSet<string> CharacterSetVRs = ["LO", "LT", "PN", "SH", "ST", "UC", "UT"];
    private static readonly HashSet<string> BinaryVRs = ["OB", "OW", "UN", "??"];
    private static readonly HashSet<string> RealVRs = ["FL", "OF", "FD", "OD"];

    /// <summary>DCMTK's VR for comparison: a DICOMDIR offset ("up") is a UL.</summary>
    public static string Normalized(string vr) => vr == "up" ? "UL" : vr;

    /// <summary>Tells whether values of the VR are compared as bytes.</summary>
    public static bool IsBinary(string vr) => BinaryVRs.Contains(vr);

    public static bool UsesCharacterSet(string vr) => CharacterSetVRs.Contains(vr);

    public static bool IsAscii(string value) => value.All(c => c < 0x80 && c != 0x1B);

    /// <summary>The bytes of a value dcmdump printed in hexadecimal ("00\1f\...").</summary>
    public static byte[] BytesOf(string printed) =>
        printed.Length == 0 ? [] : [.. printed.Split('\\').Select(b => byte.Parse(b, NumberStyles.HexNumber, CultureInfo.InvariantCulture))];

    /// <summary>The values of a value as dcmdump printed it, or null for null.</summary>
    public static IReadOnlyList<string>? FromPrinted(string vr, string? printed)
    {
        if (printed is null)
        {
            return null;
        }

        if (TextVRs.Contains(vr))
        {
            return Text(vr, printed, null);
        }

        var values = printed.Length == 0 ? [] : printed.Split('\\');
        return vr switch
        {
            "OB" or "UN" or "??" => [.. values.Select(b => b.ToLowerInvariant())],
            "OW" => [.. values.SelectMany(w => Hex(BitConverter.GetBytes(ushort.Parse(w, NumberStyles.HexNumber, CultureInfo.InvariantCulture))))],
            "AT" => [.. values.Select(t => t.Replace("(", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).Replace(")", string.Empty, StringComparison.Ordinal).ToUpperInvariant())],
            "FL" or "OF" => [.. values.Select(v => Real((float)ParseReal(v)))],
            "FD" or "OD" => [.. values.Select(v => Real(ParseReal(v)))],
            _ => [.. values.Select(v => Int128.Parse(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))],
        };
    }

    /// <summary>The values of an element as our reader's getters give them.</summary>
    public static IReadOnlyList<string> FromOurs(string vr, DicomDataset ours, DicomTag tag, byte[] bytes)
    {
        if (TextVRs.Contains(vr))
        {
            return Text(vr, ours.GetString(tag) ?? string.Empty, i => ours.TryGetDouble(tag, out var number, i) ? number : null);
        }

        var count = bytes.Length / Math.Max(1, Size(vr));
        return vr switch
        {
            "US" or "SS" or "UL" or "SL" => [.. Enumerable.Range(0, count).Select(i => ours.TryGetDouble(tag, out var n, i) ? ((long)n).ToString(CultureInfo.InvariantCulture) : "unreadable")],
            "FL" => [.. Enumerable.Range(0, count).Select(i => ours.TryGetDouble(tag, out var n, i) ? Real((float)n) : "unreadable")],
            "FD" => [.. Enumerable.Range(0, count).Select(i => ours.TryGetDouble(tag, out var n, i) ? Real(n) : "unreadable")],
            // GetString formats all 64 bits exactly, where a double would not.
            "SV" or "UV" => FromPrinted(vr, ours.GetString(tag) ?? string.Empty)!,
            "AT" => [.. Enumerable.Range(0, count).Select(i => ours.GetAttributeTag(tag, i) is { } at ? at.Value.ToString("X8", CultureInfo.InvariantCulture) : "unreadable")],
            _ => FromBytes(vr, bytes),
        };
    }

    /// <summary>The values of little endian bytes read with a VR.</summary>
    public static IReadOnlyList<string> FromBytes(string vr, byte[] bytes)
    {
        if (TextVRs.Contains(vr))
        {
            return Text(vr, Encoding.Latin1.GetString(bytes), null);
        }

        var size = Size(vr);
        if (size == 0)
        {
            return Hex(bytes);
        }

        var values = new List<string>();
        for (var i = 0; i + size <= bytes.Length; i += size)
        {
            var at = bytes.AsSpan(i, size);
            values.Add(vr switch
            {
                "US" => BinaryPrimitives.ReadUInt16LittleEndian(at).ToString(CultureInfo.InvariantCulture),
                "SS" => BinaryPrimitives.ReadInt16LittleEndian(at).ToString(CultureInfo.InvariantCulture),
                "UL" or "OL" => BinaryPrimitives.ReadUInt32LittleEndian(at).ToString(CultureInfo.InvariantCulture),
                "SL" => BinaryPrimitives.ReadInt32LittleEndian(at).ToString(CultureInfo.InvariantCulture),
                "UV" or "OV" => BinaryPrimitives.ReadUInt64LittleEndian(at).ToString(CultureInfo.InvariantCulture),
                "SV" => BinaryPrimitives.ReadInt64LittleEndian(at).ToString(CultureInfo.InvariantCulture),
                "FL" or "OF" => Real(BinaryPrimitives.ReadSingleLittleEndian(at)),
                "FD" or "OD" => Real(BinaryPrimitives.ReadDoubleLittleEndian(at)),
                _ => Invariant($"{BinaryPrimitives.ReadUInt16LittleEndian(at):X4}{BinaryPrimitives.ReadUInt16LittleEndian(at[2..]):X4}"),
            });
        }

        return values;
    }

    /// <summary>Tells whether two lists of values are the same; counts the doubles equal only within DCMTK's printing error.</summary>
    /// <remarks>
    /// DCMTK prints doubles with its own conversion, which is not correctly rounded for large and small exponents
    /// (1e300 prints as 1.0000000000000007e+300, 6.02214076e23 as 6.022140759999997e+23): such a double is compared
    /// to within 16 units in the last place, and counted. -0 prints as 0; NaN equals NaN.
    /// </remarks>
    public static bool Same(string vr, IReadOnlyList<string> expected, IReadOnlyList<string> actual, out int approximate)
    {
        approximate = 0;
        if (expected.Count != actual.Count)
        {
            return false;
        }

        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] == actual[i])
            {
                continue;
            }

            if (!RealVRs.Contains(vr) || !double.TryParse(expected[i], CultureInfo.InvariantCulture, out var a) || !double.TryParse(actual[i], CultureInfo.InvariantCulture, out var b))
            {
                return false;
            }

            if (a.Equals(b))
            {
                continue;
            }

            if (vr is "FL" or "OF" || double.IsNaN(a) || double.IsNaN(b) || Math.Sign(a) != Math.Sign(b) || Math.Abs(BitConverter.DoubleToInt64Bits(a) - BitConverter.DoubleToInt64Bits(b)) > 16)
            {
                return false;
            }

            approximate++;
        }

        return true;
    }

    private static List<string> Text(string vr, string text, Func<int, double?>? ourNumber)
    {
        if (SingleValuedVRs.Contains(vr))
        {
            var single = text.TrimEnd(' ', '\0');
            return single.Length == 0 ? [] : [single];
        }

        var trimmed = text.Trim(' ', '\0');
        if (trimmed.Length == 0)
        {
            return [];
        }

        var values = text.Split('\\').Select(v => v.Trim(' ', '\0')).ToList();
        if (vr is "DS" or "IS")
        {
            // The text and the number: DCMTK's text parsed by .NET, ours parsed by our reader.
            for (var i = 0; i < values.Count; i++)
            {
                var number = ourNumber is null
                    ? double.TryParse(values[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null
                    : ourNumber(i);
                values[i] = $"{values[i]} = {(number is { } n ? Real(n) : "not a number")}";
            }
        }

        return values;
    }

    private static double ParseReal(string printed) => printed switch
    {
        "nan" or "-nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(printed, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static string Real(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Real(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static int Size(string vr) => vr switch
    {
        "US" or "SS" => 2,
        "UL" or "SL" or "FL" or "OF" or "OL" or "AT" => 4,
        "FD" or "OD" or "SV" or "UV" or "OV" => 8,
        _ => 0,
    };

    private static List<string> Hex(byte[] bytes) => [.. bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
