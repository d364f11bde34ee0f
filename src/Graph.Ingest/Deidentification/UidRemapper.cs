using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Ingest.Deidentification;

/// <summary>Replaces a DICOM UID by a keyed one under the 2.25 root: the same UID and key always give the same result.</summary>
/// <remarks>
/// The new UID is 2.25 followed by a 128-bit number in decimal, made of 16 bytes of HMAC-SHA256 of the old UID and
/// stamped as a version 8 UUID (ISO/IEC 9834-8, RFC 9562), so it is a well-formed UID of at most 44 characters.
/// </remarks>
internal sealed class UidRemapper(DeidentificationKey key)
{
    /// <summary>The remapped UID.</summary>
    public string Remap(string uid)
    {
        ArgumentException.ThrowIfNullOrEmpty(uid);
        var length = Encoding.ASCII.GetByteCount(uid);
        var message = length <= 256 ? stackalloc byte[length] : new byte[length];
        Encoding.ASCII.GetBytes(uid, message);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.UidKey, message, hash);
        var high = BinaryPrimitives.ReadUInt64BigEndian(hash);
        var low = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
        high = (high & ~0xF000UL) | 0x8000UL;
        low = (low & 0x3FFFFFFFFFFFFFFFUL) | 0x8000000000000000UL;
        return "2.25." + new UInt128(high, low).ToString(CultureInfo.InvariantCulture);
    }
}
