using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>The explorer as a signed-out visitor sees it: open records exactly, restricted data only as protected counts.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerSignedOutTests(ChromiumFixture chromium, GraphServiceFixture service)
{
    private const string Count = "value readable restricted exact text";

    /// <summary>Every card shows the protected size the API gives a visitor; restricted datasets say "about N", never 0.</summary>
    [Fact]
    public async Task Catalogue_SignedOut_ShowsProtectedSizesOfRestrictedDatasets()
    {
        var api = await ServiceApi.DataAsync(service.BaseUrl, $$"""{ datasets(first: 1000) { nodes { slug accessTier summary { patients { {{Count}} } } } } }""", anonymous: true);
        var datasets = api["datasets"]!["nodes"]!.AsArray();
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, signedIn: false);
        var page = session.Page;
        await session.GotoAsync("/");
        await page.Locator(".cards .card").First.WaitForAsync();

        var cards = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('.card')].map(c => [c.dataset.slug, c.querySelector(\"[data-figure='patients']\").textContent])");
        var shown = cards.ToDictionary(c => c[0], c => c[1]);
        Assert.Equal(datasets.Count, shown.Count);
        foreach (var dataset in datasets)
        {
            var patients = dataset!["summary"]!["patients"]!;
            Assert.Equal((string)patients["text"]!, shown[(string)dataset["slug"]!]);
            if ((string)dataset["accessTier"]! == "restricted" && (int)patients["readable"]! == 0)
            {
                // A visitor reads none of it, and still learns how large it is: about N, never 0.
                Assert.Matches("^(about [0-9,]+|fewer than 5)$", shown[(string)dataset["slug"]!]);
                Assert.False((bool)patients["exact"]!);
            }
        }

        Assert.Contains(datasets, d => ((string)d!["summary"]!["patients"]!["text"]!).StartsWith("about ", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".protected-note").First).ToBeVisibleAsync();
        await session.ScreenshotAsync("explorer-signed-out-catalogue.png");
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>The README's search (lung, CT, ages 60-80) shows the protected totals the API gives a visitor and lists only open records.</summary>
    [Fact]
    public async Task Search_LungCtSixtyToEighty_SignedOut_ProtectedTotalsAndOpenRecordsOnly()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, signedIn: false);
        var page = session.Page;
        await session.GotoAsync("/search?cancer=lung&modality=CT&age=60-70&age=70-80");
        await session.SearchSettledAsync();

        // The explorer asks for two ticked age bars, each its own range (whose bounds are what the noise is seeded from);
        // written otherwise here (eq for a one-value in, no explicit and), the same question gets the same protected answer.
        var api = (await ServiceApi.DataAsync(service.BaseUrl, $$"""
            { cohortPreview(criteria: {
                patients: { cancerTypes: { some: { code: { eq: "lung" } } },
                            or: [{ ageAtDiagnosis: { gte: 70, lt: 80 } }, { ageAtDiagnosis: { lt: 70, gte: 60 } }] },
                series: { modality: { eq: "CT" } } }) { patients { {{Count}} } series { {{Count}} } }
              patients(where: { cancerTypes: { some: { code: { eq: "lung" } } }, ageAtDiagnosis: { gte: 60, lt: 80 }, series: { some: { modality: { eq: "CT" } } } }) {
                totalCount } }
            """, anonymous: true));
        var summary = page.Locator(".summary");
        var patients = api["cohortPreview"]!["patients"]!;
        Assert.Equal(((int)patients["value"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), await summary.GetAttributeAsync("data-patients"));
        Assert.Equal(((int)patients["readable"]!).ToString(System.Globalization.CultureInfo.InvariantCulture), await summary.GetAttributeAsync("data-readable-patients"));
        Assert.Equal("false", await summary.GetAttributeAsync("data-exact"));
        Assert.Contains((string)patients["text"]!, await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal((int)api["patients"]!["totalCount"]!, (int)patients["readable"]!);

        Assert.Equal(Math.Min(20, (int)patients["readable"]!), await page.Locator("table.results-table tbody tr").CountAsync());
        await session.ScreenshotAsync("explorer-signed-out-search.png", fullPage: true);

        // Where open datasets hold matches (liver), the list shows them, and only them: the readable part, no more.
        await session.GotoAsync("/search?cancer=liver");
        await session.SearchSettledAsync();
        var liver = await ServiceApi.DataAsync(service.BaseUrl, """
            { patients(where: { cancerTypes: { some: { code: { eq: "liver" } } } }, first: 20) { nodes { pseudonym datasets { nodes { accessTier } } } } }
            """, anonymous: true);
        var open = liver["patients"]!["nodes"]!.AsArray();
        Assert.NotEmpty(open);
        Assert.All(open, p => Assert.Contains(p!["datasets"]!["nodes"]!.AsArray(), d => (string)d!["accessTier"]! == "open"));
        var rows = await page.Locator("table.results-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)");
        Assert.Equal(open.Select(p => (string)p!["pseudonym"]!).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>A restricted dataset's page shows its protected figures and charts, and says why its distributions are not shown.</summary>
    [Fact]
    public async Task DatasetPage_RestrictedSignedOut_ProtectedFiguresNoRecords()
    {
        var all = await ServiceApi.DataAsync(service.BaseUrl, """{ datasets(first: 1000, where: { accessTier: { eq: "restricted" } }) { nodes { slug summary { patients { value } } } } }""");
        var slug = (string)all["datasets"]!["nodes"]!.AsArray().MaxBy(d => (int)d!["summary"]!["patients"]!["value"]!)!["slug"]!;
        var api = (await ServiceApi.DataAsync(service.BaseUrl, $$"""
            query($slug: String!) { datasetByKey(key: $slug) {
              summary { patients { {{Count}} } series { {{Count}} } seriesFacets(fields: ["modality"]) { values { value count { {{Count}} } } } }
              patients { totalCount } } }
            """, new { slug }, anonymous: true))["datasetByKey"]!;
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, signedIn: false);
        var page = session.Page;
        await session.GotoAsync($"/datasets/{slug}");
        await page.Locator("[data-figure='patients']").WaitForAsync();

        Assert.Equal(0, (int)api["patients"]!["totalCount"]!);
        var figure = await page.Locator("[data-figure='patients']").InnerTextAsync();
        Assert.Equal((string)api["summary"]!["patients"]!["text"]!, figure);
        Assert.StartsWith("about ", figure, StringComparison.Ordinal);
        Assert.Equal((string)api["summary"]!["series"]!["text"]!, await page.Locator("[data-figure='series']").InnerTextAsync());
        var bars = await page.EvaluateAsync<string[][]>("""
            () => [...[...document.querySelectorAll('figure.bars')].find(f => f.querySelector('figcaption').textContent === 'Series by modality').querySelectorAll('li')]
                .map(li => [li.querySelector('.bar-label').textContent, li.querySelector('.bar-count').textContent])
            """);
        Assert.Equal(
            api["summary"]!["seriesFacets"]![0]!["values"]!.AsArray().ToDictionary(v => (string)v!["value"]!, v => (string)v!["count"]!["text"]!),
            bars.ToDictionary(b => b[0], b => b[1]));
        await Assertions.Expect(page.GetByText("You may not read this dataset’s records")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("figure.histogram").CountAsync());
        await session.ScreenshotAsync("explorer-signed-out-dataset.png", fullPage: true);
        session.AssertOnlyServiceAndNoErrors();
    }
}
