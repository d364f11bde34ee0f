using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;
using Graph.Ingest.Tests.Dicom.Support;
using Graph.Store;
using Graph.Testing;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class DicomDeidentifierTests
{
    private readonly DicomDeidentifier _deidentifier = new(IngestScenario.Key, passThroughIds: false, remapUids: false);

    private static DicomDataset Read(TestDicomFile file) => DicomFile.Read(new MemoryStream(file.ToBytes()));

    [Fact]
    public void Deidentify_FullHeader_KeepsTheCatalogueFieldsOnly()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance().Set(DicomTag.KVP, "DS", "120").Set(DicomTag.ContrastBolusAgent, "LO", "GADOVIST")));

        Assert.Equal(IngestScenario.Pseudonym("PAT001"), instance.Patient);
        Assert.Equal(("F", 60, 2019, 2019), (instance.PatientSex, instance.PatientAge, instance.StudyYear, instance.SeriesYear));
        Assert.Equal((SomeDicom.Study(1), SomeDicom.Series(1, 1), "MR"), (instance.StudyInstanceUid, instance.SeriesInstanceUid, instance.Modality));
        Assert.Equal(("PROSTATE", "ACME", "Model 3T", "AX T2", "MRI PELVIS"), (instance.BodyPart, instance.Manufacturer, instance.Model, instance.SeriesDescription, instance.StudyDescription));
        Assert.Equal((1, 1, 3.0, 0.5, 3.0, 120.0, true), (instance.SeriesNumber, instance.InstanceNumber, instance.SliceThickness, instance.PixelSpacing, instance.MagneticFieldStrength, instance.Kvp, instance.Contrast));
    }

    [Fact]
    public void Deidentify_EveryRemovedAttributeSet_NoneOfTheirValuesReachesTheResult()
    {
        var file = SomeDicom.Instance().Set(DicomTag.StudyDescription, "LO", "MRI PELVIS").Set(DicomTag.SeriesDescription, "LO", "AX T2");
        var number = 0;
        foreach (var tag in AnnexEProfile.Removed.Where(t => t.DictionaryVR != DicomVR.SQ))
        {
            var value = tag.DictionaryVR switch
            {
                DicomVR.DA => "19000101",
                DicomVR.TM => "235959",
                DicomVR.UI => $"9.9.9.{++number}",
                DicomVR.DS or DicomVR.IS => $"9{++number}",
                _ => $"ZZDROP{++number}",
            };
            file.Set(tag, value);
        }

        file.Sequence(DicomTag.OtherPatientIDsSequence, new TestDicomFile().Set(DicomTag.PatientID, "LO", "ZZDROPSEQ"));
        var dataset = Read(file);
        Assert.StartsWith("ZZDROP", dataset.GetString(DicomTag.PatientName), StringComparison.Ordinal);

        var text = _deidentifier.Deidentify(dataset).ToString();

        Assert.DoesNotContain("ZZDROP", text, StringComparison.Ordinal);
        Assert.DoesNotContain("9.9.9.", text, StringComparison.Ordinal);
        Assert.Contains("AX T2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Deidentify_NoPatientAge_ComputesItFromBirthDateAndStudyDate()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance().Remove(DicomTag.PatientAge).Set(DicomTag.PatientBirthDate, "DA", "19580305")));

        Assert.Equal(60, instance.PatientAge);
    }

    [Fact]
    public void Deidentify_PatientAgeInMonths_WholeYears() =>
        Assert.Equal(2, _deidentifier.Deidentify(Read(SomeDicom.Instance().Set(DicomTag.PatientAge, "AS", "030M"))).PatientAge);

    [Fact]
    public void Deidentify_OnlyAnAcquisitionDateTime_ItsYearForStudyAndSeries()
    {
        var file = SomeDicom.Instance().Remove(DicomTag.StudyDate).Remove(DicomTag.SeriesDate).Set(DicomTag.AcquisitionDateTime, "DT", "20161231235959");

        var instance = _deidentifier.Deidentify(Read(file));

        Assert.Equal((2016, 2016), (instance.StudyYear, instance.SeriesYear));
    }

    [Theory]
    [InlineData("0020000D", "StudyInstanceUID")]
    [InlineData("0020000E", "SeriesInstanceUID")]
    public void Deidentify_RequiredAttributeMissing_FailsNamingIt(string tag, string keyword)
    {
        var error = Assert.Throws<DeidentificationException>(() => _deidentifier.Deidentify(Read(SomeDicom.Instance().Remove(DicomTag.Parse(tag)))));

        Assert.Equal(DeidentificationProblem.MissingAttribute, error.Problem);
        Assert.Equal(DicomTag.Parse(tag), error.Attribute);
        Assert.StartsWith(keyword, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void Deidentify_PatientIdEmptyOrAbsent_PatientOfTheStudy_OfUnknownIdentity(string? patientId)
    {
        var file = patientId is null ? SomeDicom.Instance().Remove(DicomTag.PatientID) : SomeDicom.Instance(patientId: patientId);
        var other = SomeDicom.Instance(study: 2).Remove(DicomTag.PatientID);

        var instance = _deidentifier.Deidentify(Read(file));

        Assert.False(instance.IdentityKnown);
        Assert.Equal(InstanceWarnings.PatientIdMissing, instance.Warnings);
        Assert.StartsWith("PSN-", instance.Patient, StringComparison.Ordinal);
        Assert.Equal(instance.Patient, _deidentifier.Deidentify(Read(SomeDicom.Instance(instance: 2).Remove(DicomTag.PatientID))).Patient);
        Assert.NotEqual(instance.Patient, _deidentifier.Deidentify(Read(other)).Patient);
        // Keyed: another deployment secret gives another pseudonym; and a PatientID equal to the study UID is another patient.
        Assert.NotEqual(instance.Patient, new DicomDeidentifier(DeidentificationKey.FromSecret("another deployment secret, long enough"), false, false).Deidentify(Read(file)).Patient);
        Assert.NotEqual(instance.Patient, _deidentifier.Deidentify(Read(SomeDicom.Instance(patientId: SomeDicom.Study(1)))).Patient);
        Assert.True(_deidentifier.Deidentify(Read(SomeDicom.Instance())).IdentityKnown);
    }

    [Fact]
    public void Deidentify_ModalityMissing_RecordedAsOther_WithAWarning()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance().Remove(DicomTag.Modality)));

        Assert.Equal(("OT", InstanceWarnings.ModalityMissing), (instance.Modality, instance.Warnings));
    }

    // Review 4: any text was stored as the modality, a patient's name included (and became a DCAT keyword).
    [Theory]
    [InlineData("ZORBULAK")]
    [InlineData("ct scan")]
    [InlineData("Ct")]
    [InlineData("C")]
    public void Deidentify_ModalityNotADefinedTermOrIdentifying_RecordedAsOther_WithAWarning(string modality)
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance(modality: modality).Set(DicomTag.PatientName, "PN", "Zorbulak^Quintavia")));

        Assert.Equal(("OT", InstanceWarnings.ModalityMissing), (instance.Modality, instance.Warnings));
    }

    [Theory]
    [InlineData("CT")]
    [InlineData("PT")]
    [InlineData("RTSTRUCT")]
    [InlineData("OPT")]
    public void Deidentify_DefinedTermModality_Kept(string modality)
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance(modality: modality)));

        Assert.Equal((modality, InstanceWarnings.None), (instance.Modality, instance.Warnings));
    }

    // A defined term equal to a word of the name (pydicom's 693_J2KI.dcm: CQ500-CT-310; test-SR.dcm: Test^S R) stays.
    [Theory]
    [InlineData("CQ500-CT-310", "CT")]
    [InlineData("Test^S R", "SR")]
    public void Deidentify_DefinedTermThatIsAWordOfTheName_Kept(string name, string modality) =>
        Assert.Equal(modality, _deidentifier.Deidentify(Read(SomeDicom.Instance(modality: modality).Set(DicomTag.PatientName, "PN", name))).Modality);

    [Fact]
    public void Deidentify_WellShapedModalityWithoutName_Kept() =>
        Assert.Equal("NEWTERM_2", _deidentifier.Deidentify(Read(SomeDicom.Instance(modality: "NEWTERM_2"))).Modality);

    // Review 4: a segment label with the patient's name followed by a digit was kept.
    [Fact]
    public void Deidentify_SegmentLabelWithNameAndDigit_Dropped_AndCounted()
    {
        var image = SomeDicom.Instance(modality: "CT").Set(DicomTag.PatientName, "PN", "Zorbulak^Quintavia^Mirelle");
        var seg = TestAnnotations.Segmentation(
            image,
            SomeDicom.Series(1, 90),
            SomeDicom.Sop(1, 90, 1),
            SomeDicom.Series(1, 1),
            [SomeDicom.Sop(1, 1, 1)],
            new TestAnnotations.Segment("Zorbulak1 liver", "SCT", "10200004", "Liver"),
            new TestAnnotations.Segment("Tumor", "SCT", "108369006", "Neoplasm"));

        var instance = _deidentifier.Deidentify(Read(seg));

        Assert.Equal("Tumor", instance.Annotation!.Label);
        Assert.Equal(1, instance.DescriptionsRemoved);
    }

    [Fact]
    public void Deidentify_ValueOutOfRange_LeftOut_InstanceKept()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance().Set(DicomTag.SeriesNumber, "IS", "-5").Set(DicomTag.MagneticFieldStrength, "DS", "3000")));

        Assert.Equal((null, null, InstanceWarnings.ValueDropped), (instance.SeriesNumber, instance.MagneticFieldStrength, instance.Warnings));
    }

    // Review 3: a control character rejected the whole file (the domain's rule), tab and line breaks were stored as they were.
    [Fact]
    public void Deidentify_ControlCharacter_ValueLeftOut_LineBreaksAndTabsBecomeSpaces()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance()
            .Set(DicomTag.ManufacturerModelName, "LO", "Station-OR3\u001b")
            .Set(DicomTag.Manufacturer, "LO", "ACME\u0001")
            .Set(DicomTag.StudyDescription, "LO", "CT\tCHEST")
            .Set(DicomTag.SeriesDescription, "LO", "Routine\r\nBrain")));

        Assert.Equal((null, null, InstanceWarnings.ValueDropped), (instance.Model, instance.Manufacturer, instance.Warnings));
        Assert.Equal(("CT CHEST", "Routine Brain"), (instance.StudyDescription, instance.SeriesDescription));
        Assert.Empty(GraphWriter.Validate(IngestCatalogue.ForInstance(instance, 1, "a.dcm")));
    }

    [Fact]
    public void Deidentify_NoSopInstanceUid_UsesTheFileMetaOne()
    {
        var file = SomeDicom.Instance().Remove(DicomTag.SOPInstanceUID).Set(DicomTag.MediaStorageSOPInstanceUID, "UI", "1.2.3.99");

        Assert.Equal(_deidentifier.Deidentify(Read(SomeDicom.Instance().Set(DicomTag.SOPInstanceUID, "UI", "1.2.3.99"))).InstanceKey, _deidentifier.Deidentify(Read(file)).InstanceKey);
    }

    [Fact]
    public void Deidentify_DescriptionsWithNameOrDate_Dropped_AndCounted()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance().Set(DicomTag.StudyDescription, "LO", "MR DOE JANETH").Set(DicomTag.SeriesDescription, "LO", "T2 04.03.2019")));

        Assert.Equal((null, null, 2), (instance.StudyDescription, instance.SeriesDescription, instance.DescriptionsRemoved));
    }

    // Review 3: an institution's name in Manufacturer and the patient's name in the model and body part were stored.
    [Fact]
    public void Deidentify_EquipmentOrBodyPartWithNameOrInstitution_Dropped_AndCounted()
    {
        var instance = _deidentifier.Deidentify(Read(SomeDicom.Instance()
            .Set(DicomTag.Manufacturer, "LO", "Saint Zebedee Hospital")
            .Set(DicomTag.ManufacturerModelName, "LO", "Janeth")
            .Set(DicomTag.BodyPartExamined, "CS", "DOE")));

        Assert.Equal((null, null, null, 3), (instance.Manufacturer, instance.Model, instance.BodyPart, instance.DescriptionsRemoved));
    }

    [Fact]
    public void Deidentify_DescriptionsNotRetained_AlwaysDropped()
    {
        var instance = new DicomDeidentifier(IngestScenario.Key, false, false, retainCleanDescriptions: false).Deidentify(Read(SomeDicom.Instance()));

        Assert.Equal((null, null), (instance.StudyDescription, instance.SeriesDescription));
    }

    [Fact]
    public void Deidentify_EnhancedMultiframe_TakesSliceAndPixelSpacingFromTheSharedGroups()
    {
        var measures = new TestDicomFile().Set(DicomTag.SliceThickness, "DS", "1.25").Set(DicomTag.PixelSpacing, "DS", @"0.7\0.7");
        var shared = new TestDicomFile().Sequence(DicomTag.PixelMeasuresSequence, measures);
        var file = SomeDicom.Instance().Remove(DicomTag.SliceThickness).Remove(DicomTag.PixelSpacing).Sequence(DicomTag.SharedFunctionalGroupsSequence, shared);

        var instance = _deidentifier.Deidentify(Read(file));

        Assert.Equal((1.25, 0.7), (instance.SliceThickness, instance.PixelSpacing));
    }

    [Fact]
    public void Deidentify_RemapUids_KeyedUidsForStudyAndSeries()
    {
        var instance = new DicomDeidentifier(IngestScenario.Key, false, remapUids: true).Deidentify(Read(SomeDicom.Instance()));

        var remapper = new UidRemapper(IngestScenario.Key);
        Assert.Equal((remapper.Remap(SomeDicom.Study(1)), remapper.Remap(SomeDicom.Series(1, 1))), (instance.StudyInstanceUid, instance.SeriesInstanceUid));
    }

    [Fact]
    public void Deidentify_PassThrough_KeepsACheckedId_RefusesANameLikeOne()
    {
        var passThrough = new DicomDeidentifier(null, passThroughIds: true, remapUids: false);

        Assert.Equal("TCGA-02-0001", passThrough.Deidentify(Read(SomeDicom.Instance("TCGA-02-0001"))).Patient);
        var error = Assert.Throws<DeidentificationException>(() => passThrough.Deidentify(Read(SomeDicom.Instance("DOE-1958"))));
        Assert.Equal(DeidentificationProblem.UnsafePatientId, error.Problem);
        Assert.DoesNotContain("DOE-1958", error.Message, StringComparison.Ordinal);
    }

    // Review 3: a pass-through id equal to the birth date or the accession number, or shaped as a national id, was kept.
    [Theory]
    [InlineData("19581230")]
    [InlineData("ACC1")]
    [InlineData("123-45-6789")]
    public void Deidentify_PassThrough_IdThatIsBirthDateAccessionOrNationalNumber_Refused(string id)
    {
        var passThrough = new DicomDeidentifier(null, passThroughIds: true, remapUids: false);

        var error = Assert.Throws<DeidentificationException>(() => passThrough.Deidentify(Read(SomeDicom.Instance(id))));
        Assert.Equal(DeidentificationProblem.UnsafePatientId, error.Problem);
        Assert.DoesNotContain(id, error.Message, StringComparison.Ordinal);
    }

    // Review 4: ids holding the birth date in another order or with separators, another id of the patient or the study id were kept.
    [Theory]
    [InlineData("P23071958")]
    [InlineData("X07231958")]
    [InlineData("X580723")]
    [InlineData("X1958.07.23")]
    [InlineData("ID-99887766")]
    [InlineData("STQ770900")]
    [InlineData("stq-770900")]
    public void Deidentify_PassThrough_IdHoldingBirthDateOrAnotherId_Refused(string id)
    {
        var passThrough = new DicomDeidentifier(null, passThroughIds: true, remapUids: false);

        var error = Assert.Throws<DeidentificationException>(() => passThrough.Deidentify(Read(WithOtherIds(id))));
        Assert.Equal(DeidentificationProblem.UnsafePatientId, error.Problem);
        Assert.DoesNotContain(id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deidentify_PassThrough_IdBesideOtherIds_Kept() =>
        Assert.Equal("TCGA-02-0001", new DicomDeidentifier(null, passThroughIds: true, remapUids: false).Deidentify(Read(WithOtherIds("TCGA-02-0001"))).Patient);

    private static TestDicomFile WithOtherIds(string id) =>
        SomeDicom.Instance(id)
            .Set(DicomTag.PatientBirthDate, "DA", "19580723")
            .Set(DicomTag.OtherPatientIDs, "LO", "99887766")
            .Set(DicomTag.StudyID, "SH", "STQ770900");

    [Fact]
    public void Constructor_PseudonymisingOrRemappingWithoutKey_Fails()
    {
        Assert.Throws<DeidentificationException>(() => new DicomDeidentifier(null, passThroughIds: false, remapUids: false));
        Assert.Throws<DeidentificationException>(() => new DicomDeidentifier(null, passThroughIds: true, remapUids: true));
    }

    [Fact]
    public void FromOptions_PassThroughRepository_NeedsNoSecret_OthersDo()
    {
        var options = new DeidentificationOptions();
        options.PassThroughRepositories.Add("tcia");

        Assert.Equal("TCGA-02-0001", DicomDeidentifier.FromOptions(options, "tcia").Deidentify(Read(SomeDicom.Instance("TCGA-02-0001"))).Patient);
        Assert.Throws<DeidentificationException>(() => DicomDeidentifier.FromOptions(options, "hospital"));
    }

    [Fact]
    public void Deidentify_DicomJsonOfAFile_SameAsThePart10File()
    {
        // The DICOMweb harvester de-identifies DICOM JSON with the same de-identifier: both readings must agree.
        var path = PydicomFiles.File("CT_small.dcm");
        var json = Dcmtk.ToJson(path);

        var fromJson = _deidentifier.Deidentify(DicomJson.Parse(json));
        var fromFile = _deidentifier.Deidentify(DicomFile.Read(path));

        Assert.Equal(fromFile with { InstanceKey = fromJson.InstanceKey }, fromJson);
        Assert.Equal(fromFile.InstanceKey, fromJson.InstanceKey);
        Assert.Equal(("CT", 0, 2004, 1997, true), (fromJson.Modality, fromJson.PatientAge, fromJson.StudyYear, fromJson.SeriesYear, fromJson.Contrast));
    }
}
