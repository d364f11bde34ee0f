using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Reliability.Tests.Support;
using Graph.Testing;

namespace Graph.Reliability.Tests.Disclosure;

/// <summary>
/// The service as a process on 127.0.0.1 over a demo catalogue of 2,000 patients, with the callers of the attack scenarios:
/// an anonymous visitor, a researcher without grants, and an administrator whose exact answers are the ground truth the
/// attacker tries to reach.
/// </summary>
public sealed class AttackService : IAsyncLifetime
{
    /// <summary>The fixed secret of the noise, so that the attacks' outcomes are the same on every run.</summary>
    public const string Secret = "attack-suite-secret-for-disclosure-control";

    private readonly TempDirectory _data = new();
    private ServiceProcess? _service;

    public string? Researcher { get; private set; }

    public string? Admin { get; private set; }

    /// <summary>Pseudonyms of patients of open datasets only, which everyone may read (the attacker's padding).</summary>
    public IReadOnlyList<string> OpenPseudonyms { get; private set; } = [];

    /// <summary>Patients of restricted datasets only, with their facts, as the administrator reads them.</summary>
    public IReadOnlyList<JsonNode> RestrictedPatients { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Researcher = await TestKeys.CreateAsync(_data.Path, "researcher");
        _service = await ServiceProcess.StartAsync(_data.Path, 2000, "--Graph:Disclosure:Secret", Secret);
        Admin = await TestKeys.CreateAsync(_data.Path, "admin");
        var patients = (await DataAsync(Admin, """
            { patients(first: 1000, where: { datasets: { all: { accessTier: { eq: "open" } } } }) { nodes { pseudonym } } }
            """))["patients"]!["nodes"]!.AsArray();
        OpenPseudonyms = patients.Select(p => (string)p!["pseudonym"]!).ToList();
        RestrictedPatients = (await DataAsync(Admin, """
            { patients(first: 1000, where: { datasets: { all: { accessTier: { eq: "restricted" } } } }) {
                nodes { pseudonym sex ageAtDiagnosis vitalStatus datasets { nodes { slug } } diagnoses { nodes { stage grade } } series { totalCount } } } }
            """))["patients"]!["nodes"]!.AsArray().Select(p => p!).ToList();
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>The fields of a protected count the attacks read.</summary>
    public const string Count = "value readable restricted";

    /// <summary>Every figure of a cohort preview the attacks compare.</summary>
    public static readonly string Preview = $"patients {{ {Count} }} studies {{ {Count} }} series {{ {Count} }} datasets {{ {Count} }} totalBytes {{ {Count} }} "
        + $"patientFacets(fields: [\"sex\", \"datasets.slug\"]) {{ field values {{ value count {{ {Count} }} }} missing {{ {Count} }} other {{ {Count} }} }}";

    /// <summary>The attackers: an anonymous visitor (null) and a researcher without grants.</summary>
    public IEnumerable<string?> Attackers => [null, Researcher];

    /// <summary>A cohort preview of criteria selecting the given fields.</summary>
    public static string Criteria(string criteria, string selection) => $"{{ cohortPreview(criteria: {{ {criteria} }}) {{ {selection} }} }}";

    /// <summary>The whole answer of a preview with every figure and its protection, as text to compare.</summary>
    public async Task<string> PreviewAsync(string? attacker, string criteria)
    {
        var data = await DataAsync(attacker, Criteria(criteria, Preview + " protection { limitedToReadable }"));
        return data["cohortPreview"]!.ToJsonString();
    }

    /// <summary>Conditions that select two to four patients of one restricted dataset, of one age.</summary>
    public string SmallGroup()
    {
        var group = RestrictedPatients.Where(p => p["ageAtDiagnosis"] is not null)
            .GroupBy(p => ((string)p["datasets"]!["nodes"]![0]!["slug"]!, (int)p["ageAtDiagnosis"]!))
            .First(g => g.Count() is >= 2 and <= 4).Key;
        return $"datasets: {{ some: {{ slug: {{ eq: \"{group.Item1}\" }} }} }}, ageAtDiagnosis: {{ eq: {group.Item2} }}";
    }

    /// <summary>Saves a cohort as a caller and returns its id.</summary>
    public async Task<string> SaveCohortAsync(string? key, string name, string criteria) =>
        (string)(await DataAsync(key, $$"""mutation { saveCohort(input: { name: "{{name}}", criteria: { {{criteria}} } }) { cohortId } }"""))["saveCohort"]!["cohortId"]!;

    /// <summary>Posts a query as a caller (null: anonymous) and returns the whole response.</summary>
    public async Task<JsonObject> PostAsync(string? key, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        if (key is not null)
            request.Headers.Add(TestKeys.Header, key);
        using var response = await _service!.Client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>Posts a query that must succeed and returns its data.</summary>
    public async Task<JsonObject> DataAsync(string? key, string query)
    {
        var body = await PostAsync(key, query);
        Assert.True(body["errors"] is null, $"Errors: {body["errors"]?.ToJsonString()}");
        return body["data"]!.AsObject();
    }

    /// <summary>Gets a path of the service as a caller (null: anonymous).</summary>
    public async Task<string> GetAsync(string? key, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null)
            request.Headers.Add(TestKeys.Header, key);
        using var response = await _service!.Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AttackCollection : ICollectionFixture<AttackService>
{
    public const string Name = "disclosure attacks";
}
