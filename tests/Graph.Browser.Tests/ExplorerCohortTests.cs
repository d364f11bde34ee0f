using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>Saving, listing, comparing cohorts and downloading manifests in the explorer, checked against the GraphQL API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerCohortTests(ChromiumFixture chromium, GraphServiceFixture service)
{
    /// <summary>Two searches saved as cohorts are listed without drift, compare as the API compares them, and download their manifests.</summary>
    [Fact]
    public async Task Cohorts_SaveCompareAndDownloadManifest_MatchApi()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await session.GotoAsync("/search");
        await session.SearchSettledAsync();
        var cancer = (await page.Locator("fieldset[data-facet='cancer'] li").First.GetAttributeAsync("data-value"))!;
        var modality = (await page.Locator("fieldset[data-facet='modality'] li").First.GetAttributeAsync("data-value"))!;
        var suffix = Guid.NewGuid().ToString("N")[..8];

        await session.GotoAsync($"/search?cancer={cancer}");
        var a = await SaveAsync(session, $"A {cancer} {suffix}");
        await session.GotoAsync($"/search?modality={modality}");
        var b = await SaveAsync(session, $"B {modality} {suffix}");

        await page.GetByRole(AriaRole.Link, new() { Name = "See your cohorts" }).ClickAsync();
        await page.WaitForURLAsync($"**/cohorts?a={b}");
        await page.Locator("select[name='a']").SelectOptionAsync(a);
        await page.Locator("select[name='b']").SelectOptionAsync(b);
        var comparison = page.Locator("section.comparison");
        await comparison.WaitForAsync();
        Assert.Contains($"a={a}", page.Url, StringComparison.Ordinal);
        Assert.Contains($"b={b}", page.Url, StringComparison.Ordinal);

        var api = await ServiceApi.DataAsync(service.BaseUrl, """
            query($a: String!, $b: String!) {
              compareCohorts(a: $a, b: $b) { onlyA { value } onlyB { value } both { value } }
              cohortA: cohortByKey(key: $a) { selection { series { value } } drift { added { value } removed { value } } }
            }
            """, new { a, b });
        var compare = api["compareCohorts"]!;
        Assert.Equal(((int)compare["onlyA"]!["value"]!).ToString(CultureInfo.InvariantCulture), await comparison.GetAttributeAsync("data-only-a"));
        Assert.Equal(((int)compare["onlyB"]!["value"]!).ToString(CultureInfo.InvariantCulture), await comparison.GetAttributeAsync("data-only-b"));
        Assert.Equal(((int)compare["both"]!["value"]!).ToString(CultureInfo.InvariantCulture), await comparison.GetAttributeAsync("data-both"));
        Assert.True(await page.Locator("table.compare-table").CountAsync() >= 3);
        var rowA = page.Locator($"tr[data-cohort='{a}']");
        Assert.Equal("0", await rowA.Locator("[data-drift-added]").GetAttributeAsync("data-drift-added"));
        Assert.Equal("0", await rowA.Locator("[data-drift-added]").GetAttributeAsync("data-drift-removed"));
        await session.ScreenshotAsync("explorer-cohorts.png", fullPage: true);

        // The CSV manifest has one row per series of the cohort: exactly the API's series of its criteria.
        var expected = await CohortSeriesAsync(cancer);
        Assert.Equal((int)api["cohortA"]!["selection"]!["series"]!["value"]!, expected.Count);
        var csv = await DownloadAsync(page, rowA.GetByRole(AriaRole.Link, new() { Name = "CSV" }));
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Trim().Split(',');
        Assert.Equal("seriesInstanceUid", header[0]);
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Skip(1).Select(line => line.Split(',')[0].Trim('"', '\r')).Order(StringComparer.Ordinal));

        // The download's progress line ends with the size of what arrived: the file's size.
        var progress = page.Locator(".download-progress[data-state='done']").Last;
        await progress.WaitForAsync();
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(csv).ToString(CultureInfo.InvariantCulture), await progress.GetAttributeAsync("data-bytes"));
        Assert.StartsWith("Downloaded ", await progress.InnerTextAsync(), StringComparison.Ordinal);

        var json = JsonNode.Parse(await DownloadAsync(page, rowA.GetByRole(AriaRole.Link, new() { Name = "JSON" })))!.AsArray();
        Assert.Equal(expected.Order(StringComparer.Ordinal), json.Select(row => (string)row!["seriesInstanceUid"]!).Order(StringComparer.Ordinal));
        session.AssertOnlyServiceAndNoErrors();
    }

    private static async Task<string> SaveAsync(ExplorerSession session, string name)
    {
        var page = session.Page;
        await session.SearchSettledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as cohort…" }).ClickAsync();
        await page.Locator("#save-cohort-form input[name='name']").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cohort" }).ClickAsync();
        var saved = page.Locator(".saved[data-cohort]");
        await saved.WaitForAsync();
        Assert.Contains(name, await saved.InnerTextAsync(), StringComparison.Ordinal);
        return (await saved.GetAttributeAsync("data-cohort"))!;
    }

    private static async Task<string> DownloadAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    private async Task<List<string>> CohortSeriesAsync(string cancer)
    {
        var uids = new List<string>();
        string? after = null;
        do
        {
            var data = await ServiceApi.DataAsync(service.BaseUrl, """
                query($cancer: String!, $after: String) {
                  series(first: 1000, after: $after, where: { patient: { cancerTypes: { some: { code: { in: [$cancer] } } } } }) {
                    pageInfo { hasNextPage endCursor } nodes { seriesInstanceUid } }
                }
                """, new { cancer, after });
            var series = data["series"]!;
            uids.AddRange(series["nodes"]!.AsArray().Select(n => (string)n!["seriesInstanceUid"]!));
            after = (bool)series["pageInfo"]!["hasNextPage"]! ? (string)series["pageInfo"]!["endCursor"]! : null;
        }
        while (after is not null);
        return uids;
    }
}
