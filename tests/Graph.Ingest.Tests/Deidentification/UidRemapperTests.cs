using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Tests.Dicom.Support;

namespace Graph.Ingest.Tests.Deidentification;

public sealed class UidRemapperTests
{
    private readonly UidRemapper _uids = new(IngestScenario.Key);

    [Fact]
    public void Remap_KnownSecret_GivesTheValueAnIndependentHmacGives() =>
        Assert.Equal("2.25.118085072014486765370640993281037144080", _uids.Remap("1.2.826.0.1.3680043.10.999.1.1"));

    [Fact]
    public void Remap_SameUid_SameResult_OtherUid_OtherResult()
    {
        Assert.Equal(_uids.Remap("1.2.3.4"), new UidRemapper(IngestScenario.Key).Remap("1.2.3.4"));
        Assert.NotEqual(_uids.Remap("1.2.3.4"), _uids.Remap("1.2.3.5"));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("1.3.6.1.4.1.5962.1.2.1.20040119072730.12322")]
    [InlineData("2.25.339782156543893146236935917311012089353")]
    public void Remap_AnyUid_IsAWellFormed225UidTheGraphAccepts(string uid)
    {
        var remapped = _uids.Remap(uid);

        Assert.Matches("^2\\.25\\.[1-9][0-9]*$", remapped);
        Assert.True(remapped.Length <= 64);
        Assert.Null(KeyRules.Check(GraphModel.Study, remapped));
        var value = UInt128.Parse(remapped[5..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(8, (int)((value >> 76) & 0xF));
        Assert.Equal(2, (int)((value >> 62) & 0x3));
    }
}
