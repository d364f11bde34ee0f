namespace Graph.Dicom.IO;

/// <summary>How a transfer syntax encodes the data set: VR explicit or implicit, byte order, deflate.</summary>
/// <param name="Uid">The transfer syntax UID.</param>
/// <param name="ExplicitVR">Whether elements carry their VR.</param>
/// <param name="BigEndian">Whether numbers are big endian.</param>
/// <param name="Deflated">Whether the data set after the file meta information is deflate-compressed.</param>
internal sealed record TransferSyntax(string Uid, bool ExplicitVR, bool BigEndian, bool Deflated)
{
    public const string ImplicitVRLittleEndianUid = "1.2.840.10008.1.2";
    public const string ExplicitVRLittleEndianUid = "1.2.840.10008.1.2.1";
    public const string DeflatedExplicitVRLittleEndianUid = "1.2.840.10008.1.2.1.99";
    public const string ExplicitVRBigEndianUid = "1.2.840.10008.1.2.2";
    public const string JpipReferencedDeflateUid = "1.2.840.10008.1.2.4.95";

    public static readonly TransferSyntax ImplicitVRLittleEndian = new(ImplicitVRLittleEndianUid, false, false, false);
    public static readonly TransferSyntax ExplicitVRLittleEndian = new(ExplicitVRLittleEndianUid, true, false, false);
    public static readonly TransferSyntax ExplicitVRBigEndian = new(ExplicitVRBigEndianUid, true, true, false);

    /// <summary>Describes a transfer syntax UID; every other UID (JPEG, JPEG-LS, JPEG 2000, RLE, MPEG...) is explicit VR little endian.</summary>
    public static TransferSyntax From(string uid) => uid switch
    {
        ImplicitVRLittleEndianUid => ImplicitVRLittleEndian,
        ExplicitVRLittleEndianUid => ExplicitVRLittleEndian,
        ExplicitVRBigEndianUid => ExplicitVRBigEndian,
        DeflatedExplicitVRLittleEndianUid or JpipReferencedDeflateUid => new(uid, true, false, true),
        _ => new(uid, true, false, false),
    };
}
