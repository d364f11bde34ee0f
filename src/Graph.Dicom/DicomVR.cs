namespace Graph.Dicom;

/// <summary>A DICOM value representation; each value packs the two ASCII letters of its code.</summary>
public enum DicomVR : ushort
{
    /// <summary>No value representation (not yet known).</summary>
    None = 0,

    /// <summary>Application Entity.</summary>
    AE = 0x4145,

    /// <summary>Age String.</summary>
    AS = 0x4153,

    /// <summary>Attribute Tag.</summary>
    AT = 0x4154,

    /// <summary>Code String.</summary>
    CS = 0x4353,

    /// <summary>Date.</summary>
    DA = 0x4441,

    /// <summary>Decimal String.</summary>
    DS = 0x4453,

    /// <summary>Date Time.</summary>
    DT = 0x4454,

    /// <summary>Floating Point Double.</summary>
    FD = 0x4644,

    /// <summary>Floating Point Single.</summary>
    FL = 0x464C,

    /// <summary>Integer String.</summary>
    IS = 0x4953,

    /// <summary>Long String.</summary>
    LO = 0x4C4F,

    /// <summary>Long Text.</summary>
    LT = 0x4C54,

    /// <summary>Other Byte.</summary>
    OB = 0x4F42,

    /// <summary>Other Double.</summary>
    OD = 0x4F44,

    /// <summary>Other Float.</summary>
    OF = 0x4F46,

    /// <summary>Other Long.</summary>
    OL = 0x4F4C,

    /// <summary>Other 64-bit Very Long.</summary>
    OV = 0x4F56,

    /// <summary>Other Word.</summary>
    OW = 0x4F57,

    /// <summary>Person Name.</summary>
    PN = 0x504E,

    /// <summary>Short String.</summary>
    SH = 0x5348,

    /// <summary>Signed Long.</summary>
    SL = 0x534C,

    /// <summary>Sequence of Items.</summary>
    SQ = 0x5351,

    /// <summary>Signed Short.</summary>
    SS = 0x5353,

    /// <summary>Short Text.</summary>
    ST = 0x5354,

    /// <summary>Signed 64-bit Very Long.</summary>
    SV = 0x5356,

    /// <summary>Time.</summary>
    TM = 0x544D,

    /// <summary>Unlimited Characters.</summary>
    UC = 0x5543,

    /// <summary>Unique Identifier.</summary>
    UI = 0x5549,

    /// <summary>Unsigned Long.</summary>
    UL = 0x554C,

    /// <summary>Unknown.</summary>
    UN = 0x554E,

    /// <summary>Universal Resource Identifier or Locator.</summary>
    UR = 0x5552,

    /// <summary>Unsigned Short.</summary>
    US = 0x5553,

    /// <summary>Unlimited Text.</summary>
    UT = 0x5554,

    /// <summary>Unsigned 64-bit Very Long.</summary>
    UV = 0x5556,
}
