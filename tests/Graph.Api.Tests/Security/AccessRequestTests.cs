using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Testing;

namespace Graph.Api.Tests.Security;

/// <summary>Access requests through GraphQL: a researcher asks, a curator negotiates, and an approval is what lets the researcher's key read the records.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class AccessRequestTests(CatalogueFactory service) : IAsyncLifetime
{
    private const string Fields = "requestId status requester datasets purpose project grantExpiresAt history { actor action status text }";
    private string _curator = "";
    private List<string> _restricted = [];

    public async Task InitializeAsync()
    {
        _curator = await TestKeys.CreateAsync(service.DataDirectory, "curator");
        var data = await service.DataAsync("{ datasets(first: 100) { nodes { slug accessTier series(first: 1) { totalCount } } } }");
        _restricted = data["datasets"]!["nodes"]!.AsArray()
            .Where(d => ((string?)d!["accessTier"] ?? "restricted") == "restricted" && (int)d["series"]!["totalCount"]! > 0)
            .Select(d => (string)d!["slug"]!).ToList();
        Assert.True(_restricted.Count >= 3, "The demo catalogue should have three restricted datasets with series.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approval_LetsTheResearchersKeyReadTheDatasetsRecords_NotBefore()
    {
        var dataset = _restricted[0];
        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var others = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var all = await SeriesAsync(_curator, dataset);
        Assert.True(all > 0);
        Assert.Equal(0, await SeriesAsync(researcher, dataset));

        var submitted = await DataAsync(researcher, $$"""mutation { requestAccess(input: { datasets: ["{{dataset}}"], purpose: "Train a segmentation model", project: "SEG-1" }) { {{Fields}} } }""");
        var id = (string)submitted["requestAccess"]!["requestId"]!;
        Assert.Equal("SUBMITTED", (string)submitted["requestAccess"]!["status"]!);
        Assert.Empty((await DataAsync(others, $$"""{ accessRequests { requestId } accessRequest(requestId: "{{id}}") { requestId } }"""))["accessRequests"]!.AsArray());
        Assert.Contains(id, (await DataAsync(_curator, """{ accessRequests(status: [SUBMITTED]) { requestId } }"""))["accessRequests"]!.AsArray().Select(r => (string)r!["requestId"]!));

        Assert.Equal("IN_REVIEW", (string)(await DataAsync(_curator, $$"""mutation { commentOnAccessRequest(requestId: "{{id}}", text: "Which ethics approval?") { status } }"""))["commentOnAccessRequest"]!["status"]!);
        await DataAsync(researcher, $$"""mutation { commentOnAccessRequest(requestId: "{{id}}", text: "EC-2026-17") { status } }""");
        Assert.Equal(0, await SeriesAsync(researcher, dataset));
        var approved = (await DataAsync(_curator, $$"""mutation { approveAccessRequest(requestId: "{{id}}", reason: "Covered by EC-2026-17") { {{Fields}} } }"""))["approveAccessRequest"]!;

        Assert.Equal("APPROVED", (string)approved["status"]!);
        Assert.NotNull((string?)approved["grantExpiresAt"]);
        Assert.Equal(["submit", "comment", "comment", "approve"], approved["history"]!.AsArray().Select(e => (string)e!["action"]!));
        Assert.Equal(all, await SeriesAsync(researcher, dataset));
        Assert.Equal(0, await SeriesAsync(others, dataset));
        var withdraw = await PostAsync(researcher, $$"""mutation { withdrawAccessRequest(requestId: "{{id}}") { status } }""");
        Assert.Equal(["ILLEGAL_TRANSITION"], Responses.Codes(withdraw));
        var audit = await File.ReadAllTextAsync(Path.Combine(service.DataDirectory, "audit.log"));
        Assert.Contains("\"approveAccessRequest\"", audit, StringComparison.Ordinal);
        Assert.Contains("\"requestAccess\"", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejection_WithAReason_GrantsNothingAndIsFinal()
    {
        var dataset = _restricted[1];
        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var id = await RequestAsync(researcher, dataset);

        var missing = await PostAsync(_curator, $$"""mutation { rejectAccessRequest(requestId: "{{id}}", reason: " ") { status } }""");
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(missing));
        var rejected = (await DataAsync(_curator, $$"""mutation { rejectAccessRequest(requestId: "{{id}}", reason: "No ethics approval") { {{Fields}} } }"""))["rejectAccessRequest"]!;

        Assert.Equal(("REJECTED", "No ethics approval"), ((string)rejected["status"]!, (string)rejected["history"]![1]!["text"]!));
        Assert.Equal(["ILLEGAL_TRANSITION"], Responses.Codes(await PostAsync(_curator, $$"""mutation { approveAccessRequest(requestId: "{{id}}") { status } }""")));
        Assert.Equal(0, await SeriesAsync(researcher, dataset));
        Assert.Equal("REJECTED", (string)(await DataAsync(researcher, $$"""{ accessRequest(requestId: "{{id}}") { status } }"""))["accessRequest"]!["status"]!);
    }

    [Fact]
    public async Task Expiry_AfterIt_TheKeyNoLongerReadsTheRecords()
    {
        var dataset = _restricted[2];
        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var id = await RequestAsync(researcher, dataset);
        var until = DateTimeOffset.UtcNow.AddSeconds(3);

        await DataAsync(_curator, $$"""mutation { approveAccessRequest(requestId: "{{id}}", expiresAt: "{{until:O}}") { status } }""");
        Assert.True(await SeriesAsync(researcher, dataset) > 0);
        await Task.Delay(until - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300));

        Assert.Equal(0, await SeriesAsync(researcher, dataset));
        var expired = (await DataAsync(researcher, $$"""{ accessRequest(requestId: "{{id}}") { status history { action actor } } }"""))["accessRequest"]!;
        var last = expired["history"]!.AsArray()[^1]!;
        Assert.Equal(("EXPIRED", "expire", "system"), ((string)expired["status"]!, (string)last["action"]!, (string)last["actor"]!));
    }

    /// <summary>Review: an APPROVED request could not be revoked (reject and withdraw were ILLEGAL_TRANSITION), so a grant approved by mistake
    /// lasted until its expiry (up to 1,830 days) unless the whole API key was revoked, and a token subject had nothing to revoke.</summary>
    [Fact]
    public async Task Revoke_ByAHolder_TheResearchersNextRequestNoLongerReadsTheDataset()
    {
        var dataset = _restricted[0];
        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var other = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var id = await RequestAsync(researcher, dataset);
        await DataAsync(_curator, $$"""mutation { approveAccessRequest(requestId: "{{id}}") { status } }""");
        var all = await SeriesAsync(_curator, dataset);
        Assert.Equal(all, await SeriesAsync(researcher, dataset));
        string Revoke(string reason) => $$"""mutation { revokeAccessRequest(requestId: "{{id}}", reason: "{{reason}}") { {{Fields}} } }""";

        Assert.Equal(["FORBIDDEN"], Responses.Codes(await PostAsync(researcher, Revoke("Not needed any more"))));
        Assert.Equal(["FORBIDDEN"], Responses.Codes(await PostAsync(other, Revoke("Not mine"))));
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(await PostAsync(_curator, Revoke(" "))));
        Assert.Equal(all, await SeriesAsync(researcher, dataset));
        var revoked = (await DataAsync(_curator, Revoke("EC-2026-17 does not cover this dataset")))["revokeAccessRequest"]!;

        Assert.Equal("REVOKED", (string)revoked["status"]!);
        var last = revoked["history"]!.AsArray()[^1]!;
        Assert.Equal(("revoke", "REVOKED", "EC-2026-17 does not cover this dataset"), ((string)last["action"]!, (string)last["status"]!, (string)last["text"]!));
        Assert.StartsWith("key:", (string)last["actor"]!, StringComparison.Ordinal);
        Assert.Equal(0, await SeriesAsync(researcher, dataset));
        Assert.Equal("REVOKED", (string)(await DataAsync(researcher, $$"""{ accessRequest(requestId: "{{id}}") { status } }"""))["accessRequest"]!["status"]!);
        Assert.Equal(["ILLEGAL_TRANSITION"], Responses.Codes(await PostAsync(_curator, $$"""mutation { approveAccessRequest(requestId: "{{id}}") { status } }""")));
        Assert.Equal(0, await SeriesAsync(researcher, dataset));
        Assert.Contains("\"revokeAccessRequest\"", await File.ReadAllTextAsync(Path.Combine(service.DataDirectory, "audit.log")), StringComparison.Ordinal);
    }

    /// <summary>Review: the refusals of reject and withdraw on an approved request said "can be rejectd" and "can be withdrawd".</summary>
    [Fact]
    public async Task Steps_NotAllowedFromTheStatus_IllegalTransitionSaysThePastTense()
    {
        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var submitted = await RequestAsync(researcher, _restricted[1]);
        var approved = await RequestAsync(researcher, _restricted[1]);
        await DataAsync(_curator, $$"""mutation { approveAccessRequest(requestId: "{{approved}}") { status } }""");

        var revoke = await PostAsync(_curator, $$"""mutation { revokeAccessRequest(requestId: "{{submitted}}", reason: "Approved by mistake") { status } }""");
        var reject = await PostAsync(_curator, $$"""mutation { rejectAccessRequest(requestId: "{{approved}}", reason: "Approved by mistake") { status } }""");
        var withdraw = await PostAsync(researcher, $$"""mutation { withdrawAccessRequest(requestId: "{{approved}}") { status } }""");

        Assert.Equal(["ILLEGAL_TRANSITION"], Responses.Codes(revoke));
        Assert.Equal($"Request {submitted} is SUBMITTED; only a request that is APPROVED or EXPIRED can be revoked.", (string)revoke["errors"]![0]!["message"]!);
        Assert.Equal($"Request {approved} is APPROVED; only a request that is SUBMITTED or IN_REVIEW can be rejected.", (string)reject["errors"]![0]!["message"]!);
        Assert.Equal($"Request {approved} is APPROVED; only a request that is SUBMITTED or IN_REVIEW can be withdrawn.", (string)withdraw["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task RequestAccess_BadInputsAndStrangers_CodedErrors()
    {
        using (var anonymous = service.CreateAnonymousClient())
        {
            using var response = await anonymous.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = """{ accessRequests { requestId } }""" });
            Assert.Equal(["UNAUTHENTICATED"], Responses.Codes(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject()));
        }

        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var open = (string)(await service.DataAsync("""{ datasets(first: 100, where: { accessTier: { eq: "open" } }) { nodes { slug } } }"""))["datasets"]!["nodes"]![0]!["slug"]!;
        var bad = await PostAsync(researcher, $$"""mutation { requestAccess(input: { datasets: ["no-such-dataset", "{{open}}"], purpose: "", project: "P" }) { requestId } }""");

        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(bad));
        var message = (string)bad["errors"]![0]!["message"]!;
        Assert.Contains("no-such-dataset: there is no such dataset.", message, StringComparison.Ordinal);
        Assert.Contains($"{open}: its access tier is open", message, StringComparison.Ordinal);
        Assert.Contains("'purpose' must not be empty.", message, StringComparison.Ordinal);
        var cohort = await PostAsync(researcher, $$"""mutation { requestAccess(input: { datasets: ["{{_restricted[0]}}"], cohort: "no-such-cohort", purpose: "X", project: "P" }) { requestId } }""");
        Assert.Contains("'cohort'", (string)cohort["errors"]![0]!["message"]!, StringComparison.Ordinal);
        var other = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var id = await RequestAsync(researcher, _restricted[0]);
        Assert.Equal(["NOT_FOUND"], Responses.Codes(await PostAsync(other, $$"""mutation { withdrawAccessRequest(requestId: "{{id}}") { status } }""")));
        Assert.Equal("WITHDRAWN", (string)(await DataAsync(researcher, $$"""mutation { withdrawAccessRequest(requestId: "{{id}}", reason: "Found another source") { status } }"""))["withdrawAccessRequest"]!["status"]!);
    }

    /// <summary>Review: a request naming a curator's PUBLIC cohort was SUBMITTED; a cohort not one of yours is bad input, your own is taken.</summary>
    [Fact]
    public async Task RequestAccess_WithAnotherCallersPublicCohort_BadUserInput()
    {
        var researcher = await TestKeys.CreateAsync(service.DataDirectory, "researcher");
        const string Save = """mutation { saveCohort(input: { name: "NAME", visibility: PUBLIC, criteria: { patients: { sex: { eq: "F" } } } }) { cohortId } }""";
        var curators = (string)(await DataAsync(_curator, Save.Replace("NAME", "curator's public", StringComparison.Ordinal)))["saveCohort"]!["cohortId"]!;
        var own = (string)(await DataAsync(researcher, Save.Replace("NAME", "researcher's own", StringComparison.Ordinal)))["saveCohort"]!["cohortId"]!;
        const string Request = """mutation { requestAccess(input: { datasets: ["DATASET"], cohort: "COHORT", purpose: "X", project: "P" }) { status } }""";
        string With(string cohort) => Request.Replace("DATASET", _restricted[0], StringComparison.Ordinal).Replace("COHORT", cohort, StringComparison.Ordinal);

        var other = await PostAsync(researcher, With(curators));
        Assert.Equal(["BAD_USER_INPUT"], Responses.Codes(other));
        Assert.Contains($"'cohort': there is no saved cohort '{curators}' of yours.", (string)other["errors"]![0]!["message"]!, StringComparison.Ordinal);
        Assert.Equal("SUBMITTED", (string)(await DataAsync(researcher, With(own)))["requestAccess"]!["status"]!);
    }

    private async Task<string> RequestAsync(string key, string dataset) =>
        (string)(await DataAsync(key, $$"""mutation { requestAccess(input: { datasets: ["{{dataset}}"], purpose: "Validate a model", project: "VAL-1" }) { requestId } }"""))["requestAccess"]!["requestId"]!;

    // The dataset's series as the key reads them through the normal record queries.
    private async Task<int> SeriesAsync(string key, string dataset) =>
        (int)(await DataAsync(key, $$"""{ datasetByKey(key: "{{dataset}}") { series(first: 1) { totalCount } } }"""))["datasetByKey"]!["series"]!["totalCount"]!;

    private async Task<JsonNode> DataAsync(string key, string query)
    {
        var body = await PostAsync(key, query);
        Assert.True(Responses.Codes(body).Count == 0, body.ToJsonString());
        return body["data"]!;
    }

    private async Task<JsonObject> PostAsync(string key, string query)
    {
        using var client = service.CreateClient(key);
        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
