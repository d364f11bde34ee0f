using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Graph.Ingest.Deidentification;

/// <summary>Turns a patient id and its issuer into a keyed pseudonym: "PSN-" and the base32 of 16 bytes of HMAC-SHA256.</summary>
/// <remarks>
/// The same issuer, id and key always give the same pseudonym, so re-ingesting and harvesting agree; without the
/// key a pseudonym cannot be traced back nor recomputed from a guessed id. The issuer is length-prefixed, so
/// ("A", "BC") and ("AB", "C") differ.
/// </remarks>
internal sealed class PatientPseudonyms(DeidentificationKey key)
{
    /// <summary>What every pseudonym starts with.</summary>
    public const string Prefix = "PSN-";

    /// <summary>The pseudonym of a patient id of an issuer (null or empty when unknown).</summary>
    public string Create(string? issuer, string patientId)
    {
        ArgumentException.ThrowIfNullOrEmpty(patientId);
        return Of(key.PatientKey, issuer, patientId);
    }

    /// <summary>"PSN-" and the base32 of the first 16 bytes of HMAC-SHA256 (SHA-256 with an empty key) of the length-prefixed issuer
    /// and the value.</summary>
    internal static string Of(ReadOnlySpan<byte> hashKey, string? issuer, string value)
    {
        issuer ??= string.Empty;
        var length = 4 + Encoding.UTF8.GetByteCount(issuer) + Encoding.UTF8.GetByteCount(value);
        var message = length <= 512 ? stackalloc byte[length] : new byte[length];
        var issuerLength = Encoding.UTF8.GetBytes(issuer, message[4..]);
        BinaryPrimitives.WriteInt32BigEndian(message, issuerLength);
        Encoding.UTF8.GetBytes(value, message[(4 + issuerLength)..]);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hashKey.IsEmpty)
            SHA256.HashData(message, hash);
        else
            HMACSHA256.HashData(hashKey, message, hash);
        return Prefix + Base32.Encode(hash[..16]);
    }
}
