using Graph.Store.Access;
using Graph.Store.Neo4j.Tests.Fakes;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The graph command and the service as operators run them with Graph:Store=neo4j, against a Query API served on 127.0.0.1:
/// each write command's ChangeSets (and keys) reach Neo4j as explicit transactions; a server that cannot work stops the service at start.</summary>
/// <remarks>IAsyncLifetime, not IAsyncDisposable: xUnit 2 disposes a test class only through IDisposable or IAsyncLifetime.</remarks>
public sealed partial class HostsOnNeo4jTests : IAsyncLifetime
{
    private readonly FakeQueryApi _api = new();
    private readonly FakeQueryApiServer _server;
    private readonly TempDirectory _folder = new();

    public HostsOnNeo4jTests() => _server = new FakeQueryApiServer(_api);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
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
        var (exit, output, error) = await DotnetProgram.RunAsync(DotnetProgram.StartInfo(dll, Environment, _folder.Path, args), TimeSpan.FromMinutes(2));
        return (exit, output + error);
    }

    [Fact]
    public async Task WriteCommands_Neo4jStoreFromTheEnvironment_CommitTheirChangesAsExplicitTransactions()
    {
        StoredNeo4j.Serve(_api);

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
        Assert.Empty(Statements("reference-data")); // The seed wrote the reference data: the import commits none of its own.
        Assert.Contains(Statements("vocabulary"), s => s.StartsWith("UpsertEdges:", StringComparison.Ordinal) && s.Contains("BROADER", StringComparison.Ordinal));
        Assert.All(Transactions(), t => Assert.Equal("RecordChange", t.Statements[^1]));
        var added = Assert.Single(_api.Requests, r => r.Statement == Neo4jAccessStatements.Add.Text);
        Assert.Equal(64, added.Parameter("hash").GetProperty("_value").GetString()!.Length);
        Assert.DoesNotContain(_api.Requests, r => r.Body?.Contains(secret.Split('_')[2], StringComparison.Ordinal) == true);
        Assert.Single(_api.Requests, r => r.Statement == Neo4jAccessStatements.Revoke.Text);
        Assert.False(Directory.Exists(Path.Combine(_folder.File("data"), "graph.db")));
    }

    [Fact]
    public async Task CommandsThatReadFirst_GraphStoredInNeo4j_ReadWhatEarlierCommandsWroteAndCommitTheirOwnWrites()
    {
        var database = StoredNeo4j.Serve(_api);
        await using var orthanc = await OrthancServer.StartAsync();
        foreach (var name in new[] { "test_files/rtstruct.dcm", "charset_files/chrGerm.dcm" })
            await orthanc.UploadAsync(await File.ReadAllBytesAsync(Path.Combine(PydicomFiles.Folder, name)));
        var dicom = Directory.CreateDirectory(_folder.File("dicom")).FullName;
        foreach (var name in new[] { "CT_small.dcm", "MR_small.dcm" })
            File.Copy(PydicomFiles.File(name), Path.Combine(dicom, name));

        // ingest dicom reads the repositories and datasets (none yet), then writes their home and the two studies whole.
        var ingest = await StepAsync("ingest", "dicom", dicom, "--repository", "local-files", "--dataset", "pydicom-ct-mr", "--development-secret");
        Assert.True(ingest.Exit == 0, ingest.Output);
        Assert.Contains("2 accepted, 0 rejected", ingest.Output, StringComparison.Ordinal);
        Assert.Contains("Wrote 2 patients, 2 studies, 2 series", ingest.Output, StringComparison.Ordinal);
        AssertWrote(ingest.Transactions,
            "UpsertNodes:Repository", "UpsertNodes:Dataset", "UpsertNodes:Patient", "UpsertNodes:Study", "UpsertNodes:Series", "UpsertEdges:Repository-HOSTS->Dataset",
            "UpsertEdges:Dataset-INCLUDES->Patient", "UpsertEdges:Patient-HAS_STUDY->Study", "UpsertEdges:Study-HAS_SERIES->Series");
        Assert.Equal(2, database.Nodes("Patient").Count);
        Assert.Equal(2, database.Edges("HAS_SERIES").Count);

        // A second run reads the stored studies back through the same path and finds nothing to change.
        var again = await StepAsync("ingest", "dicom", dicom, "--repository", "local-files", "--dataset", "pydicom-ct-mr", "--development-secret");
        Assert.True(again.Exit == 0, again.Output);
        Assert.Empty(again.Transactions);

        var vocabulary = _folder.File("local.tsv");
        await File.WriteAllTextAsync(vocabulary, "curie\tsystem\tlabel\tsynonyms\tbroader\tsource\nLOCAL:GLIOMA\tHospital codes\tGlioma (local)\t\t\tlocal list\n");
        var imported = await StepAsync("import", "vocabulary", vocabulary);
        Assert.True(imported.Exit == 0, imported.Output);
        AssertWrote(imported.Transactions, "UpsertNodes:CancerType", "UpsertNodes:Concept", "UpsertEdges:CancerType-CODED_AS->Concept");

        // import clinical reads the patients and the cancer types (with their ICD-10 codes), and links the diagnosis to the type it infers.
        var patient = database.Nodes("Patient").Keys.Order(StringComparer.Ordinal).First();
        var clinical = _folder.File("clinical.csv");
        await File.WriteAllTextAsync(clinical, $"pseudonym,icd10,stage\n{patient},C50.4,IIA\n");
        var diagnosed = await StepAsync("import", "clinical", clinical);
        Assert.True(diagnosed.Exit == 0, diagnosed.Output);
        Assert.Contains("Read 1 records", diagnosed.Output, StringComparison.Ordinal);
        Assert.Contains("1 applied, 0 rejected", diagnosed.Output, StringComparison.Ordinal);
        AssertWrote(diagnosed.Transactions, "UpsertNodes:Diagnosis", "UpsertEdges:Patient-HAS_DIAGNOSIS->Diagnosis", "UpsertEdges:Diagnosis-OF_TYPE->CancerType");
        var diagnosis = Assert.Single(database.Edges("HAS_DIAGNOSIS"));
        Assert.Equal(patient, diagnosis.From);
        Assert.Equal((diagnosis.To, "breast"), Assert.Single(database.Edges("OF_TYPE")));

        // import algorithms reads the datasets and cancer types its algorithms name.
        var algorithms = _folder.File("algorithms.json");
        await File.WriteAllTextAsync(algorithms, """[{ "slug": "ct-net-1.0", "name": "CT net", "trainedOn": ["pydicom-ct-mr"], "targets": ["breast"] }]""");
        var registered = await StepAsync("import", "algorithms", algorithms);
        Assert.True(registered.Exit == 0, registered.Output);
        AssertWrote(registered.Transactions, "UpsertNodes:Algorithm", "UpsertEdges:Algorithm-TRAINED_ON->Dataset", "UpsertEdges:Algorithm-TARGETS->CancerType");
        Assert.Equal([("ct-net-1.0", "pydicom-ct-mr")], database.Edges("TRAINED_ON"));

        // import mappings reads the concepts and their mappings.
        var mappings = _folder.File("m.sssom.tsv");
        await File.WriteAllTextAsync(mappings, """
            #curie_map:
            #  NCIT: "http://purl.obolibrary.org/obo/NCIT_"
            #  LOCAL: "https://hospital.example/codes/"
            #mapping_set_id: "https://hospital.example/mappings/local.sssom.tsv"
            #license: "https://creativecommons.org/licenses/by/4.0/"
            subject_id	subject_label	predicate_id	object_id	object_label	mapping_justification	confidence	author_id	mapping_date
            LOCAL:GLIOMA	Glioma (local)	skos:exactMatch	NCIT:C3059	Glioma	semapv:ManualMappingCuration	0.95	orcid:0000-0002-1825-0097	2024-05-31

            """.ReplaceLineEndings("\n"));
        var mapped = await StepAsync("import", "mappings", mappings);
        Assert.True(mapped.Exit == 0, mapped.Output);
        AssertWrote(mapped.Transactions, "UpsertEdges:Concept-MAPS_TO->Concept");
        Assert.Contains(("LOCAL:GLIOMA", "NCIT:C3059"), database.Edges("MAPS_TO"));

        // harvest reads the repository it is given from the store, the studies from Orthanc, and writes them and its run.
        var credentials = _folder.File("credentials");
        await File.WriteAllTextAsync(credentials, $"{OrthancServer.User}:{OrthancServer.Password}\n");
        var added = await StepAsync("repository", "add", "orthanc", "--name", "Orthanc", "--base-url", orthanc.DicomWebRoot);
        Assert.True(added.Exit == 0, added.Output);
        var harvest = await StepAsync("harvest", "orthanc", "--dataset", "harvested", "--credentials-file", credentials, "--development-secret");
        Assert.True(harvest.Exit == 0, harvest.Output);
        Assert.Contains("of repository 'orthanc' into dataset 'harvested' succeeded", harvest.Output, StringComparison.Ordinal);
        Assert.Contains("2 studies listed: 0 unchanged, 2 written", harvest.Output, StringComparison.Ordinal);
        AssertWrote(harvest.Transactions,
            "UpsertNodes:Dataset", "UpsertEdges:Repository-HOSTS->Dataset", "UpsertNodes:Patient", "UpsertNodes:Study", "UpsertNodes:Series",
            "UpsertEdges:Study-HAS_SERIES->Series", "UpsertNodes:HarvestRun", "UpsertEdges:Repository-HARVESTED->HarvestRun");
        Assert.Equal(4, database.Nodes("Study").Count);
        Assert.Contains(("orthanc", "harvested"), database.Edges("HOSTS"));

        // repository remove reads the repository's datasets and runs: refused while it hosts one, then forced.
        var refused = await StepAsync("repository", "remove", "orthanc");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("repository 'orthanc' hosts 1 datasets (harvested); nothing was removed", refused.Output, StringComparison.Ordinal);
        Assert.Empty(refused.Transactions);
        var removed = await StepAsync("repository", "remove", "orthanc", "--force");
        Assert.True(removed.Exit == 0, removed.Output);
        Assert.Contains("Removed repository 'orthanc' with 1 harvest runs", removed.Output, StringComparison.Ordinal);
        AssertWrote(removed.Transactions, "DeleteNodeEdges:Repository", "DeleteNodes:Repository", "DeleteNodeEdges:HarvestRun", "DeleteNodes:HarvestRun");
        Assert.True(database.IsTombstone("Repository", "orthanc"));
        Assert.Contains("harvested", database.Nodes("Dataset").Keys);
        Assert.DoesNotContain(database.Edges("HOSTS"), e => e.From == "orthanc");

        // purge erases the tombstones of deletions older than the days given: the removed repository's key leaves Neo4j.
        var purged = await StepAsync("purge", "--older-than", "0d");
        Assert.True(purged.Exit == 0, purged.Output);
        Assert.Matches(@"Erased [1-9]\d* node and [1-9]\d* relationship tombstones", purged.Output);
        Assert.Empty(purged.Transactions);
        Assert.False(database.Exists("Repository", "orthanc"));
        Assert.Contains("harvested", database.Nodes("Dataset").Keys);

        // access-requests approve, reject and revoke read a researcher's request from Neo4j and store it decided.
        using var http = new HttpClient(_api, disposeHandler: false);
        var requests = new AccessRequests(
            new Neo4jAccessStore(new Neo4jGraphStore(http, new Neo4jStoreOptions { Uri = _server.Uri }, NullLogger<Neo4jGraphStore>.Instance)), TimeProvider.System)
        {
            CacheFor = TimeSpan.Zero,
        };
        var request = await requests.SubmitAsync("key:aaaaaaaaaaaa", ["harvested"], null, "Train a nodule detector", "LUNA-2", _ => null, CancellationToken.None);
        var other = await requests.SubmitAsync("key:bbbbbbbbbbbb", ["pydicom-ct-mr"], null, "Segment livers", "LIV-1", _ => null, CancellationToken.None);
        var approved = await StepAsync("access-requests", "approve", request.Id, "--expires", "30d", "--by", "ana");
        var rejected = await StepAsync("access-requests", "reject", other.Id, "--reason", "No ethics approval", "--by", "ana");
        Assert.True(approved.Exit == 0, approved.Output);
        Assert.Contains($"Approved {request.Id}: key:aaaaaaaaaaaa reads harvested until ", approved.Output, StringComparison.Ordinal);
        Assert.True(rejected.Exit == 0, rejected.Output);
        Assert.Contains($"Rejected {other.Id}.", rejected.Output, StringComparison.Ordinal);
        Assert.Equal(2, _api.Requests.Count(r => r.Runs(Neo4jAccessStatements.ReplaceRequest)));
        Assert.Equal(["harvested"], await requests.GrantsAsync("key:aaaaaaaaaaaa", CancellationToken.None));
        Assert.Empty(await requests.GrantsAsync("key:bbbbbbbbbbbb", CancellationToken.None));
        var decided = await requests.FindAsync(other.Id, AccessRequestActor.HolderOfAll("test"), CancellationToken.None);
        Assert.Equal((AccessRequestStatus.Rejected, "cli:ana", "No ethics approval"), (decided!.Status, decided.History[^1].Actor, decided.History[^1].Text));
        var revoked = await StepAsync("access-requests", "revoke", request.Id, "--reason", "Approved by mistake", "--by", "ana");
        Assert.True(revoked.Exit == 0, revoked.Output);
        Assert.Empty(await requests.GrantsAsync("key:aaaaaaaaaaaa", CancellationToken.None));
        Assert.Equal(AccessRequestStatus.Revoked, (await requests.FindAsync(request.Id, AccessRequestActor.HolderOfAll("test"), CancellationToken.None))!.Status);

        // Every change committed with its record last, the sequence counted them, and no patient identifier reached Neo4j.
        var all = Transactions();
        Assert.All(all, t => Assert.Equal("RecordChange", t.Statements[^1]));
        Assert.Equal(all.Count, database.Sequence);
        Assert.All(PydicomFiles.Identifiers, id => Assert.DoesNotContain(_api.Requests, r => r.Body?.Contains(id, StringComparison.OrdinalIgnoreCase) == true));
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
