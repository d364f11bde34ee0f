using System.Text;
using Graph.Dicom.Tests.Support;

namespace Graph.Dicom.Tests;

/// <summary>The DICOM JSON model (PS3.18 F.2), as QIDO-RS and WADO-RS metadata responses carry it.</summary>
public sealed class DicomJsonTests
{
    private const string Study = """
        {
          "00080005": { "vr": "CS", "Value": ["ISO_IR 192"] },
          "00080020": { "vr": "DA", "Value": ["20240131"] },
          "00080061": { "vr": "CS", "Value": ["CT", "SEG"] },
          "00080090": { "vr": "PN" },
          "00100010": { "vr": "PN", "Value": [ { "Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎", "Phonetic": "やまだ^たろう" } ] },
          "00100020": { "vr": "LO", "Value": [] },
          "00101010": { "vr": "AS", "Value": ["061Y"] },
          "00101030": { "vr": "DS", "Value": [72.5] },
          "00180050": { "vr": "DS", "Value": ["1.250"] },
          "00200011": { "vr": "IS", "Value": [3] },
          "00201208": { "vr": "IS", "Value": ["120"] },
          "0020000D": { "vr": "UI", "Value": ["1.2.3.4"] },
          "00280010": { "vr": "US", "Value": [512] },
          "00280030": { "vr": "DS", "Value": [0.7, "0.8"] },
          "00280009": { "vr": "AT", "Value": ["00209113"] },
          "00281052": { "vr": "DS", "Value": [null] },
          "00081115": { "vr": "SQ", "Value": [ { "0020000E": { "vr": "UI", "Value": ["1.2.3.4.5"] } }, {} ] },
          "00091010": { "vr": "OB", "InlineBinary": "AAEC" },
          "7FE00010": { "vr": "OW", "BulkDataURI": "https://example.org/studies/1.2.3.4/bulk" }
        }
        """;

    [Fact]
    public void Parse_QidoStudy_ReadsEveryKindOfValue()
    {
        var dataset = DicomJson.Parse(Study);

        Assert.Equal(new DateOnly(2024, 1, 31), dataset.GetDate(DicomTag.StudyDate));
        Assert.Equal(["CT", "SEG"], dataset.GetStrings(DicomTag.ModalitiesInStudy));
        Assert.Equal(new DicomPersonName("Yamada^Tarou", "山田^太郎", "やまだ^たろう"), dataset.GetPersonName(DicomTag.PatientName));
        Assert.Equal(new DicomAge(61, DicomAgeUnit.Years), dataset.GetAge(DicomTag.PatientAge));
        Assert.Equal(72.5, dataset.GetDouble(DicomTag.PatientWeight));
        Assert.Equal(1.25, dataset.GetDouble(DicomTag.SliceThickness));
        Assert.Equal(3, dataset.GetInt(DicomTag.SeriesNumber));
        Assert.Equal(120, dataset.GetInt(DicomTag.NumberOfStudyRelatedInstances));
        Assert.Equal(512, dataset.GetInt(DicomTag.Rows));
        Assert.Equal(0.8, dataset.GetDouble(DicomTag.PixelSpacing, 1));
        Assert.Equal(DicomTag.PlanePositionSequence, dataset.GetAttributeTag(DicomTag.FrameIncrementPointer));
        Assert.Equal("1.2.3.4", dataset.GetString(DicomTag.StudyInstanceUID));
        Assert.Equal(["ISO_IR 192"], dataset.SpecificCharacterSet);
        Assert.Null(dataset.TransferSyntaxUid);
    }

    [Fact]
    public void Parse_EmptyOrMissingValues_GivesPresentEmptyElements()
    {
        var dataset = DicomJson.Parse(Study);

        Assert.True(dataset.Contains(DicomTag.ReferringPhysicianName));
        Assert.Equal(string.Empty, dataset.GetString(DicomTag.ReferringPhysicianName));
        Assert.Null(dataset.GetPersonName(DicomTag.ReferringPhysicianName));
        Assert.Equal(string.Empty, dataset.GetString(DicomTag.PatientID));
        Assert.Null(dataset.GetDouble(DicomTag.RescaleIntercept));
    }

    [Fact]
    public void Parse_Sequence_ReadsItemsIncludingEmptyOnes()
    {
        var items = DicomJson.Parse(Study).GetSequence(DicomTag.ReferencedSeriesSequence);

        Assert.Equal(2, items.Count);
        Assert.Equal("1.2.3.4.5", items[0].GetString(DicomTag.SeriesInstanceUID));
        Assert.Empty(items[1]);
    }

    [Fact]
    public void Parse_InlineBinaryAndBulkDataUri_KeptAsNotLoaded()
    {
        var dataset = DicomJson.Parse(Study);

        Assert.True(dataset.TryGetElement(new DicomTag(0x0009, 0x1010), out var inline));
        Assert.False(inline.IsValueLoaded);
        Assert.True(dataset.TryGetElement(DicomTag.PixelData, out var bulk));
        Assert.False(bulk.IsValueLoaded);
        Assert.Equal(DicomVR.OW, bulk.VR);
    }

