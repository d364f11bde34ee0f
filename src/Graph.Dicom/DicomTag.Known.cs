namespace Graph.Dicom;

// Generated from DCMTK's dicom.dic for the attributes a catalogue reads; see Dictionary/DicomDictionary.Entries.cs.
public readonly partial struct DicomTag
{
    /// <summary>(FFFE,E000) Item.</summary>
    public static readonly DicomTag Item = new(0xFFFE, 0xE000);

    /// <summary>(FFFE,E00D) Item Delimitation Item.</summary>
    public static readonly DicomTag ItemDelimitationItem = new(0xFFFE, 0xE00D);

    /// <summary>(FFFE,E0DD) Sequence Delimitation Item.</summary>
    public static readonly DicomTag SequenceDelimitationItem = new(0xFFFE, 0xE0DD);

    /// <summary>(0002,0000) FileMetaInformationGroupLength, VR UL.</summary>
    public static readonly DicomTag FileMetaInformationGroupLength = new(0x0002, 0x0000);

    /// <summary>(0002,0001) FileMetaInformationVersion, VR OB.</summary>
    public static readonly DicomTag FileMetaInformationVersion = new(0x0002, 0x0001);

    /// <summary>(0002,0002) MediaStorageSOPClassUID, VR UI.</summary>
    public static readonly DicomTag MediaStorageSOPClassUID = new(0x0002, 0x0002);

    /// <summary>(0002,0003) MediaStorageSOPInstanceUID, VR UI.</summary>
    public static readonly DicomTag MediaStorageSOPInstanceUID = new(0x0002, 0x0003);

    /// <summary>(0002,0010) TransferSyntaxUID, VR UI.</summary>
    public static readonly DicomTag TransferSyntaxUID = new(0x0002, 0x0010);

    /// <summary>(0002,0012) ImplementationClassUID, VR UI.</summary>
    public static readonly DicomTag ImplementationClassUID = new(0x0002, 0x0012);

    /// <summary>(0002,0013) ImplementationVersionName, VR SH.</summary>
    public static readonly DicomTag ImplementationVersionName = new(0x0002, 0x0013);

    /// <summary>(0002,0016) SourceApplicationEntityTitle, VR AE.</summary>
    public static readonly DicomTag SourceApplicationEntityTitle = new(0x0002, 0x0016);

    /// <summary>(0002,0100) PrivateInformationCreatorUID, VR UI.</summary>
    public static readonly DicomTag PrivateInformationCreatorUID = new(0x0002, 0x0100);

    /// <summary>(0004,1130) FileSetID, VR CS.</summary>
    public static readonly DicomTag FileSetID = new(0x0004, 0x1130);

    /// <summary>(0004,1200) OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR UL.</summary>
    public static readonly DicomTag OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity = new(0x0004, 0x1200);

    /// <summary>(0004,1202) OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR UL.</summary>
    public static readonly DicomTag OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity = new(0x0004, 0x1202);

    /// <summary>(0004,1212) FileSetConsistencyFlag, VR US.</summary>
    public static readonly DicomTag FileSetConsistencyFlag = new(0x0004, 0x1212);

    /// <summary>(0004,1220) DirectoryRecordSequence, VR SQ.</summary>
    public static readonly DicomTag DirectoryRecordSequence = new(0x0004, 0x1220);

    /// <summary>(0004,1400) OffsetOfTheNextDirectoryRecord, VR UL.</summary>
    public static readonly DicomTag OffsetOfTheNextDirectoryRecord = new(0x0004, 0x1400);

    /// <summary>(0004,1410) RecordInUseFlag, VR US.</summary>
    public static readonly DicomTag RecordInUseFlag = new(0x0004, 0x1410);

    /// <summary>(0004,1420) OffsetOfReferencedLowerLevelDirectoryEntity, VR UL.</summary>
    public static readonly DicomTag OffsetOfReferencedLowerLevelDirectoryEntity = new(0x0004, 0x1420);

    /// <summary>(0004,1430) DirectoryRecordType, VR CS.</summary>
    public static readonly DicomTag DirectoryRecordType = new(0x0004, 0x1430);

    /// <summary>(0004,1500) ReferencedFileID, VR CS.</summary>
    public static readonly DicomTag ReferencedFileID = new(0x0004, 0x1500);

    /// <summary>(0004,1510) ReferencedSOPClassUIDInFile, VR UI.</summary>
    public static readonly DicomTag ReferencedSOPClassUIDInFile = new(0x0004, 0x1510);

    /// <summary>(0004,1511) ReferencedSOPInstanceUIDInFile, VR UI.</summary>
    public static readonly DicomTag ReferencedSOPInstanceUIDInFile = new(0x0004, 0x1511);

    /// <summary>(0004,1512) ReferencedTransferSyntaxUIDInFile, VR UI.</summary>
    public static readonly DicomTag ReferencedTransferSyntaxUIDInFile = new(0x0004, 0x1512);

    /// <summary>(0008,0005) SpecificCharacterSet, VR CS.</summary>
    public static readonly DicomTag SpecificCharacterSet = new(0x0008, 0x0005);

    /// <summary>(0008,0008) ImageType, VR CS.</summary>
    public static readonly DicomTag ImageType = new(0x0008, 0x0008);

    /// <summary>(0008,0016) SOPClassUID, VR UI.</summary>
    public static readonly DicomTag SOPClassUID = new(0x0008, 0x0016);

    /// <summary>(0008,0018) SOPInstanceUID, VR UI.</summary>
    public static readonly DicomTag SOPInstanceUID = new(0x0008, 0x0018);

    /// <summary>(0008,0020) StudyDate, VR DA.</summary>
    public static readonly DicomTag StudyDate = new(0x0008, 0x0020);

    /// <summary>(0008,0021) SeriesDate, VR DA.</summary>
    public static readonly DicomTag SeriesDate = new(0x0008, 0x0021);

    /// <summary>(0008,0022) AcquisitionDate, VR DA.</summary>
    public static readonly DicomTag AcquisitionDate = new(0x0008, 0x0022);

    /// <summary>(0008,0023) ContentDate, VR DA.</summary>
    public static readonly DicomTag ContentDate = new(0x0008, 0x0023);

    /// <summary>(0008,002A) AcquisitionDateTime, VR DT.</summary>
    public static readonly DicomTag AcquisitionDateTime = new(0x0008, 0x002A);

    /// <summary>(0008,0030) StudyTime, VR TM.</summary>
    public static readonly DicomTag StudyTime = new(0x0008, 0x0030);

    /// <summary>(0008,0031) SeriesTime, VR TM.</summary>
    public static readonly DicomTag SeriesTime = new(0x0008, 0x0031);

    /// <summary>(0008,0032) AcquisitionTime, VR TM.</summary>
    public static readonly DicomTag AcquisitionTime = new(0x0008, 0x0032);

    /// <summary>(0008,0033) ContentTime, VR TM.</summary>
    public static readonly DicomTag ContentTime = new(0x0008, 0x0033);

    /// <summary>(0008,0050) AccessionNumber, VR SH.</summary>
    public static readonly DicomTag AccessionNumber = new(0x0008, 0x0050);

    /// <summary>(0008,0052) QueryRetrieveLevel, VR CS.</summary>
    public static readonly DicomTag QueryRetrieveLevel = new(0x0008, 0x0052);

    /// <summary>(0008,0054) RetrieveAETitle, VR AE.</summary>
    public static readonly DicomTag RetrieveAETitle = new(0x0008, 0x0054);

    /// <summary>(0008,0056) InstanceAvailability, VR CS.</summary>
    public static readonly DicomTag InstanceAvailability = new(0x0008, 0x0056);

    /// <summary>(0008,0060) Modality, VR CS.</summary>
    public static readonly DicomTag Modality = new(0x0008, 0x0060);

    /// <summary>(0008,0061) ModalitiesInStudy, VR CS.</summary>
    public static readonly DicomTag ModalitiesInStudy = new(0x0008, 0x0061);

    /// <summary>(0008,0064) ConversionType, VR CS.</summary>
    public static readonly DicomTag ConversionType = new(0x0008, 0x0064);

    /// <summary>(0008,0070) Manufacturer, VR LO.</summary>
    public static readonly DicomTag Manufacturer = new(0x0008, 0x0070);

    /// <summary>(0008,0080) InstitutionName, VR LO.</summary>
    public static readonly DicomTag InstitutionName = new(0x0008, 0x0080);

    /// <summary>(0008,0081) InstitutionAddress, VR ST.</summary>
    public static readonly DicomTag InstitutionAddress = new(0x0008, 0x0081);

    /// <summary>(0008,0090) ReferringPhysicianName, VR PN.</summary>
    public static readonly DicomTag ReferringPhysicianName = new(0x0008, 0x0090);

    /// <summary>(0008,0100) CodeValue, VR SH.</summary>
    public static readonly DicomTag CodeValue = new(0x0008, 0x0100);

    /// <summary>(0008,0102) CodingSchemeDesignator, VR SH.</summary>
    public static readonly DicomTag CodingSchemeDesignator = new(0x0008, 0x0102);

    /// <summary>(0008,0103) CodingSchemeVersion, VR SH.</summary>
    public static readonly DicomTag CodingSchemeVersion = new(0x0008, 0x0103);

    /// <summary>(0008,0104) CodeMeaning, VR LO.</summary>
    public static readonly DicomTag CodeMeaning = new(0x0008, 0x0104);

    /// <summary>(0008,0119) LongCodeValue, VR UC.</summary>
    public static readonly DicomTag LongCodeValue = new(0x0008, 0x0119);

    /// <summary>(0008,0120) URNCodeValue, VR UR.</summary>
    public static readonly DicomTag URNCodeValue = new(0x0008, 0x0120);

    /// <summary>(0008,0201) TimezoneOffsetFromUTC, VR SH.</summary>
    public static readonly DicomTag TimezoneOffsetFromUTC = new(0x0008, 0x0201);

    /// <summary>(0008,1010) StationName, VR SH.</summary>
    public static readonly DicomTag StationName = new(0x0008, 0x1010);

    /// <summary>(0008,1030) StudyDescription, VR LO.</summary>
    public static readonly DicomTag StudyDescription = new(0x0008, 0x1030);

    /// <summary>(0008,1032) ProcedureCodeSequence, VR SQ.</summary>
    public static readonly DicomTag ProcedureCodeSequence = new(0x0008, 0x1032);

    /// <summary>(0008,103E) SeriesDescription, VR LO.</summary>
    public static readonly DicomTag SeriesDescription = new(0x0008, 0x103E);

    /// <summary>(0008,1040) InstitutionalDepartmentName, VR LO.</summary>
    public static readonly DicomTag InstitutionalDepartmentName = new(0x0008, 0x1040);

    /// <summary>(0008,1050) PerformingPhysicianName, VR PN.</summary>
    public static readonly DicomTag PerformingPhysicianName = new(0x0008, 0x1050);

    /// <summary>(0008,1070) OperatorsName, VR PN.</summary>
    public static readonly DicomTag OperatorsName = new(0x0008, 0x1070);

    /// <summary>(0008,1090) ManufacturerModelName, VR LO.</summary>
    public static readonly DicomTag ManufacturerModelName = new(0x0008, 0x1090);

    /// <summary>(0008,1115) ReferencedSeriesSequence, VR SQ.</summary>
    public static readonly DicomTag ReferencedSeriesSequence = new(0x0008, 0x1115);

    /// <summary>(0008,1140) ReferencedImageSequence, VR SQ.</summary>
    public static readonly DicomTag ReferencedImageSequence = new(0x0008, 0x1140);

    /// <summary>(0008,1150) ReferencedSOPClassUID, VR UI.</summary>
    public static readonly DicomTag ReferencedSOPClassUID = new(0x0008, 0x1150);

    /// <summary>(0008,1155) ReferencedSOPInstanceUID, VR UI.</summary>
    public static readonly DicomTag ReferencedSOPInstanceUID = new(0x0008, 0x1155);

    /// <summary>(0008,1190) RetrieveURL, VR UR.</summary>
    public static readonly DicomTag RetrieveURL = new(0x0008, 0x1190);

    /// <summary>(0008,1199) ReferencedSOPSequence, VR SQ.</summary>
    public static readonly DicomTag ReferencedSOPSequence = new(0x0008, 0x1199);

    /// <summary>(0008,2111) DerivationDescription, VR ST.</summary>
    public static readonly DicomTag DerivationDescription = new(0x0008, 0x2111);

    /// <summary>(0008,2112) SourceImageSequence, VR SQ.</summary>
    public static readonly DicomTag SourceImageSequence = new(0x0008, 0x2112);

    /// <summary>(0008,2218) AnatomicRegionSequence, VR SQ.</summary>
    public static readonly DicomTag AnatomicRegionSequence = new(0x0008, 0x2218);

    /// <summary>(0008,2228) PrimaryAnatomicStructureSequence, VR SQ.</summary>
    public static readonly DicomTag PrimaryAnatomicStructureSequence = new(0x0008, 0x2228);

    /// <summary>(0008,9215) DerivationCodeSequence, VR SQ.</summary>
    public static readonly DicomTag DerivationCodeSequence = new(0x0008, 0x9215);

    /// <summary>(0010,0010) PatientName, VR PN.</summary>
    public static readonly DicomTag PatientName = new(0x0010, 0x0010);

    /// <summary>(0010,0020) PatientID, VR LO.</summary>
    public static readonly DicomTag PatientID = new(0x0010, 0x0020);

    /// <summary>(0010,0021) IssuerOfPatientID, VR LO.</summary>
    public static readonly DicomTag IssuerOfPatientID = new(0x0010, 0x0021);

    /// <summary>(0010,0030) PatientBirthDate, VR DA.</summary>
    public static readonly DicomTag PatientBirthDate = new(0x0010, 0x0030);

    /// <summary>(0010,0040) PatientSex, VR CS.</summary>
    public static readonly DicomTag PatientSex = new(0x0010, 0x0040);

    /// <summary>(0010,1000) OtherPatientIDs, VR LO.</summary>
    public static readonly DicomTag OtherPatientIDs = new(0x0010, 0x1000);

    /// <summary>(0010,1001) OtherPatientNames, VR PN.</summary>
    public static readonly DicomTag OtherPatientNames = new(0x0010, 0x1001);

    /// <summary>(0010,1002) OtherPatientIDsSequence, VR SQ.</summary>
    public static readonly DicomTag OtherPatientIDsSequence = new(0x0010, 0x1002);

    /// <summary>(0010,1010) PatientAge, VR AS.</summary>
    public static readonly DicomTag PatientAge = new(0x0010, 0x1010);

    /// <summary>(0010,1020) PatientSize, VR DS.</summary>
    public static readonly DicomTag PatientSize = new(0x0010, 0x1020);

    /// <summary>(0010,1030) PatientWeight, VR DS.</summary>
    public static readonly DicomTag PatientWeight = new(0x0010, 0x1030);

    /// <summary>(0010,2160) EthnicGroup, VR SH.</summary>
    public static readonly DicomTag EthnicGroup = new(0x0010, 0x2160);

    /// <summary>(0010,4000) PatientComments, VR LT.</summary>
    public static readonly DicomTag PatientComments = new(0x0010, 0x4000);

    /// <summary>(0012,0010) ClinicalTrialSponsorName, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialSponsorName = new(0x0012, 0x0010);

    /// <summary>(0012,0020) ClinicalTrialProtocolID, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialProtocolID = new(0x0012, 0x0020);

    /// <summary>(0012,0021) ClinicalTrialProtocolName, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialProtocolName = new(0x0012, 0x0021);

    /// <summary>(0012,0030) ClinicalTrialSiteID, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialSiteID = new(0x0012, 0x0030);

    /// <summary>(0012,0031) ClinicalTrialSiteName, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialSiteName = new(0x0012, 0x0031);

    /// <summary>(0012,0040) ClinicalTrialSubjectID, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialSubjectID = new(0x0012, 0x0040);

    /// <summary>(0012,0050) ClinicalTrialTimePointID, VR LO.</summary>
    public static readonly DicomTag ClinicalTrialTimePointID = new(0x0012, 0x0050);

    /// <summary>(0012,0051) ClinicalTrialTimePointDescription, VR ST.</summary>
    public static readonly DicomTag ClinicalTrialTimePointDescription = new(0x0012, 0x0051);

    /// <summary>(0012,0062) PatientIdentityRemoved, VR CS.</summary>
    public static readonly DicomTag PatientIdentityRemoved = new(0x0012, 0x0062);

    /// <summary>(0012,0063) DeidentificationMethod, VR LO.</summary>
    public static readonly DicomTag DeidentificationMethod = new(0x0012, 0x0063);

    /// <summary>(0012,0064) DeidentificationMethodCodeSequence, VR SQ.</summary>
    public static readonly DicomTag DeidentificationMethodCodeSequence = new(0x0012, 0x0064);

    /// <summary>(0018,0010) ContrastBolusAgent, VR LO.</summary>
    public static readonly DicomTag ContrastBolusAgent = new(0x0018, 0x0010);

    /// <summary>(0018,0015) BodyPartExamined, VR CS.</summary>
    public static readonly DicomTag BodyPartExamined = new(0x0018, 0x0015);

    /// <summary>(0018,0020) ScanningSequence, VR CS.</summary>
    public static readonly DicomTag ScanningSequence = new(0x0018, 0x0020);

    /// <summary>(0018,0021) SequenceVariant, VR CS.</summary>
    public static readonly DicomTag SequenceVariant = new(0x0018, 0x0021);

    /// <summary>(0018,0022) ScanOptions, VR CS.</summary>
    public static readonly DicomTag ScanOptions = new(0x0018, 0x0022);

    /// <summary>(0018,0023) MRAcquisitionType, VR CS.</summary>
    public static readonly DicomTag MRAcquisitionType = new(0x0018, 0x0023);

    /// <summary>(0018,0024) SequenceName, VR SH.</summary>
    public static readonly DicomTag SequenceName = new(0x0018, 0x0024);

    /// <summary>(0018,0031) Radiopharmaceutical, VR LO.</summary>
    public static readonly DicomTag Radiopharmaceutical = new(0x0018, 0x0031);

    /// <summary>(0018,0050) SliceThickness, VR DS.</summary>
    public static readonly DicomTag SliceThickness = new(0x0018, 0x0050);

    /// <summary>(0018,0060) KVP, VR DS.</summary>
    public static readonly DicomTag KVP = new(0x0018, 0x0060);

    /// <summary>(0018,0080) RepetitionTime, VR DS.</summary>
    public static readonly DicomTag RepetitionTime = new(0x0018, 0x0080);

    /// <summary>(0018,0081) EchoTime, VR DS.</summary>
    public static readonly DicomTag EchoTime = new(0x0018, 0x0081);

    /// <summary>(0018,0082) InversionTime, VR DS.</summary>
    public static readonly DicomTag InversionTime = new(0x0018, 0x0082);

    /// <summary>(0018,0083) NumberOfAverages, VR DS.</summary>
    public static readonly DicomTag NumberOfAverages = new(0x0018, 0x0083);

    /// <summary>(0018,0084) ImagingFrequency, VR DS.</summary>
    public static readonly DicomTag ImagingFrequency = new(0x0018, 0x0084);

    /// <summary>(0018,0085) ImagedNucleus, VR SH.</summary>
    public static readonly DicomTag ImagedNucleus = new(0x0018, 0x0085);

    /// <summary>(0018,0086) EchoNumbers, VR IS.</summary>
    public static readonly DicomTag EchoNumbers = new(0x0018, 0x0086);

    /// <summary>(0018,0087) MagneticFieldStrength, VR DS.</summary>
    public static readonly DicomTag MagneticFieldStrength = new(0x0018, 0x0087);

    /// <summary>(0018,0088) SpacingBetweenSlices, VR DS.</summary>
    public static readonly DicomTag SpacingBetweenSlices = new(0x0018, 0x0088);

    /// <summary>(0018,0091) EchoTrainLength, VR IS.</summary>
    public static readonly DicomTag EchoTrainLength = new(0x0018, 0x0091);

    /// <summary>(0018,1000) DeviceSerialNumber, VR LO.</summary>
    public static readonly DicomTag DeviceSerialNumber = new(0x0018, 0x1000);

    /// <summary>(0018,1020) SoftwareVersions, VR LO.</summary>
    public static readonly DicomTag SoftwareVersions = new(0x0018, 0x1020);

    /// <summary>(0018,1030) ProtocolName, VR LO.</summary>
    public static readonly DicomTag ProtocolName = new(0x0018, 0x1030);

    /// <summary>(0018,1040) ContrastBolusRoute, VR LO.</summary>
    public static readonly DicomTag ContrastBolusRoute = new(0x0018, 0x1040);

    /// <summary>(0018,1041) ContrastBolusVolume, VR DS.</summary>
    public static readonly DicomTag ContrastBolusVolume = new(0x0018, 0x1041);

    /// <summary>(0018,1072) RadiopharmaceuticalStartTime, VR TM.</summary>
    public static readonly DicomTag RadiopharmaceuticalStartTime = new(0x0018, 0x1072);

    /// <summary>(0018,1074) RadionuclideTotalDose, VR DS.</summary>
    public static readonly DicomTag RadionuclideTotalDose = new(0x0018, 0x1074);

    /// <summary>(0018,1075) RadionuclideHalfLife, VR DS.</summary>
    public static readonly DicomTag RadionuclideHalfLife = new(0x0018, 0x1075);

    /// <summary>(0018,1076) RadionuclidePositronFraction, VR DS.</summary>
    public static readonly DicomTag RadionuclidePositronFraction = new(0x0018, 0x1076);

    /// <summary>(0018,1078) RadiopharmaceuticalStartDateTime, VR DT.</summary>
    public static readonly DicomTag RadiopharmaceuticalStartDateTime = new(0x0018, 0x1078);

    /// <summary>(0018,1100) ReconstructionDiameter, VR DS.</summary>
    public static readonly DicomTag ReconstructionDiameter = new(0x0018, 0x1100);

    /// <summary>(0018,1110) DistanceSourceToDetector, VR DS.</summary>
    public static readonly DicomTag DistanceSourceToDetector = new(0x0018, 0x1110);

    /// <summary>(0018,1111) DistanceSourceToPatient, VR DS.</summary>
    public static readonly DicomTag DistanceSourceToPatient = new(0x0018, 0x1111);

    /// <summary>(0018,1120) GantryDetectorTilt, VR DS.</summary>
    public static readonly DicomTag GantryDetectorTilt = new(0x0018, 0x1120);

    /// <summary>(0018,1130) TableHeight, VR DS.</summary>
    public static readonly DicomTag TableHeight = new(0x0018, 0x1130);

    /// <summary>(0018,1140) RotationDirection, VR CS.</summary>
    public static readonly DicomTag RotationDirection = new(0x0018, 0x1140);

    /// <summary>(0018,1150) ExposureTime, VR IS.</summary>
    public static readonly DicomTag ExposureTime = new(0x0018, 0x1150);

    /// <summary>(0018,1151) XRayTubeCurrent, VR IS.</summary>
    public static readonly DicomTag XRayTubeCurrent = new(0x0018, 0x1151);

    /// <summary>(0018,1160) FilterType, VR SH.</summary>
    public static readonly DicomTag FilterType = new(0x0018, 0x1160);

    /// <summary>(0018,1164) ImagerPixelSpacing, VR DS.</summary>
    public static readonly DicomTag ImagerPixelSpacing = new(0x0018, 0x1164);

    /// <summary>(0018,1190) FocalSpots, VR DS.</summary>
    public static readonly DicomTag FocalSpots = new(0x0018, 0x1190);

    /// <summary>(0018,1210) ConvolutionKernel, VR SH.</summary>
    public static readonly DicomTag ConvolutionKernel = new(0x0018, 0x1210);

    /// <summary>(0018,1250) ReceiveCoilName, VR SH.</summary>
    public static readonly DicomTag ReceiveCoilName = new(0x0018, 0x1250);

    /// <summary>(0018,1251) TransmitCoilName, VR SH.</summary>
    public static readonly DicomTag TransmitCoilName = new(0x0018, 0x1251);

    /// <summary>(0018,1314) FlipAngle, VR DS.</summary>
    public static readonly DicomTag FlipAngle = new(0x0018, 0x1314);

    /// <summary>(0018,5100) PatientPosition, VR CS.</summary>
    public static readonly DicomTag PatientPosition = new(0x0018, 0x5100);

    /// <summary>(0018,5101) ViewPosition, VR CS.</summary>
    public static readonly DicomTag ViewPosition = new(0x0018, 0x5101);

    /// <summary>(0018,9311) SpiralPitchFactor, VR FD.</summary>
    public static readonly DicomTag SpiralPitchFactor = new(0x0018, 0x9311);

    /// <summary>(0018,9345) CTDIvol, VR FD.</summary>
    public static readonly DicomTag CTDIvol = new(0x0018, 0x9345);

    /// <summary>(0020,000D) StudyInstanceUID, VR UI.</summary>
    public static readonly DicomTag StudyInstanceUID = new(0x0020, 0x000D);

    /// <summary>(0020,000E) SeriesInstanceUID, VR UI.</summary>
    public static readonly DicomTag SeriesInstanceUID = new(0x0020, 0x000E);

    /// <summary>(0020,0010) StudyID, VR SH.</summary>
    public static readonly DicomTag StudyID = new(0x0020, 0x0010);

    /// <summary>(0020,0011) SeriesNumber, VR IS.</summary>
    public static readonly DicomTag SeriesNumber = new(0x0020, 0x0011);

    /// <summary>(0020,0012) AcquisitionNumber, VR IS.</summary>
    public static readonly DicomTag AcquisitionNumber = new(0x0020, 0x0012);

    /// <summary>(0020,0013) InstanceNumber, VR IS.</summary>
    public static readonly DicomTag InstanceNumber = new(0x0020, 0x0013);

    /// <summary>(0020,0032) ImagePositionPatient, VR DS.</summary>
    public static readonly DicomTag ImagePositionPatient = new(0x0020, 0x0032);

    /// <summary>(0020,0037) ImageOrientationPatient, VR DS.</summary>
    public static readonly DicomTag ImageOrientationPatient = new(0x0020, 0x0037);

    /// <summary>(0020,0052) FrameOfReferenceUID, VR UI.</summary>
    public static readonly DicomTag FrameOfReferenceUID = new(0x0020, 0x0052);

    /// <summary>(0020,0060) Laterality, VR CS.</summary>
    public static readonly DicomTag Laterality = new(0x0020, 0x0060);

    /// <summary>(0020,0062) ImageLaterality, VR CS.</summary>
    public static readonly DicomTag ImageLaterality = new(0x0020, 0x0062);

    /// <summary>(0020,0100) TemporalPositionIdentifier, VR IS.</summary>
    public static readonly DicomTag TemporalPositionIdentifier = new(0x0020, 0x0100);

    /// <summary>(0020,0105) NumberOfTemporalPositions, VR IS.</summary>
    public static readonly DicomTag NumberOfTemporalPositions = new(0x0020, 0x0105);

    /// <summary>(0020,1040) PositionReferenceIndicator, VR LO.</summary>
    public static readonly DicomTag PositionReferenceIndicator = new(0x0020, 0x1040);

    /// <summary>(0020,1041) SliceLocation, VR DS.</summary>
    public static readonly DicomTag SliceLocation = new(0x0020, 0x1041);

    /// <summary>(0020,1206) NumberOfStudyRelatedSeries, VR IS.</summary>
    public static readonly DicomTag NumberOfStudyRelatedSeries = new(0x0020, 0x1206);

    /// <summary>(0020,1208) NumberOfStudyRelatedInstances, VR IS.</summary>
    public static readonly DicomTag NumberOfStudyRelatedInstances = new(0x0020, 0x1208);

    /// <summary>(0020,1209) NumberOfSeriesRelatedInstances, VR IS.</summary>
    public static readonly DicomTag NumberOfSeriesRelatedInstances = new(0x0020, 0x1209);

    /// <summary>(0020,4000) ImageComments, VR LT.</summary>
    public static readonly DicomTag ImageComments = new(0x0020, 0x4000);

    /// <summary>(0020,9113) PlanePositionSequence, VR SQ.</summary>
    public static readonly DicomTag PlanePositionSequence = new(0x0020, 0x9113);

    /// <summary>(0020,9116) PlaneOrientationSequence, VR SQ.</summary>
    public static readonly DicomTag PlaneOrientationSequence = new(0x0020, 0x9116);

    /// <summary>(0028,0002) SamplesPerPixel, VR US.</summary>
    public static readonly DicomTag SamplesPerPixel = new(0x0028, 0x0002);

    /// <summary>(0028,0004) PhotometricInterpretation, VR CS.</summary>
    public static readonly DicomTag PhotometricInterpretation = new(0x0028, 0x0004);

    /// <summary>(0028,0006) PlanarConfiguration, VR US.</summary>
    public static readonly DicomTag PlanarConfiguration = new(0x0028, 0x0006);

    /// <summary>(0028,0008) NumberOfFrames, VR IS.</summary>
    public static readonly DicomTag NumberOfFrames = new(0x0028, 0x0008);

    /// <summary>(0028,0009) FrameIncrementPointer, VR AT.</summary>
    public static readonly DicomTag FrameIncrementPointer = new(0x0028, 0x0009);

    /// <summary>(0028,0010) Rows, VR US.</summary>
    public static readonly DicomTag Rows = new(0x0028, 0x0010);

    /// <summary>(0028,0011) Columns, VR US.</summary>
    public static readonly DicomTag Columns = new(0x0028, 0x0011);

    /// <summary>(0028,0030) PixelSpacing, VR DS.</summary>
    public static readonly DicomTag PixelSpacing = new(0x0028, 0x0030);

    /// <summary>(0028,0034) PixelAspectRatio, VR IS.</summary>
    public static readonly DicomTag PixelAspectRatio = new(0x0028, 0x0034);

    /// <summary>(0028,0051) CorrectedImage, VR CS.</summary>
    public static readonly DicomTag CorrectedImage = new(0x0028, 0x0051);

    /// <summary>(0028,0100) BitsAllocated, VR US.</summary>
    public static readonly DicomTag BitsAllocated = new(0x0028, 0x0100);

    /// <summary>(0028,0101) BitsStored, VR US.</summary>
    public static readonly DicomTag BitsStored = new(0x0028, 0x0101);

    /// <summary>(0028,0102) HighBit, VR US.</summary>
    public static readonly DicomTag HighBit = new(0x0028, 0x0102);

    /// <summary>(0028,0103) PixelRepresentation, VR US.</summary>
    public static readonly DicomTag PixelRepresentation = new(0x0028, 0x0103);

    /// <summary>(0028,0106) SmallestImagePixelValue, VR US.</summary>
    public static readonly DicomTag SmallestImagePixelValue = new(0x0028, 0x0106);

    /// <summary>(0028,0107) LargestImagePixelValue, VR US.</summary>
    public static readonly DicomTag LargestImagePixelValue = new(0x0028, 0x0107);

    /// <summary>(0028,0120) PixelPaddingValue, VR US.</summary>
    public static readonly DicomTag PixelPaddingValue = new(0x0028, 0x0120);

    /// <summary>(0028,0301) BurnedInAnnotation, VR CS.</summary>
    public static readonly DicomTag BurnedInAnnotation = new(0x0028, 0x0301);

    /// <summary>(0028,0302) RecognizableVisualFeatures, VR CS.</summary>
    public static readonly DicomTag RecognizableVisualFeatures = new(0x0028, 0x0302);

    /// <summary>(0028,1050) WindowCenter, VR DS.</summary>
    public static readonly DicomTag WindowCenter = new(0x0028, 0x1050);

    /// <summary>(0028,1051) WindowWidth, VR DS.</summary>
    public static readonly DicomTag WindowWidth = new(0x0028, 0x1051);

    /// <summary>(0028,1052) RescaleIntercept, VR DS.</summary>
    public static readonly DicomTag RescaleIntercept = new(0x0028, 0x1052);

    /// <summary>(0028,1053) RescaleSlope, VR DS.</summary>
    public static readonly DicomTag RescaleSlope = new(0x0028, 0x1053);

    /// <summary>(0028,1054) RescaleType, VR LO.</summary>
    public static readonly DicomTag RescaleType = new(0x0028, 0x1054);

    /// <summary>(0028,1101) RedPaletteColorLookupTableDescriptor, VR US.</summary>
    public static readonly DicomTag RedPaletteColorLookupTableDescriptor = new(0x0028, 0x1101);

    /// <summary>(0028,1102) GreenPaletteColorLookupTableDescriptor, VR US.</summary>
    public static readonly DicomTag GreenPaletteColorLookupTableDescriptor = new(0x0028, 0x1102);

    /// <summary>(0028,1103) BluePaletteColorLookupTableDescriptor, VR US.</summary>
    public static readonly DicomTag BluePaletteColorLookupTableDescriptor = new(0x0028, 0x1103);

    /// <summary>(0028,1201) RedPaletteColorLookupTableData, VR OW.</summary>
    public static readonly DicomTag RedPaletteColorLookupTableData = new(0x0028, 0x1201);

    /// <summary>(0028,1202) GreenPaletteColorLookupTableData, VR OW.</summary>
    public static readonly DicomTag GreenPaletteColorLookupTableData = new(0x0028, 0x1202);

    /// <summary>(0028,1203) BluePaletteColorLookupTableData, VR OW.</summary>
    public static readonly DicomTag BluePaletteColorLookupTableData = new(0x0028, 0x1203);

    /// <summary>(0028,2110) LossyImageCompression, VR CS.</summary>
    public static readonly DicomTag LossyImageCompression = new(0x0028, 0x2110);

    /// <summary>(0028,2112) LossyImageCompressionRatio, VR DS.</summary>
    public static readonly DicomTag LossyImageCompressionRatio = new(0x0028, 0x2112);

    /// <summary>(0028,2114) LossyImageCompressionMethod, VR CS.</summary>
    public static readonly DicomTag LossyImageCompressionMethod = new(0x0028, 0x2114);

    /// <summary>(0028,9110) PixelMeasuresSequence, VR SQ.</summary>
    public static readonly DicomTag PixelMeasuresSequence = new(0x0028, 0x9110);

    /// <summary>(003A,0005) NumberOfWaveformChannels, VR US.</summary>
    public static readonly DicomTag NumberOfWaveformChannels = new(0x003A, 0x0005);

    /// <summary>(003A,0010) NumberOfWaveformSamples, VR UL.</summary>
    public static readonly DicomTag NumberOfWaveformSamples = new(0x003A, 0x0010);

    /// <summary>(003A,001A) SamplingFrequency, VR DS.</summary>
    public static readonly DicomTag SamplingFrequency = new(0x003A, 0x001A);

    /// <summary>(0040,A010) RelationshipType, VR CS.</summary>
    public static readonly DicomTag RelationshipType = new(0x0040, 0xA010);

    /// <summary>(0040,A043) ConceptNameCodeSequence, VR SQ.</summary>
    public static readonly DicomTag ConceptNameCodeSequence = new(0x0040, 0xA043);

    /// <summary>(0040,A160) TextValue, VR UT.</summary>
    public static readonly DicomTag TextValue = new(0x0040, 0xA160);

    /// <summary>(0040,A730) ContentSequence, VR SQ.</summary>
    public static readonly DicomTag ContentSequence = new(0x0040, 0xA730);

    /// <summary>(0040,A168) ConceptCodeSequence, VR SQ.</summary>
    public static readonly DicomTag ConceptCodeSequence = new(0x0040, 0xA168);

    /// <summary>(0040,A491) CompletionFlag, VR CS.</summary>
    public static readonly DicomTag CompletionFlag = new(0x0040, 0xA491);

    /// <summary>(0040,A493) VerificationFlag, VR CS.</summary>
    public static readonly DicomTag VerificationFlag = new(0x0040, 0xA493);

    /// <summary>(0040,A504) ContentTemplateSequence, VR SQ.</summary>
    public static readonly DicomTag ContentTemplateSequence = new(0x0040, 0xA504);

    /// <summary>(0040,DB00) TemplateIdentifier, VR CS.</summary>
    public static readonly DicomTag TemplateIdentifier = new(0x0040, 0xDB00);

    /// <summary>(0042,0011) EncapsulatedDocument, VR OB.</summary>
    public static readonly DicomTag EncapsulatedDocument = new(0x0042, 0x0011);

    /// <summary>(0042,0012) MIMETypeOfEncapsulatedDocument, VR LO.</summary>
    public static readonly DicomTag MIMETypeOfEncapsulatedDocument = new(0x0042, 0x0012);

    /// <summary>(0054,0016) RadiopharmaceuticalInformationSequence, VR SQ.</summary>
    public static readonly DicomTag RadiopharmaceuticalInformationSequence = new(0x0054, 0x0016);

    /// <summary>(0054,0300) RadionuclideCodeSequence, VR SQ.</summary>
    public static readonly DicomTag RadionuclideCodeSequence = new(0x0054, 0x0300);

    /// <summary>(0054,1000) SeriesType, VR CS.</summary>
    public static readonly DicomTag SeriesType = new(0x0054, 0x1000);

    /// <summary>(0054,1102) DecayCorrection, VR CS.</summary>
    public static readonly DicomTag DecayCorrection = new(0x0054, 0x1102);

    /// <summary>(0062,0001) SegmentationType, VR CS.</summary>
    public static readonly DicomTag SegmentationType = new(0x0062, 0x0001);

    /// <summary>(0062,0002) SegmentSequence, VR SQ.</summary>
    public static readonly DicomTag SegmentSequence = new(0x0062, 0x0002);

    /// <summary>(0062,0003) SegmentedPropertyCategoryCodeSequence, VR SQ.</summary>
    public static readonly DicomTag SegmentedPropertyCategoryCodeSequence = new(0x0062, 0x0003);

    /// <summary>(0062,0004) SegmentNumber, VR US.</summary>
    public static readonly DicomTag SegmentNumber = new(0x0062, 0x0004);

    /// <summary>(0062,0005) SegmentLabel, VR LO.</summary>
    public static readonly DicomTag SegmentLabel = new(0x0062, 0x0005);

    /// <summary>(0062,0006) SegmentDescription, VR ST.</summary>
    public static readonly DicomTag SegmentDescription = new(0x0062, 0x0006);

    /// <summary>(0062,0008) SegmentAlgorithmType, VR CS.</summary>
    public static readonly DicomTag SegmentAlgorithmType = new(0x0062, 0x0008);

    /// <summary>(0062,0009) SegmentAlgorithmName, VR LO.</summary>
    public static readonly DicomTag SegmentAlgorithmName = new(0x0062, 0x0009);

    /// <summary>(0062,000F) SegmentedPropertyTypeCodeSequence, VR SQ.</summary>
    public static readonly DicomTag SegmentedPropertyTypeCodeSequence = new(0x0062, 0x000F);

    /// <summary>(3006,0010) ReferencedFrameOfReferenceSequence, VR SQ.</summary>
    public static readonly DicomTag ReferencedFrameOfReferenceSequence = new(0x3006, 0x0010);

    /// <summary>(3006,0020) StructureSetROISequence, VR SQ.</summary>
    public static readonly DicomTag StructureSetROISequence = new(0x3006, 0x0020);

    /// <summary>(3006,0022) ROINumber, VR IS.</summary>
    public static readonly DicomTag ROINumber = new(0x3006, 0x0022);

    /// <summary>(3006,0039) ROIContourSequence, VR SQ.</summary>
    public static readonly DicomTag ROIContourSequence = new(0x3006, 0x0039);

    /// <summary>(3006,0080) RTROIObservationsSequence, VR SQ.</summary>
    public static readonly DicomTag RTROIObservationsSequence = new(0x3006, 0x0080);

    /// <summary>(3006,00A4) RTROIInterpretedType, VR CS.</summary>
    public static readonly DicomTag RTROIInterpretedType = new(0x3006, 0x00A4);

    /// <summary>(5200,9229) SharedFunctionalGroupsSequence, VR SQ.</summary>
    public static readonly DicomTag SharedFunctionalGroupsSequence = new(0x5200, 0x9229);

    /// <summary>(5200,9230) PerFrameFunctionalGroupsSequence, VR SQ.</summary>
    public static readonly DicomTag PerFrameFunctionalGroupsSequence = new(0x5200, 0x9230);

    /// <summary>(5400,0100) WaveformSequence, VR SQ.</summary>
    public static readonly DicomTag WaveformSequence = new(0x5400, 0x0100);

    /// <summary>(5400,1010) WaveformData, VR OB.</summary>
    public static readonly DicomTag WaveformData = new(0x5400, 0x1010);

    /// <summary>(5600,0020) SpectroscopyData, VR OF.</summary>
    public static readonly DicomTag SpectroscopyData = new(0x5600, 0x0020);

    /// <summary>(7FE0,0001) ExtendedOffsetTable, VR OV.</summary>
    public static readonly DicomTag ExtendedOffsetTable = new(0x7FE0, 0x0001);

    /// <summary>(7FE0,0002) ExtendedOffsetTableLengths, VR OV.</summary>
    public static readonly DicomTag ExtendedOffsetTableLengths = new(0x7FE0, 0x0002);

    /// <summary>(7FE0,0008) FloatPixelData, VR OF.</summary>
    public static readonly DicomTag FloatPixelData = new(0x7FE0, 0x0008);

    /// <summary>(7FE0,0009) DoubleFloatPixelData, VR OD.</summary>
    public static readonly DicomTag DoubleFloatPixelData = new(0x7FE0, 0x0009);

    /// <summary>(7FE0,0010) PixelData, VR OW.</summary>
    public static readonly DicomTag PixelData = new(0x7FE0, 0x0010);

    /// <summary>(FFFC,FFFC) DataSetTrailingPadding, VR OB.</summary>
    public static readonly DicomTag DataSetTrailingPadding = new(0xFFFC, 0xFFFC);
}
