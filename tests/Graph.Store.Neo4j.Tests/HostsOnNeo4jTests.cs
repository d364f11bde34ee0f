using System.Diagnostics;
using Graph.Domain;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The graph command and the service as operators run them with Graph:Store=neo4j, against a Query API served on 127.0.0.1:
/// each write command's ChangeSets (and keys) reach Neo4j as explicit transactions; a server that cannot work stops the service at start.</summary>
public sealed class HostsOnNeo4jTests : IAsyncDisposable
{
    private readonly FakeQueryApi _api = new();
    private readonly FakeQueryApiServer _server;
    private readonly TempDirectory _folder = new();

    public HostsOnNeo4jTests() => _server = new FakeQueryApiServer(_api);

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    private Dictionary<string, string> Environment => new()
    {
        ["Graph__Store"] = "neo4j",
        ["Graph__Neo4j__Uri"] = _server.Uri.ToString(),
        ["Graph__Neo4j__User"] = "neo4j",
        ["Graph__Neo4j__Password"] = "verysecret",
        ["Graph__DataDirectory"] = _folder.File("data"),
        ["NO_COLOR"] = "1",
    };

    private async Task<(int Exit, string Output)> RunAsync(string dll, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder.Path };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (name, value) in Environment)
            info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    private IEnumerable<string> Statements(string source) =>
        Transactions().Where(t => t.Source == source).SelectMany(t => t.Statements);

    // The statements of each committed transaction, by the source its AllocateSequence named.
    private List<(string Source, List<string> Statements)> Transactions()
    {
        var names = Neo4jStatements.All.GroupBy(s => s.Text).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var result = new List<(string, List<string>)>();
        List<string>? open = null;
        string? source = null;
        foreach (var request in _api.Requests)
        {
            if (request.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal))
            {
                open = [];
                source = null;
            }
            else if (request.Path.EndsWith("/commit", StringComparison.Ordinal) && open is not null)
            {
                result.Add((source ?? "?", open));
                open = null;
            }
            else if (open is not null && request.Statement is { } text)
            {
                var name = names.GetValueOrDefault(text, "?");
                if (name == "AllocateSequence")
                    source = request.Parameter("source").GetProperty("_value").GetString();
                open.Add(name);
            }
        }

        return result;
    }

    [Fact]
    public async Task WriteCommands_Neo4jStoreFromTheEnvironment_CommitTheirChangesAsExplicitTransactions()
    {
        EmptyNeo4j.Serve(_api);

        var seed = await RunAsync("graph.dll", "seed", "--patients", "2", "--batch", "1");
        Assert.True(seed.Exit == 0, seed.Output);
        var add = await RunAsync("graph.dll", "repository", "add", "neo4j-repo", "--name", "Neo4j repository", "--base-url", "http://127.0.0.1:9/dicom-web");
        Assert.True(add.Exit == 0, add.Output);
        var vocabulary = _folder.File("local.tsv");
        await File.WriteAllTextAsync(vocabulary, "curie\tsystem\tlabel\tsynonyms\tbroader\tsource\nLOCAL:GLIOMA\tHospital codes\tGlioma (local)\t\t\tlocal list\nLOCAL:GBM\tHospital codes\tGlioblastoma (local)\t\tLOCAL:GLIOMA\tlocal list\n");
        var import = await RunAsync("graph.dll", "import", "vocabulary", vocabulary);
        Assert.True(import.Exit == 0, import.Output);
        var create = await RunAsync("graph.dll", "keys", "create", "--role", "curator", "--owner", "ops");
        Assert.True(create.Exit == 0, create.Output);
        var secret = create.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("cig_", StringComparison.Ordinal));
        var revoke = await RunAsync("graph.dll", "keys", "revoke", secret.Split('_')[1]);
        Assert.True(revoke.Exit == 0, revoke.Output);

        // Every process checked the server first, then ensured the schema.
        Assert.Equal(5, _api.Requests.Count(r => r.Statement == Neo4jServerCheck.Components.Text));
        Assert.All(_api.Requests, r => Assert.Equal($"Basic {Convert.ToBase64String("neo4j:verysecret"u8.ToArray())}", r.Authorization));
        Assert.All(_api.Requests.Where(r => r.Path.Contains("/tx/", StringComparison.Ordinal)), r => Assert.Equal(QueryApiJson.Affinity, r.Affinity));
        var seeded = Statements("demo-seed").ToHashSet();
        foreach (var label in new[] { "Repository", "Dataset", "Patient", "Study", "Series", "Diagnosis", "CancerType" })
            Assert.Contains($"UpsertNodes:{label}", seeded);
        Assert.Contains(seeded, s => s.StartsWith("UpsertEdges:", StringComparison.Ordinal) && s.Contains("HAS_SERIES", StringComparison.Ordinal));
        Assert.Contains("UpsertNodes:Repository", Statements("repository-add"));
        Assert.Contains("UpsertNodes:Concept", Statements("reference-data"));
        Assert.Contains(Statements("vocabulary"), s => s.StartsWith("UpsertEdges:", StringComparison.Ordinal) && s.Contains("BROADER", StringComparison.Ordinal));
        Assert.All(Transactions(), t => Assert.Equal("RecordChange", t.Statements[^1]));
        var added = Assert.Single(_api.Requests, r => r.Statement == Neo4jAccessStatements.Add.Text);
        Assert.Equal(64, added.Parameter("hash").GetProperty("_value").GetString()!.Length);
        Assert.DoesNotContain(_api.Requests, r => r.Body?.Contains(secret.Split('_')[2], StringComparison.Ordinal) == true);
        Assert.Single(_api.Requests, r => r.Statement == Neo4jAccessStatements.Revoke.Text);
        Assert.False(Directory.Exists(Path.Combine(_folder.File("data"), "graph.db")));
    }

    [Fact]
    public async Task Service_Neo4jOlderThan526_StopsAtStartSayingWhatToChange()
    {
        _api.On(r => r.Statement == Neo4jServerCheck.Components.Text, () => FakeQueryApi.Json(System.Net.HttpStatusCode.Accepted, QueryApiJson.Components("5.24.0")));

        var (exit, output) = await RunAsync("Graph.Api.dll", "--urls", $"http://127.0.0.1:{Ports.Free()}");

        Assert.Equal(1, exit);
        Assert.Contains("The store of record cannot be used", output, StringComparison.Ordinal);
        Assert.Contains("is version 5.24.0 (community edition); this service needs Neo4j 5.26 or later", output, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecret", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_QueryApiDisabled_ExitsOneSayingWhichModuleToEnable()
    {
        _api.On(r => r.Method == HttpMethod.Get && r.Path == "/", () => FakeQueryApi.Json(System.Net.HttpStatusCode.OK, QueryApiJson.Discovery("5.26.0")));
        _api.On(_ => true, () => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));

        var (exit, output) = await RunAsync("graph.dll", "stats");

        Assert.Equal(1, exit);
        Assert.Contains("its Query API is not enabled. Add QUERY_API_ENDPOINTS to server.http_enabled_modules", output, StringComparison.Ordinal);
    }
}
