using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>The attributes of segmentations (SEG) and RT structure sets (RTSTRUCT) that annotations are read from.</summary>
internal static class AnnotationTags
{
    /// <summary>The SOP Class UID of Segmentation Storage.</summary>
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";

    /// <summary>The SOP Class UID of RT Structure Set Storage.</summary>
    public const string RtStructureSetStorage = "1.2.840.10008.5.1.4.1.1.481.3";

    /// <summary>(0008,1115) Referenced Series Sequence: the series a SEG was derived from.</summary>
    public static readonly DicomTag ReferencedSeriesSequence = DicomTag.ReferencedSeriesSequence;

    /// <summary>(0062,0002) Segment Sequence.</summary>
    public static readonly DicomTag SegmentSequence = DicomTag.SegmentSequence;

    /// <summary>(0062,0005) Segment Label.</summary>
    public static readonly DicomTag SegmentLabel = DicomTag.SegmentLabel;

    /// <summary>(0062,0009) Segment Algorithm Name.</summary>
    public static readonly DicomTag SegmentAlgorithmName = DicomTag.SegmentAlgorithmName;

    /// <summary>(0062,000F) Segmented Property Type Code Sequence.</summary>
    public static readonly DicomTag SegmentedPropertyTypeCodeSequence = DicomTag.SegmentedPropertyTypeCodeSequence;

    /// <summary>(0008,0100) Code Value.</summary>
    public static readonly DicomTag CodeValue = DicomTag.CodeValue;

    /// <summary>(0008,0102) Coding Scheme Designator.</summary>
    public static readonly DicomTag CodingSchemeDesignator = DicomTag.CodingSchemeDesignator;

    /// <summary>(0070,0081) Content Description.</summary>
    public static readonly DicomTag ContentDescription = new(0x0070, 0x0081);

    /// <summary>(3006,0002) Structure Set Label.</summary>
    public static readonly DicomTag StructureSetLabel = new(0x3006, 0x0002);

    /// <summary>(3006,0004) Structure Set Name.</summary>
    public static readonly DicomTag StructureSetName = new(0x3006, 0x0004);

    /// <summary>(3006,0006) Structure Set Description.</summary>
    public static readonly DicomTag StructureSetDescription = new(0x3006, 0x0006);

    /// <summary>(3006,0010) Referenced Frame of Reference Sequence.</summary>
    public static readonly DicomTag ReferencedFrameOfReferenceSequence = DicomTag.ReferencedFrameOfReferenceSequence;

    /// <summary>(3006,0012) RT Referenced Study Sequence.</summary>
    public static readonly DicomTag RtReferencedStudySequence = new(0x3006, 0x0012);

    /// <summary>(3006,0014) RT Referenced Series Sequence.</summary>
    public static readonly DicomTag RtReferencedSeriesSequence = new(0x3006, 0x0014);

    /// <summary>(3006,0020) Structure Set ROI Sequence.</summary>
    public static readonly DicomTag StructureSetRoiSequence = DicomTag.StructureSetROISequence;

    /// <summary>(3006,0080) RT ROI Observations Sequence.</summary>
    public static readonly DicomTag RtRoiObservationsSequence = new(0x3006, 0x0080);

    /// <summary>(3006,0086) RT ROI Identification Code Sequence: what an ROI is, coded.</summary>
    public static readonly DicomTag RtRoiIdentificationCodeSequence = new(0x3006, 0x0086);

    /// <summary>(3006,0026) ROI Name.</summary>
    public static readonly DicomTag RoiName = new(0x3006, 0x0026);
}
