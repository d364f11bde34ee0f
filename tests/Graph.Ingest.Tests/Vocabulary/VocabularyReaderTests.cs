using Graph.Ingest.Records;
using Graph.Ingest.Vocabulary;

namespace Graph.Ingest.Tests.Vocabulary;

/// <summary>Reading vocabulary files: TSV in the shape of concepts.tsv, CSV and JSON, format detection, files that cannot be read.</summary>
public sealed class VocabularyReaderTests
{
    [Fact]
    public void Read_ShippedConceptsTsv_ReadsEverySeedConceptWithItsLineAndWarnsOnceAboutCodes()
    {
        var content = File.ReadAllBytes(VocabularyText.ShippedConceptsPath());
        var set = VocabularyReader.Read(content, VocabularyReader.Detect("concepts.tsv", content, null));
        Assert.Equal(SeedVocabulary.Concepts.Select(c => c.Curie), set.Records.Select(r => r["curie"]));
        var lines = File.ReadAllLines(VocabularyText.ShippedConceptsPath());
        Assert.All(set.Records, r => Assert.StartsWith(r["curie"] + "\t", lines[r.Line - 1], StringComparison.Ordinal));
        var warning = Assert.Single(set.Problems);
        Assert.Equal(("codes", ProblemSeverity.Warning), (warning.Column, warning.Severity));
    }

    [Theory]
    [InlineData(VocabularyFormat.Tsv)]
    [InlineData(VocabularyFormat.Csv)]
    [InlineData(VocabularyFormat.Json)]
    public void Check_EachFormat_GivesTheSameConcepts(VocabularyFormat format)
    {
        var text = format switch { VocabularyFormat.Tsv => VocabularyText.Tsv, VocabularyFormat.Csv => VocabularyText.Csv, _ => VocabularyText.Json };
        var set = VocabularyReader.Read(VocabularyText.Bytes(text), format);
        var (concepts, problems) = VocabularyImporter.Check(set, format, new FakeConceptCatalogue());
        Assert.DoesNotContain(problems, p => p.Severity == ProblemSeverity.Rejected);
        Assert.Equal(["LOCAL:GLIOMA", "LOCAL:GBM", "LOCAL:LGG"], concepts.Select(c => c.Curie));
        var gbm = concepts[1];
        Assert.Equal(("LOCAL", "GBM", "Glioblastoma (local)", null), (gbm.Prefix, gbm.Code, gbm.Label, gbm.System));
        Assert.Equal(["GBM", "Grade 4 glioma"], gbm.Synonyms!);
        Assert.Equal(["LOCAL:GLIOMA"], gbm.Broader!);
        Assert.Equal("Hospital codes", concepts[0].System);
        Assert.Null(concepts[2].Synonyms);
    }

    [Theory]
    [InlineData("local.tsv", "x", VocabularyFormat.Tsv)]
    [InlineData("local.csv", "x", VocabularyFormat.Csv)]
    [InlineData("local.json", "x", VocabularyFormat.Json)]
    [InlineData("local.txt", "  [ {} ]", VocabularyFormat.Json)]
    [InlineData("local.txt", "# comment, with a comma\ncurie\tlabel\n", VocabularyFormat.Tsv)]
    [InlineData("local.txt", "curie,label\n", VocabularyFormat.Csv)]
    public void Detect_ByExtensionThenContent_GivesTheFormat(string path, string text, VocabularyFormat expected) =>
        Assert.Equal(expected, VocabularyReader.Detect(path, System.Text.Encoding.UTF8.GetBytes(text), null));

    [Theory]
    [InlineData(VocabularyFormat.Tsv, "# only a comment\n", "the file is empty")]
    [InlineData(VocabularyFormat.Tsv, "curie\tsystem\nLOCAL:A\tLocal\n", "line 1: the header row has no 'label' column")]
    [InlineData(VocabularyFormat.Tsv, "# comment\ncurie\tlabel\tLabel\n", "line 2: the header row names column 'label' twice")]
    [InlineData(VocabularyFormat.Csv, "code,label\nA,Alpha\n", "the header row has no 'curie' column")]
    [InlineData(VocabularyFormat.Csv, "foo,bar\n", "line 1: the header row has no 'curie' or 'label' column; it names foo, bar")]
    [InlineData(VocabularyFormat.Csv, "curie;label\nLOCAL:A;Alpha\n", "line 1: the header row 'curie;label' looks semicolon-separated, as Excel saves CSV in many European locales; a CSV file's columns must be separated by commas")]
    [InlineData(VocabularyFormat.Csv, "sep=;\ncurie;label\nLOCAL:A;Alpha\n", "line 1: the first line 'sep=;' is Excel's hint that the file is semicolon-separated")]
    [InlineData(VocabularyFormat.Tsv, "curie;label\nLOCAL:A;Alpha\n", "line 1: the header row 'curie;label' looks semicolon-separated, as Excel saves CSV in many European locales; a TSV file's columns must be separated by tabs")]
    [InlineData(VocabularyFormat.Json, "{ \"curie\": \"LOCAL:A\" }", "must hold an array of objects")]
    public void Read_FileThatCannotBeRead_ThrowsNamingTheReason(VocabularyFormat format, string text, string reason)
    {
        var e = Assert.Throws<VocabularyFormatException>(() => VocabularyReader.Read(System.Text.Encoding.UTF8.GetBytes(text), format));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TsvNotUtf8_Throws()
    {
        var e = Assert.Throws<VocabularyFormatException>(() => VocabularyReader.Read([0x63, 0x75, 0xff, 0xfe, 0x0a], VocabularyFormat.Tsv));
        Assert.Contains("not UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonObjectNamingAColumnTwice_RejectsThatRowWithItsLine()
    {
        // Regression: "label" and "Label" were one column and the concept was stored with the later label, "second".
        var set = VocabularyReader.Read(VocabularyText.Bytes("""[{"curie":"REVV:J","label":"first","Label":"second"}]"""), VocabularyFormat.Json);

        Assert.Empty(set.Records);
        var problem = Assert.Single(set.Problems);
        Assert.Equal((1, ProblemSeverity.Rejected), (problem.Line, problem.Severity));
        Assert.Contains("names column 'label' twice", problem.Reason, StringComparison.Ordinal);
    }
}
