using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Graph.Dicom.Text;

namespace Graph.Dicom;

public sealed partial class DicomDataset
{
    /// <summary>Reads a number from DS, IS or a binary number VR (US, SS, UL, SL, SV, UV, FL, FD) at a value index.</summary>
    public bool TryGetDouble(DicomTag tag, out double value, int index = 0)
    {
        value = 0;
        if (!TryGetEntry(tag, out var entry))
        {
            return false;
        }

        var raw = Raw(in entry);
        if (entry.VR is DicomVR.DS or DicomVR.IS)
        {
            return DicomText.TryGetValue(raw, index, out var text) && DicomText.TryParseDouble(text, out value);
        }

        if (!TryBinary(raw, entry.VR, index, out var number, out var real))
        {
            return false;
        }

        value = real ?? number;
        return true;
    }

    /// <summary>Reads a number at a value index, or null; see <see cref="TryGetDouble"/>.</summary>
    public double? GetDouble(DicomTag tag, int index = 0) => TryGetDouble(tag, out var value, index) ? value : null;

    /// <summary>Reads an integer from IS, a whole DS, or a binary integer VR at a value index, if it fits an <see cref="int"/>.</summary>
    public bool TryGetInt(DicomTag tag, out int value, int index = 0)
    {
        value = 0;
        if (!TryGetEntry(tag, out var entry))
        {
            return false;
        }

        var raw = Raw(in entry);
        long whole;
        if (entry.VR is DicomVR.IS or DicomVR.DS)
        {
            if (!DicomText.TryGetValue(raw, index, out var text))
            {
                return false;
            }

            if (!DicomText.TryParseLong(text, out whole))
            {
                if (!DicomText.TryParseDouble(text, out var real) || real != Math.Floor(real) || Math.Abs(real) > int.MaxValue)
                {
                    return false;
                }

                whole = (long)real;
            }
        }
        else if (!TryBinary(raw, entry.VR, index, out whole, out var real) || real is not null)
        {
            return false;
        }

        if (whole is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)whole;
        return true;
    }

    /// <summary>Reads an integer at a value index, or null; see <see cref="TryGetInt"/>.</summary>
    public int? GetInt(DicomTag tag, int index = 0) => TryGetInt(tag, out var value, index) ? value : null;

    /// <summary>Reads a DA value, or the date of a DT value, or null.</summary>
    public DateOnly? GetDate(DicomTag tag)
    {
        if (!TryGetEntry(tag, out var entry) || !DicomText.TryGetValue(Raw(in entry), 0, out var text))
        {
            return null;
        }

        return entry.VR switch
        {
            DicomVR.DA when DicomText.TryParseDate(text, out var date) => date,
            DicomVR.DT when DicomText.TryParseDateTime(text, out var dateTime) => DateOnly.FromDateTime(dateTime),
            _ => null,
        };
    }

    /// <summary>Reads a TM value, or null.</summary>
    public TimeOnly? GetTime(DicomTag tag) =>
        TryGetEntry(tag, out var entry) && entry.VR == DicomVR.TM && DicomText.TryGetValue(Raw(in entry), 0, out var text)
            && DicomText.TryParseTime(text, out var time) ? time : null;

    /// <summary>Reads a DT value, or null; a value with a UTC offset comes back in UTC, one without as unspecified local time.</summary>
    public DateTime? GetDateTime(DicomTag tag) =>
        TryGetEntry(tag, out var entry) && entry.VR == DicomVR.DT && DicomText.TryGetValue(Raw(in entry), 0, out var text)
            && DicomText.TryParseDateTime(text, out var dateTime) ? dateTime : null;

    /// <summary>Reads an AS value such as "045Y", or null.</summary>
    public DicomAge? GetAge(DicomTag tag) =>
        TryGetEntry(tag, out var entry) && entry.VR == DicomVR.AS && DicomText.TryGetValue(Raw(in entry), 0, out var text)
            && DicomAge.TryParse(Encoding.Latin1.GetString(text), out var age) ? age : null;

    /// <summary>Reads a PN value at a value index, split into its component groups, or null.</summary>
    public DicomPersonName? GetPersonName(DicomTag tag, int index = 0)
    {
        if (!TryGetEntry(tag, out var entry) || entry.VR != DicomVR.PN)
        {
            return null;
        }

        var values = GetStrings(tag);
        return index >= 0 && index < values.Length ? DicomPersonName.Parse(values[index]) : null;
    }

    /// <summary>Reads an AT value at a value index, or null.</summary>
    public DicomTag? GetAttributeTag(DicomTag tag, int index = 0)
    {
        if (!TryGetEntry(tag, out var entry) || entry.VR != DicomVR.AT)
        {
            return null;
        }

        var raw = Raw(in entry);
        if (index < 0 || (long)(index + 1) * 4 > raw.Length)
        {
            return null;
        }

        var at = raw.Slice(index * 4, 4);
        return new DicomTag(BinaryPrimitives.ReadUInt16LittleEndian(at), BinaryPrimitives.ReadUInt16LittleEndian(at[2..]));
    }

    private static bool TryBinary(ReadOnlySpan<byte> raw, DicomVR vr, int index, out long whole, out double? real)
    {
        whole = 0;
        real = null;
        var size = DicomVRInfo.NumberSize(vr);
        if (size == 0 || DicomVRInfo.IsBinary(vr) || vr == DicomVR.AT || index < 0 || (long)(index + 1) * size > raw.Length)
        {
            return false;
        }

        var at = raw.Slice(index * size, size);
        switch (vr)
        {
            case DicomVR.US: whole = BinaryPrimitives.ReadUInt16LittleEndian(at); break;
            case DicomVR.SS: whole = BinaryPrimitives.ReadInt16LittleEndian(at); break;
            case DicomVR.UL: whole = BinaryPrimitives.ReadUInt32LittleEndian(at); break;
            case DicomVR.SL: whole = BinaryPrimitives.ReadInt32LittleEndian(at); break;
            case DicomVR.SV: whole = BinaryPrimitives.ReadInt64LittleEndian(at); break;
            case DicomVR.UV:
                var unsigned = BinaryPrimitives.ReadUInt64LittleEndian(at);
                if (unsigned > long.MaxValue)
                {
                    real = unsigned;
                }

                whole = (long)unsigned;
                break;
            case DicomVR.FL: real = BinaryPrimitives.ReadSingleLittleEndian(at); break;
            default: real = BinaryPrimitives.ReadDoubleLittleEndian(at); break;
        }

        return true;
    }

    private static string FormatNumbers(ReadOnlySpan<byte> raw, DicomVR vr)
    {
        var size = DicomVRInfo.NumberSize(vr);
        var builder = new StringBuilder();
        for (var i = 0; (i + 1) * size <= raw.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('\\');
            }

            if (vr == DicomVR.AT)
            {
                var at = raw.Slice(i * 4, 4);
                builder.Append(CultureInfo.InvariantCulture, $"{BinaryPrimitives.ReadUInt16LittleEndian(at):X4}{BinaryPrimitives.ReadUInt16LittleEndian(at[2..]):X4}");
                continue;
            }

            if (vr == DicomVR.UV)
            {
                builder.Append(BinaryPrimitives.ReadUInt64LittleEndian(raw.Slice(i * 8, 8)).ToString(CultureInfo.InvariantCulture));
                continue;
            }

            TryBinary(raw, vr, i, out var whole, out var real);
            if (real is { } r)
            {
                builder.Append(vr == DicomVR.FL ? ((float)r).ToString(CultureInfo.InvariantCulture) : r.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(whole.ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