    [Fact]
    public async Task ReadArrayAsync_QidoResponse_ReadsEachDataSet()
    {
        using var response = new MemoryStream(Encoding.UTF8.GetBytes($"[{Study}, {{ \"0020000D\": {{ \"vr\": \"UI\", \"Value\": [\"9.8\"] }} }}]"));

        var datasets = await DicomJson.ReadArrayAsync(response, cancellationToken: CancellationToken.None);

        Assert.Equal(["1.2.3.4", "9.8"], datasets.Select(d => d.GetString(DicomTag.StudyInstanceUID)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("42")]
    [InlineData("""{ "0010": { "vr": "LO" } }""")]
    [InlineData("""{ "00100010": "Doe" }""")]
    [InlineData("""{ "00100010": { "vr": "XX", "Value": ["A"] } }""")]
    [InlineData("""{ "00100010": { "vr": "PN", "Value": "Doe" } }""")]
    [InlineData("""{ "00280010": { "vr": "US", "Value": [70000] } }""")]
    [InlineData("""{ "00280010": { "vr": "US", "Value": [true] } }""")]
    [InlineData("""{ "00081115": { "vr": "SQ", "Value": [42] } }""")]
    [InlineData("""{ "00100020": { "vr": "LO", "Value": [[]] } }""")]
    public void Parse_MalformedJson_ThrowsDicomReadException(string json)
    {
        Assert.Throws<DicomReadException>(() => DicomJson.ParseArray(json));
    }

    [Fact]
    public void Parse_SequencesNestedBeyondMaxDepth_Throws()
    {
        var json = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            json.Append("""{ "0040A730": { "vr": "SQ", "Value": [""");
        }

        json.Append("{}");
        for (var i = 0; i < 100; i++)
        {
            json.Append("] } }");
        }

        Assert.Throws<DicomReadException>(() => DicomJson.Parse(json.ToString()));
    }

    [Fact]
    public void Parse_PydicomPersonNameJson_ReadsNestedNames()
    {
        var dataset = DicomJson.Parse(TestData.Bytes("test_files/test_PN.json"));

        Assert.Equal("Prostate^Volunteer", dataset.GetString(DicomTag.PatientName));
        var original = Assert.Single(dataset.GetSequence(new DicomTag(0x0400, 0x0561)));
        var modified = Assert.Single(original.GetSequence(new DicomTag(0x0400, 0x0550)));
        Assert.Equal(new DicomAge(51, DicomAgeUnit.Years), modified.GetAge(DicomTag.PatientAge));
    }

    [Fact]
    public void Parse_PydicomJson_ReadsNumbersAndPrivateCreators()
    {
        var dataset = DicomJson.Parse(TestData.Bytes("test_files/test1.json"));

        Assert.Equal("1.2.840.10008.5.1.4.1.1.4", dataset.GetString(DicomTag.SOPClassUID));
        Assert.Equal(714, dataset.GetInt(new DicomTag(0x0020, 0x1002)));
        Assert.Equal("GEMS_SERS_01", dataset.GetString(new DicomTag(0x0025, 0x0010)));
        Assert.All(dataset.Where(e => e.VR is DicomVR.US or DicomVR.SS or DicomVR.UL or DicomVR.SL), e => Assert.NotNull(dataset.GetInt(e.Tag)));
    }

    [Theory]
    [InlineData("test_files/MR_small.dcm")]
    [InlineData("test_files/CT_small.dcm")]
    [InlineData("test_files/ExplVR_BigEnd.dcm")]
    [InlineData("test_files/rtplan.dcm")]
    [InlineData("test_files/rtdose.dcm")]
    [InlineData("test_files/test-SR.dcm")]
    [InlineData("test_files/waveform_ecg.dcm")]
    [InlineData("charset_files/chrI2.dcm")]
    [InlineData("charset_files/chrX2.dcm")]
    [InlineData("charset_files/chrFrenMulti.dcm")]
    public void Parse_Dcm2JsonOutput_SameValuesAsPart10(string file)
    {
        var path = TestData.File(file);
        var part10 = DicomFile.Read(path);

        var json = DicomJson.Parse(Dcm2Json.Convert(path));

        AssertSameValues(part10, json);
    }

    private static void AssertSameValues(DicomDataset part10, DicomDataset json)
    {
        // DICOM JSON has no file meta information or group lengths, and dcm2json declares its output UTF-8.
        foreach (var element in part10.Where(e => e.Tag.Group != 0x0002 && e.Tag.Element != 0 && e.Tag != DicomTag.PixelData
                     && e.Tag != DicomTag.SpecificCharacterSet && e.VR != DicomVR.UN))
        {
            var tag = element.Tag;
            Assert.True(json.Contains(tag), $"{tag} is missing");
            switch (element.VR)
            {
                case DicomVR.SQ:
                    var items = part10.GetSequence(tag);
                    Assert.Equal(items.Count, json.GetSequence(tag).Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        AssertSameValues(items[i], json.GetSequence(tag)[i]);
                    }

                    break;
                case DicomVR.DS or DicomVR.IS or DicomVR.FL or DicomVR.FD:
                    var count = part10.GetStrings(tag).Length;
                    for (var i = 0; i < count; i++)
                    {
                        Assert.Equal(part10.GetDouble(tag, i), json.GetDouble(tag, i));
                    }

                    break;
                case DicomVR.PN:
                    // dcm2json leaves out a name made only of delimiters, such as "^^^^".
                    Assert.Equal(Names(part10, tag), Names(json, tag));
                    break;
                case var vr when element.IsValueLoaded && !DicomVRInfo.IsBinary(vr):
                    Assert.Equal(part10.GetStrings(tag), json.GetStrings(tag));
                    break;
            }
        }
    }

    private static IEnumerable<DicomPersonName> Names(DicomDataset dataset, DicomTag tag) =>
        dataset.GetStrings(tag).Where(n => n.Trim('^', '=').Length > 0).Select(DicomPersonName.Parse);
}
