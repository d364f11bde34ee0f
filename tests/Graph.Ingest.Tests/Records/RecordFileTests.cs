using System.Text;
using Graph.Ingest.Records;

namespace Graph.Ingest.Tests.Records;

/// <summary>Reading import files: RFC 4180 CSV with its quoting rules, JSON arrays, line numbers and structural problems.</summary>
public sealed class RecordFileTests
{
    private static readonly RecordColumns Columns = new(["a", "b", "c"], ["a"]);

    private static RecordSet Csv(string text) => RecordFile.Read(Encoding.UTF8.GetBytes(text), RecordFormat.Csv, Columns);

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsThemAndCountsLines()
    {
        var set = Csv("\uFEFFa,B,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n2,,\"\"\n");

        Assert.Empty(set.Problems);
        Assert.Equal([2, 5], set.Records.Select(r => r.Line));
        Assert.Equal(("1", "x, \"y\"", "two\nlines"), (set.Records[0]["A"], set.Records[0]["b"], set.Records[0]["c"]));
        Assert.Null(set.Records[1]["b"]);
    }

    [Theory]
    [InlineData("a,b,c\n1,2\n", 2, "has 2 fields")]
    [InlineData("a,b,c\n1,2\"x\",3\n", 2, "quote inside an unquoted field")]
    [InlineData("a,b,c\n1,\"2\"x,3\n", 2, "follows the closing quote")]
    [InlineData("a,b,c\n1,2,3\n4,\"5,6\n", 3, "not closed")]
    [InlineData("a,a,c\n1,2,3\n", 1, "twice")]
    [InlineData("", 0, "empty")]
    public void Read_MalformedCsv_RejectsTheRecordWithItsLine(string text, int line, string reason)
    {
        var set = Csv(text);

        var problem = Assert.Single(set.Problems);
        Assert.Equal((line, ProblemSeverity.Rejected), (problem.Line, problem.Severity));
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderRowThatCannotBeRead_RefusesTheFileNamingLine1()
    {
        // Regression: the first data row became the header, was never reported, and its values were "unknown columns".
        var set = Csv("a,\"b\"x,c\n1,2,3\n4,5,6\n");

        var problem = Assert.Single(set.Problems);
        Assert.Equal((1, ProblemSeverity.Rejected), (problem.Line, problem.Severity));
        Assert.Contains("header row", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("follows the closing quote", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(set.Records);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0xe9, 0x0a }, RecordFormat.Csv)]
    [InlineData(new byte[] { 0x5b, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x5d }, RecordFormat.Json)]
    public void Read_NotUtf8_RefusesTheFileAsAWhole(byte[] content, RecordFormat format)
    {
        var set = RecordFile.Read(content, format, Columns);

        var problem = Assert.Single(set.Problems);
        Assert.Equal((0, "the file is not UTF-8 text"), (problem.Line, problem.Reason));
        Assert.Empty(set.Records);
    }

    [Fact]
    public void Read_UnknownColumn_WarnsOnceAndKeepsTheRecords()
    {
        var set = Csv("a,gleeson\n1,7\n2,8\n");

        var problem = Assert.Single(set.Problems);
        Assert.Equal(("gleeson", ProblemSeverity.Warning), (problem.Column, problem.Severity));
        Assert.Equal(2, set.Records.Count);
    }

    [Theory]
    [InlineData("a,gleeson\n1,7\n", 1)]
    [InlineData("a,gleeson\n", 1)]
    [InlineData("\n\na,gleeson\n1,7\n", 3)]
    [InlineData("sep=,\na,gleeson\n1,7\n", 2)]
    public void Read_UnknownColumn_WarnsOnTheHeaderRowsLine(string text, int line)
    {
        // Regression: the warning about the header was reported on the first record's line (2), and not at all without records.
        var problem = Assert.Single(Csv(text).Problems);

        Assert.Equal((line, "gleeson", ProblemSeverity.Warning), (problem.Line, problem.Column, problem.Severity));
    }

    [Theory]
    [InlineData("x,y\n")]
    [InlineData("x,y\n1,2\n3,4\n")]
    [InlineData("b,c\n")]
    public void Read_HeaderWithoutARequiredColumn_RefusesTheFileWhetherOrNotRecordsFollow(string text)
    {
        // Regression: a header-only file of other columns read as zero records and was imported "successfully".
        var set = Csv(text);

        Assert.Equal(1, set.Refusal?.Line);
        Assert.StartsWith("the header row has no 'a' column; it names ", set.Refusal!.Reason, StringComparison.Ordinal);
        Assert.Single(set.Problems);
        Assert.Empty(set.Records);
    }

    [Theory]
    [InlineData("a;b;c\n1;2;3\n4;5;6\n", "the header row 'a;b;c' looks semicolon-separated")]
    [InlineData("a;b;c\n", "the header row 'a;b;c' looks semicolon-separated")]
    [InlineData("\"a,1\";b;c\n1;2;3\n", "the header row '\"a,1\";b;c' looks semicolon-separated")]
    [InlineData("sep=;\na;b;c\n1;2;3\n", "the first line 'sep=;' is Excel's hint that the file is semicolon-separated")]
    [InlineData("sep=|\na|b|c\n", "the first line 'sep=|' is Excel's hint that the columns are separated by '|'")]
    public void Read_SemicolonSeparated_RefusesTheFileOnceSayingSo(string text, string reason)
    {
        // Regression: Excel's semicolon CSV gave "unknown column `a;b;c`" and then an error on every line.
        var set = Csv(text);

        var problem = Assert.Single(set.Problems);
        Assert.Equal((1, ProblemSeverity.Rejected), (problem.Line, problem.Severity));
        Assert.StartsWith(reason, problem.Reason, StringComparison.Ordinal);
        Assert.EndsWith("a CSV file's columns must be separated by commas", problem.Reason, StringComparison.Ordinal);
        Assert.Empty(set.Records);
    }

    [Fact]
    public void Read_ExcelCommaSeparatorHint_IsSkipped()
    {
        var set = Csv("sep=,\r\na,b,c\r\n1,2,3\r\n");

        Assert.Empty(set.Problems);
        var record = Assert.Single(set.Records);
        Assert.Equal((3, "2"), (record.Line, record["b"]));
    }

    [Fact]
    public void Read_JsonArray_MapsScalarsListsAndObjectsToText()
    {
        var set = RecordFile.Read(Encoding.UTF8.GetBytes("""
            [
              {"a": 1.5, "b": ["x", "y"], "c": {"k": true}},
              {"a": null, "b": false}
            ]
            """), RecordFormat.Json, Columns);

        Assert.Empty(set.Problems);
        Assert.Equal([2, 3], set.Records.Select(r => r.Line));
        Assert.Equal(("1.5", "x;y", """{"k": true}"""), (set.Records[0]["a"], set.Records[0]["b"], set.Records[0]["c"]));
        Assert.Equal(["x", "y"], set.Records[0].List("b"));
        Assert.Equal((null, "false"), (set.Records[1]["a"], set.Records[1]["b"]));
    }

    [Theory]
    [InlineData("{\"a\": 1}", 1)]
    [InlineData("[\n{\"a\": 1},\n{\"a\": \n", 4)]
    [InlineData("[\n{\"a\": 1},\n{\"a\" 2}\n]", 3)]
    public void Read_JsonThatIsNotAnArrayOfObjects_IsRejected(string json, int line)
    {
        var set = RecordFile.Read(Encoding.UTF8.GetBytes(json), RecordFormat.Json, Columns);

        Assert.Contains(set.Problems, p => p.Severity == ProblemSeverity.Rejected && p.Line == line);
    }

    [Theory]
    [InlineData("[\n  {\"a\": 1},\n  {\"a\": NaN},\n  {\"a\": 3}\n]", 3, 9, "'N' is an invalid start of a value")]
    [InlineData("[\n  {\"a\": 1},\n  {\"a\": \"é\", \"b\": Infinity}\n]", 3, 19, "'I' is an invalid start of a value")]
    [InlineData("[{\"a\": 1}, {\"a\": 2 \"b\": 3}]", 1, 20, "'\"' is invalid after a value")]
    [InlineData("[{\"a\": 1}]\n[{\"a\": 2}]", 2, 1, "'[' is invalid after a single JSON value")]
    public void Read_InvalidJsonAfterTheFirstRecord_RefusesTheFileNamingLineAndColumn(string json, int line, int column, string reason)
    {
        // Regression: Python's json.dump writes NaN; that record was rejected and every record after it silently dropped
        // ("records: 1" for a file of 10), and the message gave the zero-based "LineNumber: 1" for line 2.
        var set = RecordFile.Read(Encoding.UTF8.GetBytes(json), RecordFormat.Json, Columns);

        Assert.Equal(line, set.Refusal?.Line);
        Assert.StartsWith($"the file is not valid JSON at column {column}: {reason}", set.Refusal!.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", set.Refusal.Reason, StringComparison.Ordinal);
        Assert.Single(set.Problems);
        Assert.Empty(set.Records);
    }

    [Fact]
    public void Read_RowsOfOnlySeparators_AreSkippedNotRejected()
    {
        // Regression: ",,," (Excel's formatted empty rows) was read as a record without a pseudonym and rejected.
        var set = Csv("a,b,c\n1,2,3\n,,\n\"\",,\n,\n , ,\n4,5,6\n");

        Assert.Empty(set.Problems);
        Assert.Equal([2, 7], set.Records.Select(r => r.Line));
        Assert.Equal(4, set.Skipped);
    }

    [Fact]
    public void Read_JsonObjectNamingAColumnTwice_RejectsThatRecordAsCsvRejectsSuchAHeader()
    {
        // Regression: "b" and "B" were one column and the later value won, silently.
        var set = RecordFile.Read(Encoding.UTF8.GetBytes("""
            [
              {"a": 1, "b": "first", "B": "second"},
              {"a": 2, "b": "only"}
            ]
            """), RecordFormat.Json, Columns);

        var problem = Assert.Single(set.Problems);
        Assert.Equal((2, ProblemSeverity.Rejected), (problem.Line, problem.Severity));
        Assert.Contains("item 1 of the array names column 'b' twice", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(["2"], set.Records.Select(r => r["a"]));
    }

    [Theory]
    [InlineData("clinical.json", "a,b", RecordFormat.Json)]
    [InlineData("clinical.csv", "[{}]", RecordFormat.Csv)]
    [InlineData("clinical.txt", "  [{}]", RecordFormat.Json)]
    [InlineData("clinical.txt", "a,b", RecordFormat.Csv)]
    public void Detect_ByExtensionThenContent_GivesTheFormat(string path, string content, RecordFormat expected) =>
        Assert.Equal(expected, RecordFile.Detect(path, Encoding.UTF8.GetBytes(content), null));

    [Fact]
    public async Task ProblemsReport_Write_GivesOneTsvLinePerProblemByLine()
    {
        using var folder = new Graph.Testing.TempDirectory();
        var path = folder.File("rejects/report.tsv");

        await ProblemsReport.WriteAsync(path, [RecordProblem.Warn(7, "icd10", "unknown\tcode"), RecordProblem.Reject(3, "", "bad\nrecord")], CancellationToken.None);

        Assert.Equal(
            [ProblemsReport.Header, "3\t\trejected\tbad\\u000Arecord", "7\ticd10\twarning\tunknown\\u0009code"],
            await File.ReadAllLinesAsync(path));
    }
}
