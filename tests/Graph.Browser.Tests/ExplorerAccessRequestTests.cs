using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>An access request in the explorer: a researcher asks from a restricted dataset's page, a curator approves under Requests, and the researcher then reads the records
/// (until a curator revokes the approval there).</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerAccessRequestTests(ChromiumFixture chromium, GraphServiceFixture service)
{
    [Fact]
    public async Task AccessRequest_SubmittedThenApproved_ResearcherThenReadsTheRecords()
    {
        var datasets = await ServiceApi.DataAsync(service.BaseUrl, "{ datasets(first: 100) { nodes { slug accessTier patients { totalCount } } } }");
        var slug = datasets["datasets"]!["nodes"]!.AsArray()
            .First(d => ((string?)d!["accessTier"] ?? "restricted") == "restricted" && (int)d["patients"]!["totalCount"]! > 0)!["slug"]!.GetValue<string>();
        var researcher = await Graph.Testing.TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var curator = await Graph.Testing.TestKeys.CreateAsync(service.DataDirectory, "curator");

        await using var asker = await SignedInAsync(researcher);
        await asker.GotoAsync($"/datasets/{slug}");
        var form = asker.Page.Locator("#request-access-form");
        await form.WaitForAsync();
        Assert.Contains("You may not read this dataset’s records", await asker.Page.Locator("article.dataset").InnerTextAsync(), StringComparison.Ordinal);
        await form.Locator("textarea[name='purpose']").FillAsync("Train a segmentation model");
        await form.Locator("input[name='project']").FillAsync("SEG-1");
        await form.GetByRole(AriaRole.Button, new() { Name = "Request access" }).ClickAsync();
        var sent = asker.Page.Locator(".request-status[data-request]");
        await sent.WaitForAsync();
        Assert.Equal("SUBMITTED", await sent.GetAttributeAsync("data-status"));
        var id = (await sent.GetAttributeAsync("data-request"))!;

        await using var holder = await SignedInAsync(curator);
        await holder.GotoAsync("/requests");
        var request = holder.Page.Locator($"li.request[data-request='{id}']");
        await request.WaitForAsync();
        Assert.Equal("SUBMITTED", await request.GetAttributeAsync("data-status"));
        Assert.Contains("Train a segmentation model", await request.InnerTextAsync(), StringComparison.Ordinal);
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await holder.Page.Locator($"li.request[data-request='{id}'][data-status='APPROVED']").WaitForAsync();
        await holder.ScreenshotAsync("explorer-access-requests.png", fullPage: true);

        await asker.GotoAsync($"/datasets/{slug}");
        await asker.Page.GetByText("patients you may read").First.WaitForAsync();
        Assert.Equal(0, await asker.Page.Locator("#request-access-form").CountAsync());
        await asker.GotoAsync("/requests");
        await asker.Page.Locator($"li.request[data-request='{id}'][data-status='APPROVED']").WaitForAsync();
        asker.AssertOnlyServiceAndNoErrors();
        holder.AssertOnlyServiceAndNoErrors();
    }

    [Fact]
    public async Task AccessRequest_ApprovedThenRevokedUnderRequests_ResearcherNoLongerReadsTheRecords()
    {
        var datasets = await ServiceApi.DataAsync(service.BaseUrl, "{ datasets(first: 100) { nodes { slug accessTier patients { totalCount } } } }");
        var slug = datasets["datasets"]!["nodes"]!.AsArray()
            .First(d => ((string?)d!["accessTier"] ?? "restricted") == "restricted" && (int)d["patients"]!["totalCount"]! > 0)!["slug"]!.GetValue<string>();
        var researcher = await Graph.Testing.TestKeys.CreateAsync(service.DataDirectory, "researcher");
        var curator = await Graph.Testing.TestKeys.CreateAsync(service.DataDirectory, "curator");
        var submitted = await ServiceApi.DataAsync(
            service.BaseUrl, $$"""mutation { requestAccess(input: { datasets: ["{{slug}}"], purpose: "Validate a model", project: "VAL-1" }) { requestId } }""", key: researcher);
        var id = (string)submitted["requestAccess"]!["requestId"]!;
        await ServiceApi.DataAsync(service.BaseUrl, $$"""mutation { approveAccessRequest(requestId: "{{id}}") { status } }""", key: curator);

        await using var holder = await SignedInAsync(curator);
        await holder.GotoAsync("/requests");
        var request = holder.Page.Locator($"li.request[data-request='{id}'][data-status='APPROVED']");
        await request.WaitForAsync();
        Assert.Equal(0, await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).CountAsync());
        var revoke = request.GetByRole(AriaRole.Button, new() { Name = "Revoke" });
        Assert.True(await revoke.IsDisabledAsync(), "Revoke needs a reason.");
        await request.Locator("input[name='text']").FillAsync("EC-2026-17 does not cover this dataset");
        await revoke.ClickAsync();
        var revoked = holder.Page.Locator($"li.request[data-request='{id}'][data-status='REVOKED']");
        await revoked.WaitForAsync();
        Assert.Contains("revoke: EC-2026-17 does not cover this dataset", await revoked.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await revoked.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).CountAsync());

        await using var asker = await SignedInAsync(researcher);
        await asker.GotoAsync("/requests");
        var own = asker.Page.Locator($"li.request[data-request='{id}'][data-status='REVOKED']");
        await own.WaitForAsync();
        Assert.Equal(0, await own.GetByRole(AriaRole.Button).CountAsync());
        await asker.GotoAsync($"/datasets/{slug}");
        await asker.Page.Locator("#request-access-form").WaitForAsync();
        asker.AssertOnlyServiceAndNoErrors();
        holder.AssertOnlyServiceAndNoErrors();
    }

    private async Task<ExplorerSession> SignedInAsync(string key)
    {
        var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, signedIn: false);
        await session.Context.AddInitScriptAsync($"localStorage.setItem('cig.apiKey', '{key}')");
        return session;
    }
}
