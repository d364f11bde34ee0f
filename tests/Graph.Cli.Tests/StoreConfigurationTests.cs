using Graph.Domain;
using Graph.Store;
using Graph.Store.Access;
using Graph.Store.Sqlite;
using Graph.Store.Sqlite.Access;
using Graph.Testing;

namespace Graph.Cli.Tests;

/// <summary>Every graph command takes its store from the service's configuration (Graph:Store, Graph:DataDirectory, Graph:Neo4j:*):
/// environment variables and appsettings.json, not only --data. Every write command runs once against the SQLite store so configured.</summary>
public sealed class StoreConfigurationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private string Work => Directory.CreateDirectory(_folder.File("work")).FullName;

    private string Store => _folder.File("store");

    private Dictionary<string, string> Environment => new() { ["Graph__Store"] = "sqlite", ["Graph__DataDirectory"] = Store };

    private async Task<string> RunAsync(params string[] args)
    {
        var (exit, output, error) = await GraphCommand.RunInAsync(Work, Environment, args);
        Assert.True(exit == 0, $"graph {string.Join(' ', args)} exited {exit}: {error}{output}");
        return output;
    }

    private string Write(string name, string text)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
        return path;
    }

    [Fact]
    public async Task WriteCommands_StoreFromTheEnvironment_AllWriteToThatStore()
    {
        await using var orthanc = await OrthancServer.StartAsync();
        await orthanc.UploadAsync(await File.ReadAllBytesAsync(PydicomFiles.File("MR_small.dcm")));
        await RunAsync("seed", "--patients", "3", "--batch", "2");
        await RunAsync("repository", "add", "env-repo", "--name", "Env repository", "--base-url", orthanc.DicomWebRoot);
        await RunAsync("import", "vocabulary", Write("local.tsv", """
            curie	system	label	synonyms	broader	source
            LOCAL:GLIOMA	Hospital codes	Glioma (local)	Glial tumour		local list 2024
            """));
        await RunAsync("import", "mappings", Write("m.sssom.tsv", """
            #curie_map:
            #  NCIT: "http://purl.obolibrary.org/obo/NCIT_"
            #  LOCAL: "https://hospital.example/codes/"
            #mapping_set_id: "https://hospital.example/mappings/local.sssom.tsv"
            #license: "https://creativecommons.org/licenses/by/4.0/"
            subject_id	subject_label	predicate_id	object_id	object_label	mapping_justification	confidence	author_id	mapping_date
            LOCAL:GLIOMA	Glioma (local)	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.95	orcid:0000-0002-1825-0097	2024-05-31
            """));
        var (patient, dataset, cancerType) = await PickAsync();
        await RunAsync("import", "clinical", Write("clinical.csv", $"""
            pseudonym,cancerType,icd10,stage
            {patient},{cancerType},C50.4,IIA
            """));
        await RunAsync("import", "algorithms", Write("algorithms.json", $$"""
            [{ "slug": "env-net-1.0", "name": "Env net", "trainedOn": ["{{dataset}}"], "targets": ["{{cancerType}}"] }]
            """));
        var dicom = Directory.CreateDirectory(_folder.File("dicom")).FullName;
        File.Copy(PydicomFiles.File("CT_small.dcm"), Path.Combine(dicom, "CT_small.dcm"));
        await RunAsync("ingest", "dicom", dicom, "--repository", "env-files", "--dataset", "env-ct", "--development-secret");
        await RunAsync("harvest", "env-repo", "--dataset", "env-harvested", "--credentials-file", Write("credentials", $"{OrthancServer.User}:{OrthancServer.Password}"), "--development-secret");
        var requests = new AccessRequests(SqliteAccessStore.InDataDirectory(Store), TimeProvider.System) { CacheFor = TimeSpan.Zero };
        var approve = await requests.SubmitAsync("key:aaaaaaaaaaaa", ["env-ct"], null, "Train a detector", "ENV-1", _ => null, CancellationToken.None);
        var reject = await requests.SubmitAsync("key:bbbbbbbbbbbb", ["env-harvested"], null, "Train a detector", "ENV-2", _ => null, CancellationToken.None);
        await RunAsync("access-requests", "approve", approve.Id);
        await RunAsync("access-requests", "reject", reject.Id, "--reason", "No ethics approval");
        var key = (await RunAsync("keys", "create", "--role", "researcher", "--owner", "env")).Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("cig_", StringComparison.Ordinal));
        await RunAsync("keys", "revoke", key.Split('_')[1]);
        await RunAsync("repository", "remove", "env-repo", "--force");

        await using var store = new SqliteGraphStore(Path.Combine(Store, "graph.db"));
        var stats = await store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(5, stats.Nodes["Patient"]); // 3 seeded, 1 ingested from a file, 1 harvested from Orthanc.
        Assert.Contains(await ReadAsync(store, GraphModel.Algorithm.Label), n => n.Key == "env-net-1.0");
        Assert.True(stats.Relationships["MAPS_TO"] > 0);
        Assert.True(stats.Relationships["HAS_DIAGNOSIS"] > 0);
        Assert.DoesNotContain(await ReadAsync(store, GraphModel.Repository.Label), n => n.Key == "env-repo");
        Assert.Contains(await ReadAsync(store, GraphModel.Repository.Label), n => n.Key == "env-files");
        Assert.Empty(await ReadAsync(store, GraphModel.HarvestRun.Label));
        var datasets = (await ReadAsync(store, GraphModel.Dataset.Label)).Select(n => n.Key).ToList();
        Assert.Contains("env-ct", datasets);
        Assert.Contains("env-harvested", datasets);
        Assert.Equal(["env-ct"], await requests.GrantsAsync("key:aaaaaaaaaaaa", CancellationToken.None));
        Assert.Equal(AccessRequestStatus.Rejected, (await requests.FindAsync(reject.Id, AccessRequestActor.HolderOfAll("test"), CancellationToken.None))!.Status);
        Assert.Contains(await ReadAsync(store, GraphModel.Concept.Label), n => n.Key == "LOCAL:GLIOMA");
        Assert.NotNull((await TestKeys.InDataDirectory(Store).FindAsync(key, CancellationToken.None))?.RevokedAt);
        Assert.False(Directory.Exists(Path.Combine(Work, "data")), "A command used ./data instead of the configured store.");
    }

    [Fact]
    public async Task Stats_StoreFromAppsettingsJson_ReadsThatStore()
    {
        await GraphCommand.RunAsync("seed", "--patients", "2", "--data", Store);
        await File.WriteAllTextAsync(Path.Combine(Work, "appsettings.json"), $$"""{ "Graph": { "Store": "sqlite", "DataDirectory": {{System.Text.Json.JsonSerializer.Serialize(Store)}} } }""");

        var (exit, output, error) = await GraphCommand.RunInAsync(Work, null, "stats", "--json");

        Assert.True(exit == 0, error);
        Assert.Contains("\"Patient\":2", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_Neo4jStoreNotThere_FailSayingWhichStore()
    {
        var environment = new Dictionary<string, string>
        {
            ["Graph__Neo4j__Uri"] = "http://127.0.0.1:9",
            ["Graph__Neo4j__Password"] = "s3cret-Pa55word",
            ["Graph__Neo4j__User"] = "neo4j",
            ["Graph__Retry__MaxRetries"] = "0",
        };

        var (exit, _, error) = await GraphCommand.RunInAsync(Work, environment, "keys", "create", "--role", "admin", "--owner", "ops", "--store", "neo4j");

        Assert.Equal(1, exit);
        Assert.Contains("Neo4j at http://127.0.0.1:9 (database 'neo4j')", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-Pa55word", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Work, "data")));
    }

    [Fact]
    public async Task Commands_UnknownStore_ExitWithTheSettingsName()
    {
        var (exit, _, error) = await GraphCommand.RunInAsync(Work, new Dictionary<string, string> { ["Graph__Store"] = "postgres" }, "repository", "list");

        Assert.Equal(1, exit);
        Assert.Contains("Graph:Store must be sqlite or neo4j, not 'postgres'.", error, StringComparison.Ordinal);
    }

    private async Task<(string Patient, string Dataset, string CancerType)> PickAsync()
    {
        await using var store = new SqliteGraphStore(Path.Combine(Store, "graph.db"));
        var patient = (await ReadAsync(store, GraphModel.Patient.Label))[0].Key;
        var sink = new CollectingSink();
        await store.ReadAllAsync(sink, new ReadScope(["Dataset", "CancerType"], ["INCLUDES", "COVERS"]), CancellationToken.None);
        var dataset = sink.Edges.First(e => e.Edge.Type == "INCLUDES" && e.Edge.To.Key == patient).Edge.From.Key;
        var cancerType = sink.Edges.First(e => e.Edge.Type == "COVERS" && e.Edge.From.Key == dataset).Edge.To.Key;
        return (patient, dataset, cancerType);
    }

    private static async Task<List<NodeRecord>> ReadAsync(IGraphStore store, string label)
    {
        var sink = new CollectingSink();
        await store.ReadAllAsync(sink, ReadScope.Nodes(label), CancellationToken.None);
        return sink.Nodes.Select(n => n.Node).ToList();
    }
}
