using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Graph.Browser.Tests;

/// <summary>The explorer's faceted search in Chromium: ticks, counts, paging and shared URLs, checked against the GraphQL API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerSearchTests(ChromiumFixture chromium, GraphServiceFixture service, ITestOutputHelper output)
{
    private const string CountsQuery = """
        query($patients: PatientFilterInput, $series: SeriesFilterInput) {
          patients(where: $patients, first: 0) { totalCount facets(fields: ["cancerTypes.code", "sex"], limit: 60) { field values { value count } } }
          series(where: $series, first: 0) { totalCount facets(fields: ["modality", "bodyPart"], limit: 60) { field values { value count } } }
        }
        """;

    /// <summary>Ticking a cancer type and two modalities gives the API's counts in the summary and in every facet (multi-select).</summary>
    [Fact]
    public async Task Search_TickFacets_CountsMatchApiAndUrlReloads()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await session.GotoAsync("/search");
        await session.SearchSettledAsync();

        // The most frequent cancer type, then the two most frequent modalities, as the page lists them.
        var cancer = await page.Locator("fieldset[data-facet='cancer'] li").First.GetAttributeAsync("data-value");
        await page.Locator($"input[data-facet='cancer'][value='{cancer}']").CheckAsync();
        await session.SearchSettledAsync();
        var modalities = (await page.Locator("fieldset[data-facet='modality'] li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.value)")).Take(2).ToArray();
        Assert.Equal(2, modalities.Length);
        foreach (var modality in modalities)
        {
            await page.Locator($"input[data-facet='modality'][value='{modality}']").CheckAsync();
            await session.SearchSettledAsync();
        }

        Assert.Contains($"cancer={cancer}", page.Url, StringComparison.Ordinal);
        var cancerClause = new JsonObject { ["cancerTypes"] = new JsonObject { ["some"] = new JsonObject { ["code"] = new JsonObject { ["in"] = new JsonArray(cancer) } } } };
        var modalityClause = new JsonObject { ["modality"] = new JsonObject { ["in"] = new JsonArray(modalities.Select(m => (JsonNode)m).ToArray()) } };
        var patients = new JsonObject { ["and"] = new JsonArray(cancerClause.DeepClone(), new JsonObject { ["series"] = new JsonObject { ["some"] = modalityClause.DeepClone() } }) };
        var series = new JsonObject { ["and"] = new JsonArray(modalityClause.DeepClone(), new JsonObject { ["patient"] = cancerClause.DeepClone() }) };
        var api = await ServiceApi.DataAsync(service.BaseUrl, CountsQuery, new { patients, series });

        var summary = page.Locator(".summary");
        Assert.Equal((int)api["patients"]!["totalCount"]!, int.Parse((await summary.GetAttributeAsync("data-patients"))!, CultureInfo.InvariantCulture));
        Assert.Equal((int)api["series"]!["totalCount"]!, int.Parse((await summary.GetAttributeAsync("data-series"))!, CultureInfo.InvariantCulture));
        Assert.Equal(ServiceApi.Counts(api["patients"]!["facets"]![0]!), await FacetAsync(page, "cancer"));
        Assert.Equal(ServiceApi.Counts(api["patients"]!["facets"]![1]!), await FacetAsync(page, "sex"));
        Assert.Equal(ServiceApi.Counts(api["series"]!["facets"]![0]!), await FacetAsync(page, "modality"));
        Assert.Equal(ServiceApi.Counts(api["series"]!["facets"]![1]!), await FacetAsync(page, "bodyPart"));
        await session.ScreenshotAsync("explorer-search.png");

        // A shared URL opened in a fresh browser context shows the same search.
        var shared = page.Url;
        await using var other = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        await other.Page.GotoAsync(shared);
        await other.SearchSettledAsync();
        Assert.True(await other.Page.Locator($"input[data-facet='cancer'][value='{cancer}']").IsCheckedAsync());
        foreach (var modality in modalities)
            Assert.True(await other.Page.Locator($"input[data-facet='modality'][value='{modality}']").IsCheckedAsync());
        Assert.Equal(await summary.GetAttributeAsync("data-patients"), await other.Page.Locator(".summary").GetAttributeAsync("data-patients"));
        Assert.Equal(await FacetAsync(page, "sex"), await FacetAsync(other.Page, "sex"));

        // Unticking through the chip restores the counts without that filter.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove filter Cancer type") }).ClickAsync();
        await session.SearchSettledAsync();
        Assert.DoesNotContain("cancer=", page.Url, StringComparison.Ordinal);
        var untickedApi = await ServiceApi.DataAsync(service.BaseUrl, CountsQuery, new { patients = new JsonObject { ["series"] = new JsonObject { ["some"] = modalityClause.DeepClone() } }, series = modalityClause.DeepClone() });
        Assert.Equal((int)untickedApi["patients"]!["totalCount"]!, int.Parse((await summary.GetAttributeAsync("data-patients"))!, CultureInfo.InvariantCulture));
        session.AssertOnlyServiceAndNoErrors();
        other.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>Result lists page with the API's cursors: next, next, previous, at the series level; patients and studies list the API's first page.</summary>
    [Fact]
    public async Task Search_PageThroughResults_RowsMatchApiPages()
    {
        var page1 = await SeriesPageAsync("first: 20");
        var page2 = await SeriesPageAsync($"first: 20, after: \"{page1.End}\"");
        var page3 = await SeriesPageAsync($"first: 20, after: \"{page2.End}\"");
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await session.GotoAsync("/search?level=series");
        await session.SearchSettledAsync();
        Assert.Equal(page1.Keys, await RowKeysAsync(page));

        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next ›" });
        await next.ClickAsync();
        await session.SearchSettledAsync();
        Assert.Equal(page2.Keys, await RowKeysAsync(page));
        await next.ClickAsync();
        await session.SearchSettledAsync();
        Assert.Equal(page3.Keys, await RowKeysAsync(page));
        Assert.Contains("after=", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "‹ Previous" }).ClickAsync();
        await session.SearchSettledAsync();
        Assert.Equal(page2.Keys, await RowKeysAsync(page));
        // Browser history walks the pages too.
        await page.GoBackAsync();
        await session.SearchSettledAsync();
        Assert.Equal(page3.Keys, await RowKeysAsync(page));

        var apiLevels = await ServiceApi.DataAsync(service.BaseUrl, "{ patients(first: 20) { nodes { pseudonym } } studies(first: 20) { nodes { studyInstanceUid } } }");
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Patients") }).ClickAsync();
        await session.SearchSettledAsync();
        Assert.Equal(apiLevels["patients"]!["nodes"]!.AsArray().Select(n => (string)n!["pseudonym"]!), await RowKeysAsync(page));
        // Arrow keys move between the level tabs.
        await page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Patients") }).PressAsync("ArrowRight");
        await session.SearchSettledAsync();
        Assert.Contains("level=studies", page.Url, StringComparison.Ordinal);
        Assert.Equal(apiLevels["studies"]!["nodes"]!.AsArray().Select(n => (string)n!["studyInstanceUid"]!), await RowKeysAsync(page));
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>Typing in the search box suggests cancer types from the API; choosing one by keyboard ticks it.</summary>
    [Fact]
    public async Task Search_AutocompleteByKeyboard_TicksSuggestedCancerType()
    {
        var cancerType = (await ServiceApi.DataAsync(service.BaseUrl, "{ cancerTypes(first: 1, order: [{ name: ASC }]) { nodes { code name } } }"))["cancerTypes"]!["nodes"]![0]!;
        var code = (string)cancerType["code"]!;
        var prefix = ((string)cancerType["name"]!)[..4].ToLowerInvariant();
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await session.GotoAsync("/search");
        await session.SearchSettledAsync();

        var box = page.GetByRole(AriaRole.Combobox);
        await box.FillAsync(prefix);
        var option = page.Locator($"[role='option'][data-param='cancer'][data-value='{code}']");
        await option.WaitForAsync();
        var index = await page.Locator("[role='option']").EvaluateAllAsync<int>($"options => options.findIndex(o => o.dataset.param === 'cancer' && o.dataset.value === '{code}')");
        for (var i = 0; i <= index; i++)
            await box.PressAsync("ArrowDown");
        Assert.Equal("true", await option.GetAttributeAsync("aria-selected"));
        await box.PressAsync("Enter");
        await page.WaitForURLAsync($"**/search?cancer={code}");
        await session.SearchSettledAsync();
        Assert.True(await page.Locator($"input[data-facet='cancer'][value='{code}']").IsCheckedAsync());
        output.WriteLine($"Chose {code} after typing '{prefix}'.");
        session.AssertOnlyServiceAndNoErrors();
    }

    private static async Task<Dictionary<string, int>> FacetAsync(IPage page, string facet) =>
        (await page.Locator($"fieldset[data-facet='{facet}'] li").EvaluateAllAsync<string[][]>("items => items.map(li => [li.dataset.value, li.dataset.count])"))
            .Where(pair => pair[1] != "0")
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture));

    private static async Task<IReadOnlyList<string>> RowKeysAsync(IPage page) =>
        await page.Locator("table.results-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)");

    private async Task<(IReadOnlyList<string> Keys, string End)> SeriesPageAsync(string arguments)
    {
        var data = await ServiceApi.DataAsync(service.BaseUrl, $"{{ series({arguments}) {{ pageInfo {{ endCursor }} nodes {{ seriesInstanceUid }} }} }}");
        return (data["series"]!["nodes"]!.AsArray().Select(n => (string)n!["seriesInstanceUid"]!).ToList(), (string)data["series"]!["pageInfo"]!["endCursor"]!);
    }
}
