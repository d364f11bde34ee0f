using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Tests.Dicom.Support;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class DescriptorCleanerTests
{
    private static readonly DescriptorCleaner Cleaner = DescriptorCleaner.For(DicomFile.Read(new MemoryStream(SomeDicom.Instance().ToBytes())));

    [Theory]
    [InlineData("AX T2")]
    [InlineData("MRI PELVIS")]
    [InlineData("DWI b=1400 ADC")]
    [InlineData("St Mary protocol")]
    [InlineData("T1 3D 1.5mm")]
    public void Clean_AcquisitionWords_Kept(string description) => Assert.Equal(description, Cleaner.Clean(description));

    [Theory]
    [InlineData("T2 janeth")]
    [InlineData("DOE follow-up")]
    [InlineData("MR PAT001")]
    [InlineData("ref. quimby")]
    [InlineData("by Xanthe")]
    [InlineData("St Zebedee Hospital protocol")]
    [InlineData("Saint Zebedee Hospital")]
    [InlineData("ACC1 pelvis")]
    [InlineData("CT 2019-03-04")]
    [InlineData("CT 20190304")]
    [InlineData("CT 4/3/19")]
    [InlineData("born 19581230")]
    public void Clean_IdentifyingValueOrDate_Dropped(string description) => Assert.Null(Cleaner.Clean(description));

    // Review 3: short and CJK name components, ids written with spaces, dates in other forms all survived.
    [Theory]
    [InlineData("王^小明", "王小明 胸部CT")]
    [InlineData("王^小明", "小明")]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "山田太郎 MR")]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "太郎")]
    [InlineData("Yamada^Tarou=山田^太郎=やまだ^たろう", "たろう T2")]
    [InlineData("김^민수", "김민수 흉부")]
    [InlineData("Li^Bo", "Li Bo follow-up")]
    [InlineData("Li^Bo", "for BO LI")]
    [InlineData("Müller^Jürgen", "JÜRGEN thorax")]
    [InlineData("Müller^Jürgen", "MUELLER thorax")]
    [InlineData("Müller^Jürgen", "Jurgen thorax")]
    public void Clean_ShortOrCjkNameComponent_Dropped(string name, string description) =>
        Assert.Null(WithPatient(name).Clean(description));

    [Theory]
    [InlineData("Li^Bo", "LIVER BODY")]
    [InlineData("Li^Bo^^Mr", "MR PELVIS")]
    [InlineData("王^小明", "胸部CT")]
    public void Clean_NameComponentOnlyInsideAWordOrAPrefix_Kept(string name, string description) =>
        Assert.Equal(description, WithPatient(name).Clean(description));

    [Theory]
    [InlineData("MRN 998877 re-scan")]
    [InlineData("ACC 554433")]
    [InlineData("acc-554433 pelvis")]
    [InlineData("re-scan 998877")]
    [InlineData("CT 15 MAR 2023")]
    [InlineData("scan March 15, 2023")]
    [InlineData("CT 2023/3/15")]
    [InlineData("15MAR2023")]
    [InlineData("CT 12/25/2023")]
    [InlineData("Sept 2023 follow-up")]
    [InlineData("born 1960-3-15")]
    [InlineData("DOB 15031960")]
    public void Clean_IdWrittenOtherwiseOrDateInOtherForm_Dropped(string description) =>
        Assert.Null(WithPatient("Doe^Janeth", "MRN998877", "ACC554433", "19600315").Clean(description));

    [Theory]
    [InlineData("CT CHEST W/O CONTRAST")]
    [InlineData("T2 AX")]
    [InlineData("PET/CT WB")]
    [InlineData("T/S/C RF FAST PILOT")]
    [InlineData("5/5mm Plain")]
    [InlineData("O-MAR 1.25 iMAR")]
    [InlineData("SmartScore - Gated 0.5 sec")]
    [InlineData("XR C Spine Comp Min 4 Views")]
    public void Clean_OrdinaryDescriptions_Kept(string description) =>
        Assert.Equal(description, WithPatient("Doe^Janeth", "MRN998877", "ACC554433", "19600315").Clean(description));

    [Fact]
    public void NameParts_EveryPersonName_Split() =>
        Assert.Equal(["Doe", "Janeth", "Quimby", "Horace", "Xanthe", "Operator"], Cleaner.NameParts);

    private static DescriptorCleaner WithPatient(string name, string id = "PAT001", string accession = "ACC1", string birth = "19581230") =>
        DescriptorCleaner.For(DicomFile.Read(new MemoryStream(SomeDicom.Instance()
            .Set(DicomTag.SpecificCharacterSet, "CS", "ISO_IR 192")
            .Set(DicomTag.PatientName, "PN", name)
            .Set(DicomTag.PatientID, "LO", id)
            .Set(DicomTag.AccessionNumber, "SH", accession)
            .Set(DicomTag.PatientBirthDate, "DA", birth)
            .ToBytes())));
}
