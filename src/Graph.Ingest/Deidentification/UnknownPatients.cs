using System.Security.Cryptography;

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
        return PatientPseudonyms.Of(_key, issuer, studyUid);
    }
}
