using Graph.Dicom;
using static Graph.Ingest.Deidentification.AttributeTreatment;

namespace Graph.Ingest.Deidentification;

/// <summary>The attributes ingest reads, and the identifying ones it names as dropped, after PS3.15 Annex E Table E.1-1.</summary>
/// <remarks>
/// Ingest follows the Basic Application Level Confidentiality Profile with the Retain Patient Characteristics
/// Option (sex and age are kept), Retain Longitudinal Temporal Information with Modified Dates (reduced to the year),
/// the Clean Descriptors Option (descriptions kept only when clean) and, unless UIDs are remapped, the Retain UIDs
/// Option. It is an allow-list: <see cref="DicomDeidentifier"/> reads only the attributes of <see cref="Allowed"/>
/// into catalogue fields, so every other attribute, the Table E.1-1 ones listed here as <see cref="Removed"/> and all
/// the others (private groups, overlays, curves, every sequence not listed), never reaches the graph. The sequences listed
/// are read only for the UIDs, codes and clean labels of the annotations of segmentations and RT structure sets.
/// </remarks>
internal static class AnnexEProfile
{
    /// <summary>The table: every attribute ingest reads, and the identifying ones it drops.</summary>
    public static readonly IReadOnlyList<AnnexEAttribute> Attributes =
    [
        // Patient identity: pseudonymised, or read only to recognise it in descriptions.
        new(DicomTag.PatientID, "Z", Pseudonymised),
        new(DicomTag.IssuerOfPatientID, "X", Pseudonymised),
        new(DicomTag.PatientName, "Z", ReadToClean),
        new(DicomTag.OtherPatientNames, "X", ReadToClean),
        new(new DicomTag(0x0010, 0x1005), "X", ReadToClean), // Patient's Birth Name
        new(new DicomTag(0x0010, 0x1060), "X", ReadToClean), // Patient's Mother's Birth Name
        new(DicomTag.OtherPatientIDs, "X", ReadToClean),
        new(new DicomTag(0x0010, 0x1040), "X", ReadToClean), // Patient's Address
        new(new DicomTag(0x0010, 0x2154), "X", ReadToClean), // Patient's Telephone Numbers
        new(new DicomTag(0x0010, 0x2297), "X", ReadToClean), // Responsible Person
        new(new DicomTag(0x0010, 0x2299), "X", ReadToClean), // Responsible Organization
        new(new DicomTag(0x0010, 0x2152), "X", ReadToClean), // Region of Residence
        new(DicomTag.OtherPatientIDsSequence, "X", Dropped),
        new(new DicomTag(0x0010, 0x0032), "X", Dropped), // Patient's Birth Time
        new(DicomTag.PatientComments, "X", Dropped),
        new(new DicomTag(0x0010, 0x21B0), "X", Dropped), // Additional Patient History
        new(DicomTag.EthnicGroup, "X", Dropped),
        new(DicomTag.PatientSize, "X", Dropped),
        new(DicomTag.PatientWeight, "X", Dropped),

        // Staff, institution and equipment identity.
        new(DicomTag.ReferringPhysicianName, "Z", ReadToClean),
        new(new DicomTag(0x0008, 0x0092), "X", Dropped), // Referring Physician's Address
        new(new DicomTag(0x0008, 0x0094), "X", Dropped), // Referring Physician's Telephone Numbers
        new(new DicomTag(0x0008, 0x1048), "X", ReadToClean), // Physician(s) of Record
        new(DicomTag.PerformingPhysicianName, "X", ReadToClean),
        new(new DicomTag(0x0008, 0x1060), "X", ReadToClean), // Name of Physician(s) Reading Study
        new(DicomTag.OperatorsName, "X", ReadToClean),
        new(new DicomTag(0x0032, 0x1032), "X", ReadToClean), // Requesting Physician
        new(DicomTag.InstitutionName, "X/Z/D", ReadToClean),
        new(DicomTag.InstitutionAddress, "X", ReadToClean),
        new(DicomTag.InstitutionalDepartmentName, "X", ReadToClean),
        new(DicomTag.StationName, "X/Z/D", ReadToClean),
        new(DicomTag.DeviceSerialNumber, "X/Z/D", ReadToClean),

        // Visit identity and free text.
        new(DicomTag.AccessionNumber, "Z", ReadToClean),
        new(DicomTag.StudyID, "Z", ReadToClean),
        new(DicomTag.ProtocolName, "X/D", Dropped),
        new(new DicomTag(0x0008, 0x1080), "X", Dropped), // Admitting Diagnoses Description
        new(new DicomTag(0x0032, 0x4000), "X", Dropped), // Study Comments
        new(DicomTag.ImageComments, "X", Dropped),
        new(new DicomTag(0x0040, 0x0275), "X", Dropped), // Request Attributes Sequence
        new(DicomTag.FrameOfReferenceUID, "U", Dropped),

        // Dates and times: the year of a date is kept, times are dropped.
        new(DicomTag.StudyDate, "Z", KeepYear),
        new(DicomTag.SeriesDate, "X/D", KeepYear),
        new(DicomTag.AcquisitionDate, "X/Z", KeepYear),
        new(DicomTag.ContentDate, "Z/D", KeepYear),
        new(DicomTag.AcquisitionDateTime, "X/D", KeepYear),
        new(DicomTag.StudyTime, "Z", Dropped),
        new(DicomTag.SeriesTime, "X/D", Dropped),
        new(DicomTag.AcquisitionTime, "X/Z", Dropped),
        new(DicomTag.ContentTime, "Z/D", Dropped),

        // Patient characteristics (Retain Patient Characteristics Option).
        new(DicomTag.PatientSex, "Z", Kept),
        new(DicomTag.PatientAge, "X", AgeInYears),
        new(DicomTag.PatientBirthDate, "Z", AgeInYears),

        // UIDs (Retain UIDs Option, or remapped).
        new(DicomTag.StudyInstanceUID, "U", UidKeptOrRemapped),
        new(DicomTag.SeriesInstanceUID, "U", UidKeptOrRemapped),
        new(DicomTag.SOPInstanceUID, "U", CountedOrTested),
        new(DicomTag.MediaStorageSOPInstanceUID, "U", CountedOrTested),

        // Descriptions (Clean Descriptors Option).
        new(DicomTag.StudyDescription, "X", KeptIfClean),
        new(DicomTag.SeriesDescription, "X", KeptIfClean),
        new(DicomTag.ContrastBolusAgent, "Z/D", CountedOrTested),

        // Segmentations and RT structure sets: what is annotated, how, and on which series (see DicomDeidentifier.Annotation).
        new(DicomTag.SOPClassUID, "-", CountedOrTested),
        new(AnnotationTags.SegmentSequence, "-", Kept),
        new(AnnotationTags.SegmentLabel, "-", KeptIfClean),
        new(AnnotationTags.SegmentAlgorithmName, "-", KeptIfClean),
        new(AnnotationTags.SegmentedPropertyTypeCodeSequence, "-", Kept),
        new(AnnotationTags.CodeValue, "-", Kept),
        new(AnnotationTags.CodingSchemeDesignator, "-", Kept),
        new(AnnotationTags.ContentDescription, "X", KeptIfClean),
        new(AnnotationTags.ReferencedSeriesSequence, "X", Kept),
        new(AnnotationTags.StructureSetLabel, "D", KeptIfClean),
        new(AnnotationTags.StructureSetName, "X", KeptIfClean),
        new(AnnotationTags.StructureSetDescription, "X", KeptIfClean),
        new(AnnotationTags.StructureSetRoiSequence, "-", Kept),
        new(AnnotationTags.RoiName, "X", KeptIfClean),
        new(AnnotationTags.RtRoiObservationsSequence, "-", Kept),
        new(AnnotationTags.RtRoiIdentificationCodeSequence, "-", Kept),
        new(AnnotationTags.ReferencedFrameOfReferenceSequence, "X", Kept),
        new(AnnotationTags.RtReferencedStudySequence, "X", Kept),
        new(AnnotationTags.RtReferencedSeriesSequence, "X", Kept),
        new(new DicomTag(0x0070, 0x0084), "Z", Dropped), // Content Creator's Name

        // Acquisition facts that Table E.1-1 does not list.
        new(DicomTag.MediaStorageSOPClassUID, "-", CountedOrTested),
        new(DicomTag.InstanceNumber, "-", CountedOrTested),
        new(DicomTag.Modality, "-", Kept),
        new(DicomTag.BodyPartExamined, "-", Kept),
        new(DicomTag.Manufacturer, "-", Kept),
        new(DicomTag.ManufacturerModelName, "-", Kept),
        new(DicomTag.SeriesNumber, "-", Kept),
        new(DicomTag.SliceThickness, "-", Kept),
        new(DicomTag.PixelSpacing, "-", Kept),
        new(DicomTag.SharedFunctionalGroupsSequence, "-", Kept),
        new(DicomTag.PixelMeasuresSequence, "-", Kept),
        new(DicomTag.MagneticFieldStrength, "-", Kept),
        new(DicomTag.KVP, "-", Kept),
    ];

    /// <summary>The allow-list: the attributes whose values, transformed as the table says, may reach catalogue fields.</summary>
    public static readonly IReadOnlySet<DicomTag> Allowed = Attributes.Where(a => a.IsAllowed).Select(a => a.Tag).ToHashSet();

    /// <summary>The identifying attributes listed as dropped or read only to clean descriptions.</summary>
    public static readonly IReadOnlyList<DicomTag> Removed = Attributes.Where(a => !a.IsAllowed).Select(a => a.Tag).ToArray();

    /// <summary>The attributes whose values must not appear in a kept description or a pass-through id.</summary>
    public static readonly IReadOnlyList<DicomTag> Identifying =
        Attributes.Where(a => a.Treatment is ReadToClean or Pseudonymised).Select(a => a.Tag).ToArray();
}
