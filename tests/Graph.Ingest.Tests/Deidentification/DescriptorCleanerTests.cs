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

    [Fact]
    public void NameParts_EveryPersonName_Split() =>
        Assert.Equal(["Doe", "Janeth", "Quimby", "Horace", "Xanthe", "Operator"], Cleaner.NameParts);
}
