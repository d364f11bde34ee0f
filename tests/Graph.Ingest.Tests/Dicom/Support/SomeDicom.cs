using System.Globalization;
using Graph.Dicom;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>Valid DICOM instances for tests, with a full header whose identifying values are easy to search for.</summary>
internal static class SomeDicom
{
    public const string Root = "1.2.826.0.1.3680043.10.999";

    /// <summary>An MR instance of a series of a study of a patient; every argument can be overridden afterwards with Set.</summary>
    public static TestDicomFile Instance(string patientId = "PAT001", int study = 1, int series = 1, int instance = 1, string modality = "MR") =>
        new TestDicomFile()
            .Set(DicomTag.SpecificCharacterSet, "CS", "ISO_IR 100")
            .Set(DicomTag.SOPClassUID, "UI", "1.2.840.10008.5.1.4.1.1.4")
            .Set(DicomTag.SOPInstanceUID, "UI", Sop(study, series, instance))
            .Set(DicomTag.StudyDate, "DA", "20190304")
            .Set(DicomTag.SeriesDate, "DA", "20190304")
            .Set(DicomTag.StudyTime, "TM", "101010")
            .Set(DicomTag.AccessionNumber, "SH", "ACC" + study.ToString(CultureInfo.InvariantCulture))
            .Set(DicomTag.Modality, "CS", modality)
            .Set(DicomTag.Manufacturer, "LO", "ACME")
            .Set(DicomTag.InstitutionName, "LO", "Saint Zebedee Hospital")
            .Set(DicomTag.ReferringPhysicianName, "PN", "Quimby^Horace")
            .Set(DicomTag.StudyDescription, "LO", "MRI PELVIS")
            .Set(DicomTag.SeriesDescription, "LO", "AX T2")
            .Set(DicomTag.OperatorsName, "PN", "Xanthe^Operator")
            .Set(DicomTag.ManufacturerModelName, "LO", "Model 3T")
            .Set(DicomTag.PatientName, "PN", "Doe^Janeth")
            .Set(DicomTag.PatientID, "LO", patientId)
            .Set(DicomTag.PatientBirthDate, "DA", "19581230")
            .Set(DicomTag.PatientSex, "CS", "F")
            .Set(DicomTag.PatientAge, "AS", "060Y")
            .Set(DicomTag.BodyPartExamined, "CS", "PROSTATE")
            .Set(DicomTag.SliceThickness, "DS", "3")
            .Set(DicomTag.MagneticFieldStrength, "DS", "3")
            .Set(DicomTag.StudyInstanceUID, "UI", Study(study))
            .Set(DicomTag.SeriesInstanceUID, "UI", Series(study, series))
            .Set(DicomTag.SeriesNumber, "IS", series.ToString(CultureInfo.InvariantCulture))
            .Set(DicomTag.InstanceNumber, "IS", instance.ToString(CultureInfo.InvariantCulture))
            .Set(DicomTag.PixelSpacing, "DS", @"0.5\0.5")
            .Pixels(1000 + instance);

    public static string Study(int study) => FormattableString.Invariant($"{Root}.1.{study}");

    public static string Series(int study, int series) => FormattableString.Invariant($"{Root}.2.{study}.{series}");

    public static string Sop(int study, int series, int instance) => FormattableString.Invariant($"{Root}.3.{study}.{series}.{instance}");
}
