using Graph.Ingest.Mappings;

namespace Graph.Ingest.Tests.Mappings;

/// <summary>Reading SSSOM TSV: metadata, rows, and every bad row reported with its line and reason.</summary>
public sealed class SssomReaderTests
{
    private static SssomDocument Read(string text) => SssomReader.Read(new StringReader(text));

    [Fact]
    public void Read_GoodFile_ReturnsMetadataAndMappingsWithProvenance()
    {
        var document = Read(SssomText.Of(SssomText.Metadata, SssomText.Good));
        Assert.Equal("https://partner.example/mappings/brain.sssom.tsv", document.MappingSetId);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", document.License);
        Assert.Equal("https://partner.example/onto/", document.CurieMap["PARTNER"]);
        Assert.Empty(document.Rejections);
        var first = document.Mappings[0];
        Assert.Equal(("PARTNER:G1", "exactMatch", "NCIT:C3059", "semapv:ManualMappingCuration", 0.95, "orcid:0000-0002-1825-0097", "2024-05-31", 8),
            (first.SubjectId, first.Predicate, first.ObjectId, first.Justification, first.Confidence, first.Author, first.Date, first.Line));
        Assert.Equal("narrowMatch", document.Mappings[1].Predicate);
        Assert.Null(document.Mappings[1].Author);
    }

    [Fact]
    public void Read_BadRows_ReportsEachWithLineAndReasonAndKeepsTheGoodOnes()
    {
        var document = Read(SssomText.Of(SssomText.Metadata, SssomText.Good, SssomText.Bad));
        Assert.Equal(2, document.Mappings.Count);
        var reasons = document.Rejections.ToDictionary(r => r.Line, r => r.Reason);
        Assert.Equal([10, 11, 12, 13, 14, 15, 16], reasons.Keys.Order());
        Assert.Contains("prefix 'OTHER', which the curie_map does not declare", reasons[10], StringComparison.Ordinal);
        Assert.Contains("owl:equivalentClass", reasons[11], StringComparison.Ordinal);
        Assert.Contains("mapping_justification 'manual'", reasons[12], StringComparison.Ordinal);
        Assert.Contains("confidence 1.5 is not between 0 and 1", reasons[13], StringComparison.Ordinal);
        Assert.Contains("mapping_date '31/05/2024'", reasons[14], StringComparison.Ordinal);
        Assert.Contains("already on line 8", reasons[15], StringComparison.Ordinal);
        Assert.Contains("the row has 4 fields; the header has 9", reasons[16], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#license: \"x\"\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n", "mapping_set_id")]
    [InlineData("#mapping_set_id: \"x\"\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n", "license")]
    [InlineData("#mapping_set_id: \"x\"\n#license: \"y\"\nsubject_id\tpredicate_id\tobject_id\n", "mapping_justification")]
    [InlineData("#mapping_set_id: \"x\"\n#license: \"y\"\n", "no header")]
    public void Read_BadMetadataOrHeader_ThrowsNamingWhatIsMissing(string text, string expected)
    {
        var error = Assert.Throws<SssomFormatException>(() => Read(text));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MetadataWithASpaceAfterTheHash_ReadsItAsTheSameYaml()
    {
        // Regression: "# mapping_set_id: ..." was taken for an indented line and the file refused for having no mapping_set_id.
        var metadata = string.Join('\n', SssomText.Metadata.Split('\n').Select(l => l.StartsWith('#') ? "# " + l[1..] : l));

        var document = Read(SssomText.Of(metadata, SssomText.Good));

        Assert.Equal("https://partner.example/mappings/brain.sssom.tsv", document.MappingSetId);
        Assert.Equal("https://partner.example/onto/", document.CurieMap["PARTNER"]);
        Assert.Equal(2, document.Mappings.Count);
        Assert.Empty(document.Rejections);
    }

    [Fact]
    public void Read_MetadataKeyIndentedLessThanTheFirst_ThrowsSayingSo()
    {
        var error = Assert.Throws<SssomFormatException>(() => Read("#  mapping_set_id: \"x\"\n#license: \"y\"\nsubject_id\tpredicate_id\tobject_id\tmapping_justification\n"));

        Assert.Contains("line 2: metadata line 'license: \"y\"' is indented less than the first key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextStartingWithAByteOrderMark_ReadsTheMetadata()
    {
        // Regression: importMappings over GraphQL refused a text starting with U+FEFF that the command accepted from a file.
        var document = Read("\uFEFF" + SssomText.Of(SssomText.Metadata, SssomText.Good));

        Assert.Equal("https://partner.example/mappings/brain.sssom.tsv", document.MappingSetId);
        Assert.Equal(2, document.Mappings.Count);
    }

    [Fact]
    public void Read_HeaderNamingAColumnTwice_ThrowsNamingIt()
    {
        // Regression: the first subject_id column was used and the second ignored, silently.
        var error = Assert.Throws<SssomFormatException>(() => Read(
            "#mapping_set_id: \"x\"\n#license: \"y\"\nsubject_id\tsubject_id\tpredicate_id\tobject_id\tmapping_justification\n"));

        Assert.Contains("line 3: the header row names column 'subject_id' twice", error.Message, StringComparison.Ordinal);
    }
}
