using Graph.Dicom;

namespace Graph.Testing;

/// <summary>Segmentation (SEG) and RT structure set (RTSTRUCT) instances built like real ones (dcmqi's SEG as pydicom ships it in
/// liver_1frame.dcm, pydicom's rtstruct.dcm), on the patient and study of an image instance.</summary>
public static class TestAnnotations
{
    /// <summary>Segmentation Storage.</summary>
    public const string SegmentationStorage = "1.2.840.10008.5.1.4.1.1.66.4";

    /// <summary>RT Structure Set Storage.</summary>
    public const string RtStructureSetStorage = "1.2.840.10008.5.1.4.1.1.481.3";

    /// <summary>One segment: its label and the code of its segmented property type (SCT 10200004 for the liver).</summary>
    public sealed record Segment(string Label, string Scheme, string Code, string Meaning, string Algorithm = "SlicerEditor");

    /// <summary>One ROI of a structure set: its name and, optionally, the code of what it is (RT ROI Identification Code Sequence).</summary>
    public sealed record Roi(string Name, string? Scheme = null, string? Code = null, string? Meaning = null)
    {
        public static implicit operator Roi(string name) => new(name);
    }

    /// <summary>A SEG drawn on an image series: the image's patient and study header, a series and SOP instance of its own, a
    /// Referenced Series Sequence naming the source series and some of its instances, and one Segment Sequence item per segment.</summary>
    public static TestDicomFile Segmentation(TestDicomFile image, string seriesUid, string sopUid, string sourceSeriesUid, IReadOnlyList<string> sourceSops, params Segment[] segments)
    {
        var seg = Derived(image, SegmentationStorage, "SEG", seriesUid, sopUid)
            .Set(DicomTag.Manufacturer, "LO", "QIICR")
            .Set(DicomTag.ManufacturerModelName, "LO", "https://github.com/fedorov/dcmqi.git")
            .Set(DicomTag.SeriesDescription, "LO", "Segmentation")
            .Set(DicomTag.ImageType, "CS", @"DERIVED\PRIMARY")
            .Set(new DicomTag(0x0062, 0x0001), "CS", "BINARY")
            .Set(new DicomTag(0x0070, 0x0080), "CS", "SEGMENTATION")
            .Set(new DicomTag(0x0070, 0x0081), "LO", "Organ segmentation")
            .Set(new DicomTag(0x0070, 0x0084), "PN", "")
            .Sequence(
                DicomTag.ReferencedSeriesSequence,
                new TestDicomFile()
                    .Sequence(
                        new DicomTag(0x0008, 0x114A),
                        sourceSops.Select(sop => new TestDicomFile().Set(DicomTag.ReferencedSOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.2").Set(DicomTag.ReferencedSOPInstanceUID, "UI", sop)).ToArray())
                    .Set(DicomTag.SeriesInstanceUID, "UI", sourceSeriesUid))
            .Sequence(
                DicomTag.SegmentSequence,
                segments.Select((s, i) => new TestDicomFile()
                    .Sequence(new DicomTag(0x0062, 0x0003), Code("SCT", "91723000", "Anatomical Structure"))
                    .Binary(new DicomTag(0x0062, 0x0004), "US", BitConverter.GetBytes((ushort)(i + 1)))
                    .Set(DicomTag.SegmentLabel, "LO", s.Label)
                    .Set(new DicomTag(0x0062, 0x0008), "CS", "SEMIAUTOMATIC")
                    .Set(DicomTag.SegmentAlgorithmName, "LO", s.Algorithm)
                    .Sequence(DicomTag.SegmentedPropertyTypeCodeSequence, Code(s.Scheme, s.Code, s.Meaning))).ToArray());
        return seg;
    }

    /// <summary>An RTSTRUCT on an image series: the image's patient and study header, a series and SOP instance of its own, the
    /// Referenced Frame of Reference Sequence down to the source series, one Structure Set ROI Sequence item per ROI and one RT ROI
    /// Observations Sequence item per ROI (with the ROI's code when it has one).</summary>
    public static TestDicomFile StructureSet(TestDicomFile image, string seriesUid, string sopUid, string sourceStudyUid, string sourceSeriesUid, params Roi[] rois)
    {
        const string frame = "1.2.826.0.1.3680043.10.999.9.1";
        return Derived(image, RtStructureSetStorage, "RTSTRUCT", seriesUid, sopUid)
            .Set(DicomTag.Manufacturer, "LO", "pydicom")
            .Set(DicomTag.ManufacturerModelName, "LO", "TPS")
            .Set(DicomTag.SeriesDescription, "LO", "Structures")
            .Set(new DicomTag(0x3006, 0x0002), "SH", "CONTOURS")
            .Set(new DicomTag(0x3006, 0x0004), "LO", "Planning contours")
            .Set(new DicomTag(0x3006, 0x0008), "DA", "20190304")
            .Set(new DicomTag(0x3006, 0x0009), "TM", "122507")
            .Sequence(
                DicomTag.ReferencedFrameOfReferenceSequence,
                new TestDicomFile()
                    .Set(DicomTag.FrameOfReferenceUID, "UI", frame)
                    .Sequence(
                        new DicomTag(0x3006, 0x0012),
                        new TestDicomFile()
                            .Set(DicomTag.ReferencedSOPClassUID, "UI", "1.2.840.10008.3.1.2.3.1")
                            .Set(DicomTag.ReferencedSOPInstanceUID, "UI", sourceStudyUid)
                            .Sequence(new DicomTag(0x3006, 0x0014), new TestDicomFile().Set(DicomTag.SeriesInstanceUID, "UI", sourceSeriesUid))))
            .Sequence(
                DicomTag.StructureSetROISequence,
                rois.Select((roi, i) => new TestDicomFile()
                    .Set(new DicomTag(0x3006, 0x0022), "IS", Number(i + 1))
                    .Set(new DicomTag(0x3006, 0x0024), "UI", frame)
                    .Set(new DicomTag(0x3006, 0x0026), "LO", roi.Name)
                    .Set(new DicomTag(0x3006, 0x0036), "CS", "MANUAL")).ToArray())
            .Sequence(
                new DicomTag(0x3006, 0x0080),
                rois.Select((roi, i) =>
                {
                    var observation = new TestDicomFile()
                        .Set(new DicomTag(0x3006, 0x0082), "IS", Number(i + 1))
                        .Set(new DicomTag(0x3006, 0x0084), "IS", Number(i + 1))
                        .Set(new DicomTag(0x3006, 0x00A4), "CS", "ORGAN")
                        .Set(new DicomTag(0x3006, 0x00A6), "PN", "");
                    return roi.Code is null ? observation : observation.Sequence(new DicomTag(0x3006, 0x0086), Code(roi.Scheme!, roi.Code, roi.Meaning ?? roi.Name));
                }).ToArray());
    }

    private static TestDicomFile Derived(TestDicomFile image, string sopClass, string modality, string seriesUid, string sopUid) =>
        image.Copy()
            .Remove(DicomTag.PixelData)
            .Remove(DicomTag.SliceThickness)
            .Remove(DicomTag.PixelSpacing)
            .Remove(DicomTag.MagneticFieldStrength)
            .Set(DicomTag.SOPClassUID, "UI", sopClass)
            .Set(DicomTag.MediaStorageSOPClassUID, "UI", sopClass)
            .Set(DicomTag.SOPInstanceUID, "UI", sopUid)
            .Set(DicomTag.Modality, "CS", modality)
            .Set(DicomTag.SeriesInstanceUID, "UI", seriesUid)
            .Set(DicomTag.SeriesNumber, "IS", "99")
            .Set(DicomTag.InstanceNumber, "IS", "1");

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TestDicomFile Code(string scheme, string value, string meaning) =>
        new TestDicomFile().Set(DicomTag.CodeValue, "SH", value).Set(DicomTag.CodingSchemeDesignator, "SH", scheme).Set(new DicomTag(0x0008, 0x0104), "LO", meaning);
}
