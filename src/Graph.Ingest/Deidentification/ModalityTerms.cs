using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Graph.Ingest.Deidentification;

/// <summary>Which values of Modality (0008,0060) the catalogue stores: defined terms, never free text.</summary>
/// <remarks>
/// A term of PS3.3 C.7.3.1.1.1 (current or retired) is kept as it is, even when a patient's name has a word that equals
/// it (pydicom's CQ500-CT-310). Any other value is kept only when it is shaped as a defined term (upper-case letters,
/// digits and '_', 2 to 16 characters, a letter first) and the de-identifier's cleaner finds no identifying value in it.
/// </remarks>
internal static partial class ModalityTerms
{
    private static readonly FrozenSet<string> Defined = FrozenSet.Create(
        StringComparer.Ordinal,
        "ANN", "AR", "ASMT", "AU", "BDUS", "BI", "BMD", "CFM", "CR", "CT", "CTPROTOCOL", "DG", "DMS", "DOC", "DX", "ECG", "EEG",
        "EMG", "EOG", "EPS", "ES", "FID", "GM", "HC", "HD", "IO", "IOL", "IVOCT", "IVUS", "KER", "KO", "LEN", "LS", "M3D", "MG",
        "MR", "NM", "OAM", "OCT", "OP", "OPM", "OPT", "OPTBSV", "OPTENF", "OPV", "OSS", "OT", "PA", "PLAN", "POS", "PR", "PT",
        "PX", "REG", "RESP", "RF", "RG", "RTDOSE", "RTIMAGE", "RTINTENT", "RTPLAN", "RTRAD", "RTRECORD", "RTSEGANN", "RTSTRUCT",
        "RWV", "SEG", "SM", "SMR", "SR", "SRF", "STAIN", "TEXTUREMAP", "TG", "US", "VA", "XA", "XAPROTOCOL", "XC",
        // Retired.
        "AS", "CD", "CF", "CP", "CS", "DD", "DF", "DM", "DS", "EC", "FA", "FS", "LP", "MA", "MS", "OPR", "ST", "VF");

    /// <summary>The modality to store, or null when the value is not a defined term or may identify someone.</summary>
    public static string? Accepted(string? modality, DescriptorCleaner cleaner)
    {
        if (modality is null)
            return null;
        if (Defined.Contains(modality))
            return modality;
        return Shaped().IsMatch(modality) && cleaner.Clean(modality) is not null ? modality : null;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shaped();
}
