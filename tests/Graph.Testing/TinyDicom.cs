using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Graph.Dicom;

namespace Graph.Testing;

/// <summary>Writes tiny but valid DICOM Part 10 files (explicit VR little endian, CT or MR header, no pixel data) with new UIDs,
/// fast enough to fill an Orthanc with thousands of series.</summary>
public static class TinyDicom
{
    /// <summary>A new UID under the 2.25 root.</summary>
    public static string NewUid()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return "2.25." + new UInt128(BinaryPrimitives.ReadUInt64BigEndian(bytes), BinaryPrimitives.ReadUInt64BigEndian(bytes[8..])).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bytes of one instance.</summary>
    public static byte[] Instance(TinyInstance i)
    {
        var mr = i.Modality == "MR";
        var sopClass = mr ? "1.2.840.10008.5.1.4.1.1.4" : "1.2.840.10008.5.1.4.1.1.2";
        var file = new TestDicomFile()
            .Set(DicomTag.MediaStorageSOPClassUID, sopClass)
            .Set(DicomTag.ImplementationClassUID, "1.2.826.0.1.3680043.10.999.1")
            .Set(DicomTag.SpecificCharacterSet, "ISO_IR 192")
            .Set(DicomTag.SOPClassUID, sopClass)
            .Set(DicomTag.SOPInstanceUID, i.SopInstanceUid)
            .Set(DicomTag.StudyDate, i.StudyDate)
            .Set(DicomTag.Modality, i.Modality)
            .Set(DicomTag.Manufacturer, "SYNTHETIC MEDICAL")
            .Set(DicomTag.StudyDescription, i.StudyDescription)
            .Set(DicomTag.SeriesDescription, i.SeriesDescription)
            .Set(DicomTag.ManufacturerModelName, mr ? "Synthetic MR 3T" : "Synthetic CT 64")
            .Set(DicomTag.PatientName, i.PatientName)
            .Set(DicomTag.PatientID, i.PatientId)
            .Set(DicomTag.PatientBirthDate, "19600514")
            .Set(DicomTag.PatientSex, i.PatientSex)
            .Set(DicomTag.BodyPartExamined, mr ? "PROSTATE" : "CHEST")
            .Set(DicomTag.SliceThickness, i.SliceThickness)
            .Set(DicomTag.StudyInstanceUID, i.StudyInstanceUid)
            .Set(DicomTag.SeriesInstanceUID, i.SeriesInstanceUid)
            .Set(DicomTag.SeriesNumber, i.SeriesNumber.ToString(CultureInfo.InvariantCulture))
            .Set(DicomTag.InstanceNumber, i.InstanceNumber.ToString(CultureInfo.InvariantCulture))
            .Set(DicomTag.PixelSpacing, @"0.7\0.7");
        return (mr ? file.Set(DicomTag.MagneticFieldStrength, "3") : file.Set(DicomTag.KVP, "120")).ToBytes();
    }
}
