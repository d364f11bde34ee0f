using Graph.Dicom.Tests.Support;

namespace Graph.Dicom.Tests;

/// <summary>One real file per transfer syntax and encoding variant; every variant of MR_small must read the same.</summary>
public sealed class TransferSyntaxTests
{
    public static TheoryData<string, string> MrSmallVariants() => new()
    {
        { "test_files/MR_small_implicit.dcm", "1.2.840.10008.1.2" },
        { "test_files/MR_small_bigendian.dcm", "1.2.840.10008.1.2.2" },
        { "test_files/MR_small_expb.dcm", "1.2.840.10008.1.2.2" },
        { "test_files/MR_small_padded.dcm", "1.2.840.10008.1.2.1" },
        { "test_files/MR_small_RLE.dcm", "1.2.840.10008.1.2.5" },
        { "test_files/MR_small_jp2klossless.dcm", "1.2.840.10008.1.2.4.90" },
        { "test_files/MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80" },
    };

    public static TheoryData<string, string> EncapsulatedFiles() => new()
    {
        { "test_files/SC_rgb_jpeg_dcmtk.dcm", "1.2.840.10008.1.2.4.50" },
        { "test_files/JPGExtended.dcm", "1.2.840.10008.1.2.4.51" },
        { "test_files/SC_rgb_jpeg_gdcm.dcm", "1.2.840.10008.1.2.4.70" },
        { "test_files/MR_small_jpeg_ls_lossless.dcm", "1.2.840.10008.1.2.4.80" },
        { "test_files/GDCMJ2K_TextGBR.dcm", "1.2.840.10008.1.2.4.90" },
        { "test_files/JPEG2000.dcm", "1.2.840.10008.1.2.4.91" },
        { "test_files/SC_rgb_rle_32bit_2frame.dcm", "1.2.840.10008.1.2.5" },
    };

    [Theory]
    [MemberData(nameof(MrSmallVariants))]
    public void Read_MrSmallVariant_SameValuesAsExplicitLittleEndian(string file, string transferSyntax)
    {
        var reference = DicomFile.Read(TestData.File("test_files/MR_small.dcm"));

        var variant = DicomFile.Read(TestData.File(file));

        Assert.Equal(transferSyntax, variant.TransferSyntaxUid);
        var compared = 0;
        foreach (var element in reference.Where(e => e.Tag.Group != 0x0002 && e.Tag != DicomTag.PixelData))
        {
            Assert.True(variant.Contains(element.Tag), $"{element.Tag} is missing");
            Assert.Equal(reference.GetStrings(element.Tag), variant.GetStrings(element.Tag));
            compared++;
        }

        Assert.True(compared > 70);
        Assert.Equal(64, variant.GetInt(DicomTag.Rows));
        Assert.Equal(0.3125, variant.GetDouble(DicomTag.PixelSpacing, 1));
    }

    [Theory]
    [MemberData(nameof(EncapsulatedFiles))]
    public void Read_EncapsulatedTransferSyntax_StopsAtUnloadedPixelData(string file, string transferSyntax)
    {
        var dataset = DicomFile.Read(TestData.File(file));

        Assert.Equal(transferSyntax, dataset.TransferSyntaxUid);
        Assert.True(dataset.TryGetElement(DicomTag.PixelData, out var pixelData));
        Assert.Equal(DicomElement.UndefinedLength, pixelData.Length);
        Assert.False(pixelData.IsValueLoaded);
        Assert.True(dataset.GetBytes(DicomTag.PixelData).IsEmpty);
        Assert.NotNull(dataset.GetInt(DicomTag.Rows));
    }

    [Fact]
    public void Read_DeflatedExplicitLittleEndian_InflatesDataSet()
    {
        var dataset = DicomFile.Read(TestData.File("test_files/image_dfl.dcm"));

        Assert.Equal("1.2.840.10008.1.2.1.99", dataset.TransferSyntaxUid);
        Assert.Equal("OT", dataset.GetString(DicomTag.Modality));
        Assert.Equal(512, dataset.GetInt(DicomTag.Rows));
        Assert.Equal(512, dataset.GetInt(DicomTag.Columns));
        Assert.True(dataset.Contains(DicomTag.PixelData));
    }

    [Fact]
    public void Read_DeflatedFromNonSeekableStream_SameAsFromFile()
    {
        var path = TestData.File("test_files/image_dfl.dcm");
        using var stream = new ForwardOnlyStream(File.ReadAllBytes(path));

        var dataset = DicomFile.Read(stream);

        Assert.Equal(DicomFile.Read(path).Select(e => e.Tag), dataset.Select(e => e.Tag));
    }

    [Fact]
    public void Read_BigEndian_SwapsBinaryNumbers()
    {
        var dataset = DicomFile.Read(TestData.File("test_files/ExplVR_BigEnd.dcm"));

        Assert.Equal("1.2.840.10008.1.2.2", dataset.TransferSyntaxUid);
        Assert.Equal(60, dataset.GetInt(DicomTag.Rows));
        Assert.Equal(80, dataset.GetInt(DicomTag.Columns));
        Assert.Equal(8, dataset.GetInt(DicomTag.BitsAllocated));
        Assert.Equal(new DateOnly(1997, 4, 24), dataset.GetDate(DicomTag.StudyDate));
    }

