using Graph.Dicom.Tests.Support;
using Graph.Testing;

namespace Graph.Dicom.Tests;

/// <summary>Implicit VR data sets do not say their VRs: the reader must know them as DCMTK does.</summary>
public sealed class ImplicitVRTests
{
    private const string ImplicitVRLittleEndian = "1.2.840.10008.1.2";

    // Regression (found by the nested comparison with DCMTK): rtplan.dcm's Fraction Group Sequence, absent from the
    // catalogue's dictionary, was read as UN bytes with no items.
    [Fact]
    public void Read_ImplicitVrSequenceOutsideCatalogueAttributes_ReturnsItsItems()
    {
        var plan = DicomFile.Read(TestData.File("test_files/rtplan.dcm"));

        var fractionGroup = Assert.Single(plan.GetSequence(new DicomTag(0x300A, 0x0070)));

        Assert.True(plan.TryGetElement(new DicomTag(0x300A, 0x0070), out var element));
        Assert.Equal(DicomVR.SQ, element.VR);
        // Number of Fractions Planned is not in the catalogue's dictionary either: its bytes are there, as UN.
        Assert.Equal("30"u8.ToArray(), fractionGroup.GetBytes(new DicomTag(0x300A, 0x0078)).ToArray());
        Assert.Equal(2, plan.GetSequence(new DicomTag(0x300A, 0x0010)).Count);
    }

    // Regression (found by the comparison with DCMTK): Smallest Image Pixel Value of signed pixels was read as US, so
    // -1 came back as 65535.
    [Theory]
    [InlineData(1, DicomVR.SS, -1)]
    [InlineData(0, DicomVR.US, 65535)]
    public void Read_ImplicitVrPixelValue_FollowsPixelRepresentation(ushort pixelRepresentation, DicomVR vr, int smallest)
    {
        var bytes = DicomBuilder.Part10(ImplicitVRLittleEndian, d => d
            .Element(0x0028, 0x0103, "US", BitConverter.GetBytes(pixelRepresentation))
            .Element(0x0028, 0x0106, "US", [0xFF, 0xFF])
            .Header(0x5200, 0x9230, "SQ", DicomElement.UndefinedLength).Item()
            .Element(0x0028, 0x0120, "US", [0xFF, 0xFF])
            .Item(0xE00D, 0).Item(0xE0DD, 0), explicitVR: false);

        var dataset = DicomFile.Read(new MemoryStream(bytes));

        Assert.True(dataset.TryGetElement(DicomTag.SmallestImagePixelValue, out var element));
        Assert.Equal(vr, element.VR);
        Assert.Equal(smallest, dataset.GetInt(DicomTag.SmallestImagePixelValue));
        var frame = Assert.Single(dataset.GetSequence(new DicomTag(0x5200, 0x9230)));
        Assert.Equal(smallest, frame.GetInt(new DicomTag(0x0028, 0x0120)));
    }
}
