using System.Collections.Frozen;

namespace Graph.Dicom.Dictionary;

/// <summary>The built-in data dictionary: catalogue attributes and those of the PS3.15 Annex E basic profile.</summary>
internal static partial class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag;
    private static readonly FrozenSet<uint> Sequences;

    // A static constructor runs after the field initializers of every part, so Entries is set by now.
    static DicomDictionary()
    {
        ByTag = Entries.ToFrozenDictionary(e => e.Tag);
        Sequences = SequenceTags.ToFrozenSet();
    }

    /// <summary>Finds the entry of a tag, or null when the tag is not in the dictionary.</summary>
    public static DicomDictionaryEntry? Find(DicomTag tag)
    {
        var value = tag.Value;
        if ((value & 0xFF010000) == 0x60000000)
        {
            // Overlay groups 6000-601E repeat one set of attributes.
            value &= 0xFF00FFFF;
        }

        return ByTag.GetValueOrDefault(value);
    }

    /// <summary>Returns the VR to use for an element of an implicit VR data set.</summary>
    public static DicomVR ImplicitVR(DicomTag tag)
    {
        if (tag.Element == 0)
        {
            return DicomVR.UL;
        }

        if (tag.IsPrivate)
        {
            return tag.Element is >= 0x10 and <= 0xFF ? DicomVR.LO : DicomVR.UN;
        }

        return Find(tag)?.VR ?? (Sequences.Contains(tag.Value) ? DicomVR.SQ : DicomVR.UN);
    }

    /// <summary>Tells whether the attribute is a sequence (SQ).</summary>
    public static bool IsSequence(DicomTag tag) => Find(tag)?.VR == DicomVR.SQ || Sequences.Contains(tag.Value);

    /// <summary>Tells whether the attribute is a pixel value whose VR is US or SS as Pixel Representation (0028,0103) says.</summary>
    /// <remarks>The attributes of DCMTK's dicom.dic with VR "xs", lookup table descriptors left out (their VR does not follow it).</remarks>
    public static bool IsSignedWithPixels(DicomTag tag) => tag.Value is 0x00189810 or 0x00221452 or 0x00280071
        or 0x00280104 or 0x00280105 or 0x00280106 or 0x00280107 or 0x00280108 or 0x00280109 or 0x00280110 or 0x00280111
        or 0x00280120 or 0x00280121 or 0x00409211 or 0x00409216 or 0x00603004 or 0x00603006;

    /// <summary>Lists the dictionary's attributes that the PS3.15 Annex E basic profile asks to remove or replace.</summary>
    public static IEnumerable<DicomTag> BasicProfileTags()
    {
        foreach (var entry in Entries)
        {
            if (entry.BasicProfile)
            {
                yield return new DicomTag(entry.Tag);
            }
        }
    }
}