    [Fact]
    public void Read_BigEndianSegmentation_ReadsNestedSequences()
    {
        var little = DicomFile.Read(TestData.File("test_files/liver_1frame.dcm"));
        var big = DicomFile.Read(TestData.File("test_files/liver_expb_1frame.dcm"));

        var segments = big.GetSequence(DicomTag.SegmentSequence);
        Assert.NotEmpty(segments);
        Assert.Equal(little.GetSequence(DicomTag.SegmentSequence).Select(s => s.GetString(DicomTag.SegmentLabel)), segments.Select(s => s.GetString(DicomTag.SegmentLabel)));
        Assert.Equal(little.GetSequence(DicomTag.SegmentSequence).Select(s => s.GetInt(DicomTag.SegmentNumber)), segments.Select(s => s.GetInt(DicomTag.SegmentNumber)));
    }

    [Theory]
    [InlineData("test_files/ExplVR_LitEndNoMeta.dcm", "1.2.840.10008.1.2.1")]
    [InlineData("test_files/ExplVR_BigEndNoMeta.dcm", "1.2.840.10008.1.2.2")]
    [InlineData("test_files/no_meta_group_length.dcm", "1.2.840.10008.1.2")]
    public void Read_FileWithoutPreambleOrMeta_DetectsEncoding(string file, string transferSyntax)
    {
        var dataset = DicomFile.Read(TestData.File(file));

        Assert.Equal(transferSyntax, dataset.TransferSyntaxUid);
        Assert.NotEmpty(dataset);
    }

    [Fact]
    public void Read_BareDataSetsInBothByteOrders_SameValues()
    {
        var little = DicomFile.Read(TestData.File("test_files/ExplVR_LitEndNoMeta.dcm"));
        var big = DicomFile.Read(TestData.File("test_files/ExplVR_BigEndNoMeta.dcm"));

        Assert.Equal("RTPLAN", big.GetString(DicomTag.Modality));
        Assert.Equal(little.Select(e => e.Tag), big.Select(e => e.Tag));
        Assert.All(little, e => Assert.Equal(little.GetString(e.Tag), big.GetString(e.Tag)));
    }

    [Fact]
    public void Read_MetaWithoutTransferSyntax_DetectsImplicitLittleEndian()
    {
        var dataset = DicomFile.Read(TestData.File("test_files/meta_missing_tsyntax.dcm"));

        Assert.Equal("1.2.840.10008.1.2", dataset.TransferSyntaxUid);
        var outer = dataset.GetSequence(new DicomTag(0x0001, 0x0001));
        var inner = Assert.Single(outer).GetSequence(new DicomTag(0x0001, 0x0001));
        Assert.Equal("Double Nested SQ", System.Text.Encoding.ASCII.GetString(Assert.Single(inner).GetBytes(new DicomTag(0x0001, 0x0001)).Span));
    }

    [Fact]
    public void Read_ExplicitDeclaredButImplicitWritten_ReadsAsWritten()
    {
        // SC_rgb_jpeg.dcm declares JPEG Baseline (explicit VR) but its data set is implicit VR, as pydicom notices.
        var dataset = DicomFile.Read(TestData.File("test_files/SC_rgb_jpeg.dcm"));

        Assert.Equal("1.2.840.10008.1.2.4.50", dataset.TransferSyntaxUid);
        Assert.Equal("OT", dataset.GetString(DicomTag.Modality));
        Assert.Equal(256, dataset.GetInt(DicomTag.Rows));
        Assert.Equal(256, dataset.GetInt(DicomTag.Columns));
        Assert.Equal("RGB", dataset.GetString(DicomTag.PhotometricInterpretation));
    }

    [Fact]
    public void Read_UndefinedLengthUnknownVR_ReadsItAsImplicitSequence()
    {
        // CP-246: a private UN element of undefined length holds a sequence in implicit VR little endian.
        var dataset = DicomFile.Read(TestData.File("test_files/UN_sequence.dcm"));

        var item = Assert.Single(dataset.GetSequence(new DicomTag(0x4453, 0x100C)));
        var series = Assert.Single(item.GetSequence(DicomTag.ReferencedSeriesSequence));
        Assert.Equal("1.2.840.113619.2.327.3.185221411.476.1398588726.276", series.GetString(DicomTag.SeriesInstanceUID));
        Assert.Equal("1.2.840.10008.5.1.4.1.1.2", Assert.Single(series.GetSequence(DicomTag.ReferencedSOPSequence)).GetString(DicomTag.ReferencedSOPClassUID));
    }

    [Fact]
    public void Read_DeeplyNestedStructuredReport_ReadsEveryLevel()
    {
        var dataset = DicomFile.Read(TestData.File("test_files/test-SR.dcm"));

        var depth = 0;
        var level = dataset.GetSequence(DicomTag.ContentSequence);
        while (level.Count > 0)
        {
            depth++;
            level = level.SelectMany(item => item.GetSequence(DicomTag.ContentSequence)).ToList();
        }

        Assert.True(depth >= 3, $"content tree depth {depth}");
        Assert.Equal("SR", dataset.GetString(DicomTag.Modality));
    }

    [Fact]
    public void Read_ImplicitVRPrivateElementOfDefinedLength_KeptAsUnknownBytes()
    {
        // Without a dictionary entry an implicit VR element is UN; like DCMTK we do not guess it holds a sequence.
        var dataset = DicomFile.Read(TestData.File("test_files/priv_SQ.dcm"));

        Assert.Equal("aaabbbccc MEDICAL SYSTEMS", dataset.GetString(new DicomTag(0x3F03, 0x0010)));
        Assert.True(dataset.TryGetElement(new DicomTag(0x3F03, 0x1001), out var element));
        Assert.Equal(DicomVR.UN, element.VR);
        Assert.Equal(166, dataset.GetBytes(element.Tag).Length);
    }
}
