using System.Security.Cryptography;
using System.Text;
using Graph.Dicom;
using Graph.Ingest.Deidentification;

namespace Graph.Ingest.Harvest;

/// <summary>Fingerprints a study from its QIDO-RS attributes, so a later run reads and writes only the studies that changed.</summary>
/// <remarks>
/// The fingerprint covers every study attribute the harvester asks for (patient id, dates, description, modalities,
/// and the numbers of series and instances), the de-identification settings and a mapping version. It is a keyed
/// hash (HMAC-SHA256, key derived from the de-identification key), so the checkpoint holds nothing from which a
/// patient id can be recomputed. A change inside a series that leaves the study's attributes and counts as they were
/// (an instance replaced in place) is not seen: run with Full to re-read everything.
/// </remarks>
internal sealed class StudyFingerprints
{
    // Bump when the mapping from DICOM to catalogue fields changes, so every study is written again once.
    private const string MappingVersion = "harvest-mapping/1";

    private readonly byte[] _key;
    private readonly string _settings;

    public StudyFingerprints(DeidentificationKey? key, bool passThroughIds, bool remapUids, bool retainCleanDescriptions)
    {
        _key = key is null
            ? SHA256.HashData("cancer-imaging-graph/harvest-fingerprint/v1"u8)
            : HMACSHA256.HashData(key.PatientKey, "cancer-imaging-graph/harvest-fingerprint/v1"u8);
        _settings = $"{MappingVersion};passThrough={passThroughIds};remap={remapUids};descriptions={retainCleanDescriptions}\n";
    }

    /// <summary>The fingerprint of a study as a QIDO-RS study query gave it: 32 hexadecimal digits.</summary>
    public string Of(DicomDataset study)
    {
        var text = new StringBuilder(_settings);
        foreach (var tag in DicomWebTags.Study)
            text.Append(tag.ToString()).Append('=').AppendJoin('\\', study.GetStrings(tag)).Append('\n');
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 16));
    }
}
