using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Ingest.Deidentification;

/// <summary>The pseudonym of the patient of a study whose PatientID is empty: a keyed hash of the issuer and the Study Instance UID.</summary>
/// <remarks>
/// One patient per study, stable across re-ingests and harvests, never merged with another study's nor equal to a
/// patient id's pseudonym (its own key, derived from the deployment secret for this purpose). Without a key (ids pass
/// through and UIDs are kept, so the UID is in the graph already) the hash is unkeyed.
/// </remarks>
internal sealed class UnknownPatients(DeidentificationKey? key)
{
    private readonly byte[]? _key = key is null ? null : HMACSHA256.HashData(key.PatientKey, "cancer-imaging-graph/unknown-patient/v1"u8);

    /// <summary>The pseudonym of the unknown patient of a study (issuer null or empty when unknown).</summary>
    public string Create(string? issuer, string studyUid)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyUid);
        issuer ??= string.Empty;
        var length = 4 + Encoding.UTF8.GetByteCount(issuer) + Encoding.UTF8.GetByteCount(studyUid);
        var message = length <= 512 ? stackalloc byte[length] : new byte[length];
        var issuerLength = Encoding.UTF8.GetBytes(issuer, message[4..]);
        BinaryPrimitives.WriteInt32BigEndian(message, issuerLength);
        Encoding.UTF8.GetBytes(studyUid, message[(4 + issuerLength)..]);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (_key is null)
            SHA256.HashData(message, hash);
        else
            HMACSHA256.HashData(_key, message, hash);
        return PatientPseudonyms.Prefix + Base32.Encode(hash[..16]);
    }
}
