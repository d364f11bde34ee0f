using System.Text;
using Graph.Ingest.Algorithms;
using Graph.Ingest.Records;
using Graph.Ingest.Tests.Clinical;

namespace Graph.Ingest.Tests.Algorithms;

/// <summary>Registering algorithms from files: TRAINED_ON and TARGETS links, validation per record, replacement of links, idempotence.</summary>
public sealed class AlgorithmImportTests : IAsyncLifetime
{
    private ClinicalScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await ClinicalScenario.CreateAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private Task<AlgorithmImportSummary> ImportAsync(string content, RecordFormat format = RecordFormat.Csv) =>
        AlgorithmImport.RunAsync(_scenario.Store, _scenario.Writer, RecordFile.Read(Encoding.UTF8.GetBytes(content), format, AlgorithmRegistration.ImportColumns), CancellationToken.None);

    [Fact]
    public async Task Import_Csv_RegistersAlgorithmsWithTheirLinks_AndAgainChangesNothing()
    {
        const string File = """
            slug,name,task,version,metrics,licence,url,trainedOn,targets
            liver-net-2.0,Liver net,segmentation,2.0,"{""dice"": 0.9}",MIT,https://models.example/liver,eucanimage-hcc-barcelona;eucanimage-liver-ct-paris,liver
            lung-net-1.0,Lung net,detection,1.0,,Apache-2.0,,chaimeleon-lung-valencia,lung
            """;

        var first = await ImportAsync(File);
        var second = await ImportAsync(File);

        Assert.Equal((2, 2, 0), (first.Records, first.Applied, first.Rejected));
        Assert.Equal(["eucanimage-hcc-barcelona", "eucanimage-liver-ct-paris"], await _scenario.TargetsAsync("TRAINED_ON", "Algorithm", "liver-net-2.0"));
        Assert.Equal(["liver"], await _scenario.TargetsAsync("TARGETS", "Algorithm", "liver-net-2.0"));
        var node = await _scenario.NodeAsync("Algorithm", "liver-net-2.0");
        Assert.Equal(("Liver net", "segmentation", "{\"dice\": 0.9}", "MIT"), ((string)node!["name"]!, (string)node["task"]!, (string)node["metrics"]!, (string)node["licence"]!));
        Assert.Equal((2, 0L, 0L, first.Sequence), (second.Applied, second.NodesChanged, second.EdgesChanged, second.Sequence));
    }

    [Fact]
    public async Task Import_ListGiven_ReplacesTheStoredLinks_BlankKeepsThem()
    {
        await ImportAsync("""
            slug,name,trainedOn,targets
            liver-net-2.0,Liver net,eucanimage-hcc-barcelona;eucanimage-liver-ct-paris,liver
            """);
        await ImportAsync("""
            [{ "slug": "liver-net-2.0", "trainedOn": ["eucanimage-liver-ct-paris"], "version": "2.1" }]
            """, RecordFormat.Json);

        Assert.Equal(["eucanimage-liver-ct-paris"], await _scenario.TargetsAsync("TRAINED_ON", "Algorithm", "liver-net-2.0"));
        Assert.Equal(["liver"], await _scenario.TargetsAsync("TARGETS", "Algorithm", "liver-net-2.0"));
        Assert.Equal(("Liver net", "2.1"), ((string)(await _scenario.NodeAsync("Algorithm", "liver-net-2.0"))!["name"]!, (string)(await _scenario.NodeAsync("Algorithm", "liver-net-2.0"))!["version"]!));
    }

    [Fact]
    public async Task Import_BadRecords_RejectsEachNamingTheColumn_AndAppliesTheOthers()
    {
        var summary = await ImportAsync("""
            slug,name,task,version,metrics,licence,url,trainedOn,targets
            Bad Slug,Name,,,,,,,
            new-net,,,,,,,,
            ok-net,OK,,,"[1,2]",,ftp://models.example,no-such-dataset,liver;kidney
            good-net,Good,,,,,,glioma-leuven,glioma
            good-net,Again,,,,,,,
            """);

        Assert.Equal((5, 1, 4), (summary.Records, summary.Applied, summary.Rejected));
        var rejected = summary.Problems.Select(p => (p.Line, p.Column)).ToList();
        Assert.Contains((2, "slug"), rejected);
        Assert.Contains((3, "name"), rejected);
        Assert.Contains((4, "metrics"), rejected);
        Assert.Contains((4, "url"), rejected);
        Assert.Contains((4, "trainedOn"), rejected);
        Assert.Contains((4, "targets"), rejected);
        Assert.Contains((6, "slug"), rejected);
        Assert.Contains(summary.Problems, p => p.Line == 4 && p.Reason.Contains("'kidney'", StringComparison.Ordinal));
        Assert.Null(await _scenario.NodeAsync("Algorithm", "ok-net"));
        Assert.Equal("Good", (await _scenario.NodeAsync("Algorithm", "good-net"))!["name"]);
    }

    [Theory]
    [InlineData(""" "url": "https://user:pw@models.example/liver" """, "url")]
    [InlineData(""" "url": "https://models.example/liver net" """, "url")]
    [InlineData(""" "metrics": { "dice": 1e999 } """, "metrics")]
    [InlineData(""" "metrics": "{\"dice\": {\"liver\": -1e999}}" """, "metrics")]
    [InlineData(""" "metrics": { "dice": 0.9, "dice": 0.1 } """, "metrics")]
    [InlineData(""" "metrics": { "per organ": { "liver": 0.9, "liver": 0.1 } } """, "metrics")]
    [InlineData(""" "name": "Liver\nnet" """, "name")]
    [InlineData(""" "name": "Liver\r\n[12:00:00 ERR] forged" """, "name")]
    [InlineData(""" "name": "Liver\tnet" """, "name")]
    [InlineData(""" "name": "Liver\u2028net" """, "name")]
    [InlineData(""" "task": "segmen\ntation" """, "task")]
    [InlineData(""" "licence": "MIT\u001b[31m" """, "licence")]
    public async Task Import_UnsafeUrlMetricsOrText_RejectsTheRecordNamingTheColumn(string property, string column)
    {
        // Regression: a URL with credentials, metrics that are not finite or name a figure twice, and names with line breaks
        // were registered.
        var name = column == "name" ? "" : "\"name\": \"Unsafe net\", ";
        var summary = await ImportAsync($"[{{ \"slug\": \"unsafe-net-1.0\", {name}{property} }}]", RecordFormat.Json);

        Assert.Equal((0, 1), (summary.Applied, summary.Rejected));
        var problem = Assert.Single(summary.Problems);
        Assert.Equal((1, column), (problem.Line, problem.Column));
        Assert.DoesNotContain("pw", problem.Reason, StringComparison.Ordinal);
        Assert.Null(await _scenario.NodeAsync("Algorithm", "unsafe-net-1.0"));
    }

    [Fact]
    public async Task Import_MetricsWithWholeAndNestedFigures_IsAccepted()
    {
        var summary = await ImportAsync("""
            [{ "slug": "safe-net-1.0", "name": "Safe net", "url": "https://models.example/safe?v=1", "metrics": { "dice": 0.9, "cases": 120, "per organ": { "liver": 0.9, "spleen": 0.8 } } }]
            """, RecordFormat.Json);

        Assert.Equal((1, 0), (summary.Applied, summary.Rejected));
    }
}
