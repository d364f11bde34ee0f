using System.Collections.Frozen;

namespace Graph.Dicom.Dictionary;

/// <summary>The built-in data dictionary: catalogue attributes and those of the PS3.15 Annex E basic profile.</summary>
internal static partial class DicomDictionary
{
    private static readonly FrozenDictionary<uint, DicomDictionaryEntry> ByTag;

    // A static constructor runs after the field initializers of every part, so Entries is set by now.
    static DicomDictionary()
    {
        ByTag = Entries.ToFrozenDictionary(e => e.Tag);
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

        return Find(tag)?.VR ?? DicomVR.UN;
    }

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
