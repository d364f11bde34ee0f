using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>The search page's cross-tabulation (a heat-map table of the API's crossTab), signed in and signed out.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerCrossTabTests(ChromiumFixture chromium, GraphServiceFixture service)
{
    /// <summary>Opened on a search, the table shows for every row and column exactly the counts (or protected texts) the API gives
    /// the same caller for the same criteria; a signed-out visitor never sees a cell the API withholds from them.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task CrossTab_OnASearch_ShowsTheApisCellsForTheCaller(bool signedIn)
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, signedIn: signedIn);
        var page = session.Page;
        await session.GotoAsync("/search?sex=F");
        await session.SearchSettledAsync();
        await page.Locator("details.crosstab-panel summary").ClickAsync();
        await page.Locator("select[name='columns']").SelectOptionAsync("series.bodyPart");
        var table = page.Locator("table.crosstab[data-columns='series.bodyPart']");
        await table.WaitForAsync();
        await page.Locator(".crosstab-scroll[aria-busy='false']").WaitForAsync();

        var api = (await ServiceApi.DataAsync(service.BaseUrl, """
            { crossTab(where: { patients: { sex: { in: ["F"] } } }, level: "Patient", rows: "cancerTypes.code", columns: "series.bodyPart", limit: 12) {
                cells { value total { value text } columns { values { value count { value text } } } } } }
            """, anonymous: !signedIn))["crossTab"]!["cells"]!.AsArray();
        var shown = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('table.crosstab tbody tr')].flatMap(tr =>
              [[tr.dataset.row, '*', tr.querySelector('td.total').textContent],
               ...[...tr.querySelectorAll('td[data-column]')].map(td => [tr.dataset.row, td.dataset.column, td.textContent])])
            """);
        var expected = api.SelectMany(row =>
        {
            var key = (string?)row!["value"] ?? "";
            return new[] { new[] { key, "*", (string)row["total"]!["text"]! } }
                .Concat(row["columns"]!["values"]!.AsArray().Select(v => new[] { key, (string)v!["value"]!, (string)v["count"]!["text"]! }));
        }).Select(c => string.Join('|', c)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, shown.Select(c => string.Join('|', c)).Order(StringComparer.Ordinal).ToList());
        Assert.True(expected.Count > api.Count, "the table has cells, not only row totals");

        // Cells are shaded by count: the largest cell is the darkest.
        var shades = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('table.crosstab td[data-column]')].map(td => Number(td.style.getPropertyValue('--shade')))");
        Assert.Equal(1.0, shades.Max(), 3);
        if (!signedIn)
        {
            // A visitor reads only open records: some figure is protected, and no cell of a withheld value appears.
            Assert.Contains(expected, c => c.Contains("about ", StringComparison.Ordinal) || c.Contains("fewer than 5", StringComparison.Ordinal));
        }

        await session.ScreenshotAsync($"explorer-crosstab-{(signedIn ? "signed-in" : "signed-out")}.png", fullPage: true);
        session.AssertOnlyServiceAndNoErrors();
    }
}
