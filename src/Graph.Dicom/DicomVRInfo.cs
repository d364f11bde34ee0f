namespace Graph.Dicom;

/// <summary>Facts about value representations that the reader needs.</summary>
internal static class DicomVRInfo
{
    /// <summary>Returns the VR spelled by two bytes, or <see cref="DicomVR.None"/> when they spell none.</summary>
    public static DicomVR FromBytes(byte first, byte second)
    {
        var vr = (DicomVR)(ushort)((first << 8) | second);
        return IsKnown(vr) ? vr : DicomVR.None;
    }

    /// <summary>Tells whether the value is one of the VRs of PS3.5 Table 6.2-1.</summary>
    public static bool IsKnown(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.AT or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT
            or DicomVR.FD or DicomVR.FL or DicomVR.IS or DicomVR.LO or DicomVR.LT or DicomVR.OB or DicomVR.OD
            or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.PN or DicomVR.SH or DicomVR.SL
            or DicomVR.SQ or DicomVR.SS or DicomVR.ST or DicomVR.SV or DicomVR.TM or DicomVR.UC or DicomVR.UI
            or DicomVR.UL or DicomVR.UN or DicomVR.UR or DicomVR.US or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>Tells whether explicit VR encoding gives this VR two reserved bytes and a 32-bit length.</summary>
    public static bool HasLongLength(DicomVR vr) => vr switch
    {
        DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.SQ
            or DicomVR.SV or DicomVR.UC or DicomVR.UN or DicomVR.UR or DicomVR.UT or DicomVR.UV => true,
        _ => false,
    };

    /// <summary>Tells whether values of this VR are opaque bytes that may be large.</summary>
    public static bool IsBinary(DicomVR vr) => vr switch
    {
        DicomVR.OB or DicomVR.OD or DicomVR.OF or DicomVR.OL or DicomVR.OV or DicomVR.OW or DicomVR.UN => true,
        _ => false,
    };

    /// <summary>Returns the size of one binary number of this VR, or 0 for VRs that are not binary numbers.</summary>
    public static int NumberSize(DicomVR vr) => vr switch
    {
        DicomVR.US or DicomVR.SS or DicomVR.OW => 2,
        DicomVR.UL or DicomVR.SL or DicomVR.FL or DicomVR.OF or DicomVR.OL or DicomVR.AT => 4,
        DicomVR.FD or DicomVR.OD or DicomVR.SV or DicomVR.UV or DicomVR.OV => 8,
        _ => 0,
    };

    /// <summary>Tells whether the VR holds text that Specific Character Set (0008,0005) applies to.</summary>
    public static bool UsesCharacterSet(DicomVR vr) => vr switch
    {
        DicomVR.SH or DicomVR.LO or DicomVR.UC or DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.PN => true,
        _ => false,
    };

    /// <summary>Tells whether the VR is one of the text VRs whose value is never split at backslashes.</summary>
    public static bool IsSingleValuedText(DicomVR vr) => vr is DicomVR.ST or DicomVR.LT or DicomVR.UT or DicomVR.UR;

    /// <summary>Tells whether the VR holds characters (any string VR).</summary>
    public static bool IsString(DicomVR vr) => vr switch
    {
        DicomVR.AE or DicomVR.AS or DicomVR.CS or DicomVR.DA or DicomVR.DS or DicomVR.DT or DicomVR.IS
            or DicomVR.LO or DicomVR.LT or DicomVR.PN or DicomVR.SH or DicomVR.ST or DicomVR.TM or DicomVR.UC
            or DicomVR.UI or DicomVR.UR or DicomVR.UT => true,
        _ => false,
    };
}
