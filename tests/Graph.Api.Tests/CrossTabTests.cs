using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>crossTab: counts per pair of values of two facet fields, at the patient or series level, with missing values.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class CrossTabTests(CatalogueFactory service)
{
    /// <summary>Patients by cancer type and modality of their series: each cell is the number of patients both filters select, as a connection counts them.</summary>
    [Fact]
    public async Task PatientsByCancerTypeAndSeriesModality_CellsEqualFilteredCounts()
    {
        var table = (await service.DataAsync("""
            { crossTab(rows: "cancerTypes.code", columns: "series.modality") { rows columns
                cells { value total { value exact } columns { values { value count { value exact } } missing { value } } } otherRows { value } } }
            """))["crossTab"]!;
        Assert.Equal("cancerTypes.code", (string)table["rows"]!);
        var cells = table["cells"]!.AsArray();
        Assert.Null(cells[^1]!["value"]);
        var checkedCells = 0;
        foreach (var row in cells.Where(r => r!["value"] is not null).Take(3))
        {
            var code = (string)row!["value"]!;
            var rowTotal = await TotalAsync($$"""{ patients(where: { cancerTypes: { some: { code: { eq: "{{code}}" } } } }) { totalCount } }""");
            Assert.Equal(rowTotal, (int)row["total"]!["value"]!);
            foreach (var cell in row["columns"]!["values"]!.AsArray().Take(3))
            {
                var modality = (string)cell!["value"]!;
                Assert.True((bool)cell["count"]!["exact"]!);
                var expected = await TotalAsync($$"""
                    { patients(where: { cancerTypes: { some: { code: { eq: "{{code}}" } } }, series: { some: { modality: { eq: "{{modality}}" } } } }) { totalCount } }
                    """);
                Assert.Equal(expected, (int)cell["count"]!["value"]!);
                checkedCells++;
            }

            var noSeries = await TotalAsync($$"""{ patients(where: { cancerTypes: { some: { code: { eq: "{{code}}" } } }, series: { none: { modality: { neq: null } } } }) { totalCount } }""");
            Assert.Equal(noSeries, (int)row["columns"]!["missing"]!["value"]!);
        }

        Assert.True(checkedCells > 3);
    }

    /// <summary>Series by modality and body part under criteria: a single-valued column's cells and missing add up to the row total; rows and columns swapped give the same cells.</summary>
    [Fact]
    public async Task SeriesLevel_WithCriteria_CellsAddUpAndSwapAgrees()
    {
        const string Where = """where: { patients: { sex: { eq: "F" } } }""";
        var table = (await service.DataAsync($$"""
            { crossTab(level: "Series", rows: "modality", columns: "bodyPart", limit: 100, {{Where}}) { cells { value total { value } columns { values { value count { value } } missing { value } other { value } } } } }
            """))["crossTab"]!["cells"]!.AsArray();
        var swapped = (await service.DataAsync($$"""
            { crossTab(level: "Series", rows: "bodyPart", columns: "modality", limit: 100, {{Where}}) { cells { value columns { values { value count { value } } } } } }
            """))["crossTab"]!["cells"]!.AsArray();
        var series = await TotalAsync("""{ series(where: { patient: { sex: { eq: "F" } } }) { totalCount } }""");
        Assert.Equal(series, table.Sum(r => (int)r!["total"]!["value"]!));
        foreach (var row in table)
        {
            var columns = row!["columns"]!;
            Assert.Equal((int)row["total"]!["value"]!, columns["values"]!.AsArray().Sum(v => (int)v!["count"]!["value"]!) + (int)columns["missing"]!["value"]! + (int)columns["other"]!["value"]!);
            foreach (var cell in columns["values"]!.AsArray())
            {
                var other = swapped.First(r => (string?)r!["value"] == (string)cell!["value"]!)!["columns"]!["values"]!.AsArray().FirstOrDefault(v => (string)v!["value"]! == (string?)row["value"]);
                if (row["value"] is not null)
                    Assert.Equal((int)cell!["count"]!["value"]!, (int)other!["count"]!["value"]!);
            }
        }
    }

    /// <summary>A level other than Patient or Series, or a field that is not a facet, is a BAD_USER_INPUT error naming the input.</summary>
    [Theory]
    [InlineData("""level: "Study", rows: "sex", columns: "sex" """, "'level'")]
    [InlineData("""rows: "pseudonymX", columns: "sex" """, "pseudonymX")]
    [InlineData("""rows: "sex", columns: "sex", limit: 0""", "limit")]
    public async Task BadArguments_BadUserInput(string arguments, string named)
    {
        var body = await service.PostAsync($$"""{ crossTab({{arguments}}) { rows } }""");
        Assert.Equal("BAD_USER_INPUT", (string)body["errors"]![0]!["extensions"]!["code"]!);
        Assert.Contains(named, (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    private async Task<int> TotalAsync(string query) => (int)((JsonObject)(await service.DataAsync(query)).First().Value!)["totalCount"]!;
}
