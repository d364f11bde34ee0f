using Graph.Testing;

namespace Graph.Dicom.Tests;

partial class RobustnessTests
{
    [Fact]
    public void Read_SequencesNestedFarTooDeep_ThrowsInsteadOfOverflowingTheStack()
    {
        var builder = new DicomBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            builder.Header(0x0040, 0xA730, "SQ", DicomElement.UndefinedLength).Item();
        }

        var bytes = DicomBuilder.Part10(d => d.Raw(builder.ToArray()));

        var error = Assert.Throws<DicomReadException>(() => Read(bytes, seekable: true));
        Assert.Contains("nested", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_NestingWithinMaxDepth_ReadsEveryLevel(bool explicitVR)
    {
        const int depth = 40;
        var bytes = DicomBuilder.Part10(explicitVR ? "1.2.840.10008.1.2.1" : "1.2.840.10008.1.2", d =>
        {
            for (var i = 0; i < depth; i++)
            {
                d.Header(0x0040, 0xA730, "SQ", DicomElement.UndefinedLength).Item();
            }

            d.Text(0x0010, 0x0020, "LO", "DEEP");
            for (var i = 0; i < depth; i++)
            {
                d.Item(0xE00D, 0).Item(0xE0DD, 0);
            }
        }, explicitVR);

        var level = DicomFile.Read(new MemoryStream(bytes));
        for (var i = 0; i < depth; i++)
        {
            level = Assert.Single(level.GetSequence(DicomTag.ContentSequence));
        }

        Assert.Equal("DEEP", level.GetString(DicomTag.PatientID));
    }

    [Fact]
    public void Read_NestingBeyondConfiguredMaxDepth_Throws()
    {
        var bytes = DicomBuilder.Part10(d => d
            .Header(0x0040, 0xA730, "SQ", DicomElement.UndefinedLength).Item()
            .Header(0x0040, 0xA730, "SQ", DicomElement.UndefinedLength).Item()
            .Item(0xE00D, 0).Item(0xE0DD, 0).Item(0xE00D, 0).Item(0xE0DD, 0));

        Assert.NotNull(DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxDepth = 2 }));
        Assert.Throws<DicomReadException>(() => DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxDepth = 1 }));
    }

    [Fact]
    public void Read_BinaryValueAboveInlineLimit_IsSkippedAndMarkedNotLoaded()
    {
        var bytes = DicomBuilder.Part10(d => d.Element(0x0029, 0x1010, "OB", new byte[100_000]).Text(0x0029, 0x1020, "LO", "AFTER"));

        var dataset = DicomFile.Read(new MemoryStream(bytes));

        Assert.True(dataset.TryGetElement(new DicomTag(0x0029, 0x1010), out var blob));
        Assert.False(blob.IsValueLoaded);
        Assert.Equal(100_000u, blob.Length);
        Assert.True(dataset.GetBytes(blob.Tag).IsEmpty);
        Assert.Equal("AFTER", dataset.GetString(new DicomTag(0x0029, 0x1020)));
    }

    [Fact]
    public void Read_SmallOverlayData_IsNotLoaded()
    {
        var bytes = DicomBuilder.Part10(d => d.Element(0x6002, 0x3000, "OW", new byte[64]));

        var dataset = DicomFile.Read(new MemoryStream(bytes));

        Assert.True(dataset.TryGetElement(new DicomTag(0x6002, 0x3000), out var overlay));
        Assert.False(overlay.IsValueLoaded);
        Assert.Equal("OverlayData", overlay.Tag.Keyword);
    }

    [Fact]
    public void Read_MoreThanMaxTotalBytes_Throws()
    {
        var bytes = DicomBuilder.Part10(d =>
        {
            for (ushort e = 0x1000; e < 0x1040; e++)
            {
                d.Text(0x0011, e, "LT", new string('x', 100));
            }
        });

        Assert.NotNull(DicomFile.Read(new MemoryStream(bytes)));
        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxTotalBytes = 2000 }));
        Assert.Contains("2000", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValueLongerThanMaxValueLength_Throws()
    {
        var bytes = DicomBuilder.Part10(d => d.Text(0x0010, 0x4000, "LT", new string('x', 5000)));

        Assert.Throws<DicomReadException>(() => DicomFile.Read(new MemoryStream(bytes), new DicomReadOptions { MaxValueLength = 4096 }));
    }
}
