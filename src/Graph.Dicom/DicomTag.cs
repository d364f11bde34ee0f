using System.Globalization;
using Graph.Dicom.Dictionary;

namespace Graph.Dicom;

/// <summary>A DICOM attribute tag: a group and an element number.</summary>
public readonly partial struct DicomTag : IEquatable<DicomTag>, IComparable<DicomTag>
{
    /// <summary>Creates a tag from its group and element numbers.</summary>
    public DicomTag(ushort group, ushort element)
    {
        Value = ((uint)group << 16) | element;
    }

    /// <summary>Creates a tag from its 32-bit value, group in the high half.</summary>
    public DicomTag(uint value)
    {
        Value = value;
    }

    /// <summary>The tag as one 32-bit number, group in the high half.</summary>
    public uint Value { get; }

    /// <summary>The group number.</summary>
    public ushort Group => (ushort)(Value >> 16);

    /// <summary>The element number.</summary>
    public ushort Element => (ushort)Value;

    /// <summary>Whether the tag belongs to a private (odd) group.</summary>
    public bool IsPrivate => (Group & 1) == 1;

    /// <summary>The DICOM keyword of the attribute, or null when the built-in dictionary does not know it.</summary>
    public string? Keyword => DicomDictionary.Find(this)?.Keyword;

    /// <summary>The VR the dictionary gives the attribute, or <see cref="DicomVR.UN"/> when it is unknown.</summary>
    public DicomVR DictionaryVR => DicomDictionary.Find(this)?.VR ?? DicomVR.UN;

    /// <summary>Parses "ggggeeee", "gggg,eeee" or "(gggg,eeee)" in hexadecimal.</summary>
    public static DicomTag Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var tag) ? tag : throw new FormatException($"'{text}' is not a DICOM tag (expected ggggeeee).");
    }

    /// <summary>Tries to parse "ggggeeee", "gggg,eeee" or "(gggg,eeee)" in hexadecimal.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomTag tag)
    {
        tag = default;
        text = text.Trim();
        if (text.Length == 11 && text[0] == '(' && text[10] == ')')
        {
            text = text[1..10];
        }

        ReadOnlySpan<char> group, element;
        if (text.Length == 9 && text[4] == ',')
        {
            group = text[..4];
            element = text[5..];
        }
        else if (text.Length == 8)
        {
            group = text[..4];
            element = text[4..];
        }
        else
        {
            return false;
        }

        if (!ushort.TryParse(group, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var g)
            || !ushort.TryParse(element, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var e))
        {
            return false;
        }

        tag = new DicomTag(g, e);
        return true;
    }

    /// <summary>Formats the tag as "(gggg,eeee)".</summary>
    public override string ToString() => $"({Group:X4},{Element:X4})";

    /// <inheritdoc />
    public bool Equals(DicomTag other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DicomTag other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (int)Value;

    /// <inheritdoc />
    public int CompareTo(DicomTag other) => Value.CompareTo(other.Value);

    /// <summary>Tells whether two tags are the same.</summary>
    public static bool operator ==(DicomTag left, DicomTag right) => left.Value == right.Value;

    /// <summary>Tells whether two tags differ.</summary>
    public static bool operator !=(DicomTag left, DicomTag right) => left.Value != right.Value;

    /// <summary>Orders tags by group, then element.</summary>
    public static bool operator <(DicomTag left, DicomTag right) => left.Value < right.Value;

    /// <summary>Orders tags by group, then element.</summary>
    public static bool operator >(DicomTag left, DicomTag right) => left.Value > right.Value;

    /// <summary>Orders tags by group, then element.</summary>
    public static bool operator <=(DicomTag left, DicomTag right) => left.Value <= right.Value;

    /// <summary>Orders tags by group, then element.</summary>
    public static bool operator >=(DicomTag left, DicomTag right) => left.Value >= right.Value;
}
