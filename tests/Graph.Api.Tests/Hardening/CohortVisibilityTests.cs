using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Api.Tests.Security;
using Graph.Testing;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 5: every caller, anonymous ones too, read every cohort's name, owner and criteria (and a curator's restricted members).</summary>
public sealed class CohortVisibilityTests : IAsyncLifetime
{
    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>());
    private readonly Dictionary<string, string?> _keys = new() { ["anonymous"] = null };
    private string _curatorCohort = "";
    private string _aliceCohort = "";
    private string _aliceGlobalId = "";
    private string _curatorGlobalId = "";

    public async Task InitializeAsync()
    {
        await _service.StartAsync();
        foreach (var (name, role) in new[] { ("alice", "researcher"), ("bob", "researcher"), ("curator", "curator"), ("admin", "admin") })
            _keys[name] = await TestKeys.CreateAsync(_service.DataDirectory, role);
        (_curatorCohort, _curatorGlobalId) = await SaveAsync("curator", "curator's restricted cohort");
        (_aliceCohort, _aliceGlobalId) = await SaveAsync("alice", "alice's cohort");
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("anonymous", new string[0])]
    [InlineData("bob", new string[0])]
    [InlineData("alice", new[] { "alice's cohort" })]
    [InlineData("curator", new[] { "curator's restricted cohort", "alice's cohort" })]
    [InlineData("admin", new[] { "curator's restricted cohort", "alice's cohort" })]
    public async Task Cohorts_EachCaller_SeesOwnOnlyUnlessCuratorOrAdmin(string caller, string[] visible)
    {
        var data = await DataAsync(caller, "{ cohorts { totalCount nodes { name owner criteria } } }");
        Assert.Equal(visible, data["cohorts"]!["nodes"]!.AsArray().Select(n => (string)n!["name"]!).ToArray());
        Assert.Equal(visible.Length, (int)data["cohorts"]!["totalCount"]!);
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("bob")]
    public async Task CohortLookups_OthersCohort_AreNotFound(string caller)
    {
        var data = await DataAsync(caller, $$"""
            { byKey: cohortByKey(key: "{{_aliceCohort}}") { name }
              node: node(id: "{{_aliceGlobalId}}") { id }
              nodes: nodes(ids: ["{{_curatorGlobalId}}"]) { id }
              patients(first: 100) { nodes { cohorts { totalCount } } } }
            """);
        Assert.Null(data["byKey"]);
        Assert.Null(data["node"]);
        Assert.Null(data["nodes"]![0]);
        Assert.All(data["patients"]!["nodes"]!.AsArray(), p => Assert.Equal(0, (int)p!["cohorts"]!["totalCount"]!));
    }

    [Theory]
    [InlineData("anonymous")]
    [InlineData("bob")]
    public async Task CompareCohorts_OthersCohort_IsNotFound(string caller)
    {
        var body = await PostAsync(caller, $$"""{ compareCohorts(a: "{{_aliceCohort}}", b: "{{_curatorCohort}}") { both { value } } }""");
        Assert.Equal(["NOT_FOUND"], Responses.Codes(body));
    }

    [Fact]
    public async Task CompareCohorts_Owner_ComparesOwnCohort()
    {
        var body = await PostAsync("alice", $$"""{ compareCohorts(a: "{{_aliceCohort}}", b: "{{_aliceCohort}}") { both { value } } }""");
        Assert.Empty(Responses.Codes(body));
    }

    [Theory]
    [InlineData("anonymous", 404)]
    [InlineData("bob", 404)]
    [InlineData("alice", 200)]
    [InlineData("curator", 200)]
    public async Task Manifest_OthersCohort_IsNotFound(string caller, int status)
    {
        using var client = Client(caller);
        using var response = await client.GetAsync(new Uri($"/cohorts/{_aliceCohort}/manifest?format=csv", UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
    }

    private async Task<(string Id, string GlobalId)> SaveAsync(string caller, string name)
    {
        var data = await DataAsync(caller, $$"""mutation { saveCohort(input: { name: "{{name}}", criteria: { patients: { sex: { eq: "F" } } } }) { cohortId id } }""");
        return ((string)data["saveCohort"]!["cohortId"]!, (string)data["saveCohort"]!["id"]!);
    }

    private HttpClient Client(string caller)
    {
        var client = _service.CreateClient();
        if (_keys[caller] is { } key)
            client.DefaultRequestHeaders.Add(TestKeys.Header, key);
        return client;
    }

    private async Task<JsonObject> PostAsync(string caller, string query)
    {
        using var client = Client(caller);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<JsonObject> DataAsync(string caller, string query)
    {
        var body = await PostAsync(caller, query);
        Assert.True(body["errors"] is null, body.ToJsonString());
        return body["data"]!.AsObject();
    }
}
