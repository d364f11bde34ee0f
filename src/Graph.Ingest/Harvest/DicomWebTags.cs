using System.Globalization;
using Graph.Dicom;

namespace Graph.Ingest.Harvest;

/// <summary>The attributes the harvester asks QIDO-RS for, by name: servers such as Orthanc ignore <c>includefield=all</c>.</summary>
internal static class DicomWebTags
{
    /// <summary>(0020,1209) Number of Series Related Instances.</summary>
    public static readonly DicomTag NumberOfSeriesRelatedInstances = new(0x0020, 0x1209);

    /// <summary>Study-level attributes: everything the study fingerprint covers.</summary>
    public static readonly IReadOnlyList<DicomTag> Study =
    [
        DicomTag.StudyInstanceUID, DicomTag.StudyDate, DicomTag.StudyDescription, DicomTag.PatientID, DicomTag.IssuerOfPatientID,
        DicomTag.PatientSex, DicomTag.PatientAge, DicomTag.PatientBirthDate, DicomTag.ModalitiesInStudy,
        DicomTag.NumberOfStudyRelatedSeries, DicomTag.NumberOfStudyRelatedInstances,
    ];

    /// <summary>Series-level attributes: the series and its instance count.</summary>
    public static readonly IReadOnlyList<DicomTag> Series =
        [DicomTag.SeriesInstanceUID, DicomTag.Modality, DicomTag.SeriesNumber, NumberOfSeriesRelatedInstances];

    /// <summary>Instance-level attributes: enough to fetch the instance's metadata.</summary>
    public static readonly IReadOnlyList<DicomTag> Instance = [DicomTag.SOPInstanceUID, DicomTag.InstanceNumber];

    /// <summary>The query string that asks for attributes by tag (<c>includefield=0020000D&amp;...</c>).</summary>
    public static string IncludeFields(IReadOnlyList<DicomTag> tags) =>
        string.Join('&', tags.Select(t => "includefield=" + t.Value.ToString("X8", CultureInfo.InvariantCulture)));
}
