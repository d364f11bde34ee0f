using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Graph.Browser.Tests;

/// <summary>The explorer's catalogue and dataset pages in Chromium, checked against the GraphQL API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerCatalogueTests(ChromiumFixture chromium, GraphServiceFixture service, ITestOutputHelper output)
{
    private const string DatasetsQuery = """
        { datasets(first: 1000) { totalCount nodes { slug title summary { patients { value } }
            cancerTypes { nodes { code } } } } }
        """;

    /// <summary>Cards show every dataset with the API's counts; the table sorts and filters, and the URL keeps that state.</summary>
    [Fact]
    public async Task Catalogue_CardsTableSortAndFilter_MatchApi()
    {
        var api = await ServiceApi.DataAsync(service.BaseUrl, DatasetsQuery);
        var datasets = api["datasets"]!["nodes"]!.AsArray();
        var patientsBySlug = datasets.ToDictionary(d => (string)d!["slug"]!, d => (int)d!["summary"]!["patients"]!["value"]!);
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;

        var started = DateTime.UtcNow;
        await session.GotoAsync("/");
        await page.Locator(".cards .card").First.WaitForAsync();
        output.WriteLine($"First page usable after {(DateTime.UtcNow - started).TotalMilliseconds:F0} ms");
        var cards = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('.card')].map(c => [c.dataset.slug, c.querySelector('.figures dd').textContent])");
        Assert.Equal(patientsBySlug.Count, cards.Length);
        foreach (var card in cards)
            Assert.Equal(patientsBySlug[card[0]], ParseCount(card[1]));
        await session.ScreenshotAsync("explorer-catalogue.png");

        await page.GetByRole(AriaRole.Button, new() { Name = "Table" }).ClickAsync();
        var patientsHeader = page.Locator("table.datasets th button", new() { HasTextString = "Patients" });
        await patientsHeader.ClickAsync();
        await patientsHeader.ClickAsync();
        await Assertions.Expect(page.Locator("table.datasets th[aria-sort='descending']")).ToHaveCountAsync(1);
        var column = await PatientColumnAsync(page);
        Assert.Equal(patientsBySlug.Values.OrderByDescending(n => n), column);
        await session.ScreenshotAsync("explorer-catalogue-table.png");

        var cancer = (string)datasets[0]!["cancerTypes"]!["nodes"]![0]!["code"]!;
        await page.Locator("select[name='cancer']").SelectOptionAsync(cancer);
        var expected = datasets.Count(d => d!["cancerTypes"]!["nodes"]!.AsArray().Any(c => (string)c!["code"]! == cancer));
        await Assertions.Expect(page.Locator(".result-count")).ToHaveAttributeAsync("data-count", expected.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, await page.Locator("table.datasets tbody tr").CountAsync());

        // The state is in the URL: a reload shows the same filtered, sorted table.
        Assert.Contains($"cancer={cancer}", page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await page.Locator("table.datasets tbody tr").First.WaitForAsync();
        Assert.Equal(expected, await page.Locator("table.datasets tbody tr").CountAsync());
        Assert.Equal(cancer, await page.Locator("select[name='cancer']").InputValueAsync());
        Assert.Equal("descending", await page.Locator("table.datasets th[aria-sort='descending'] button").EvaluateAsync<string>("b => b.closest('th').getAttribute('aria-sort')"));
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>A dataset page shows the API's counts and distributions, links to DCAT-AP and lists the algorithms trained on it.</summary>
    [Fact]
    public async Task DatasetPage_FromCard_ShowsCountsChartsDcatAndAlgorithms()
    {
        var api = await ServiceApi.DataAsync(service.BaseUrl, DatasetsQuery);
        var largest = api["datasets"]!["nodes"]!.AsArray().MaxBy(d => (int)d!["summary"]!["patients"]!["value"]!)!;
        var slug = (string)largest["slug"]!;
        var detail = (await ServiceApi.DataAsync(service.BaseUrl, """
            query($slug: String!) { datasetByKey(key: $slug) {
              summary { patients { value } studies { value } series { value } }
              series { facets(fields: ["modality"]) { values { value count } } }
              algorithms { nodes { name } } } }
            """, new { slug }))["datasetByKey"]!;
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;

        await session.GotoAsync("/");
        await page.Locator($".card[data-slug='{slug}'] h2 a").ClickAsync();
        await page.WaitForURLAsync($"**/datasets/{slug}");
        await page.Locator("[data-figure='patients']").WaitForAsync();

        Assert.Equal((int)detail["summary"]!["patients"]!["value"]!, ParseCount(await page.Locator("[data-figure='patients']").InnerTextAsync()));
        Assert.Equal((int)detail["summary"]!["studies"]!["value"]!, ParseCount(await page.Locator("[data-figure='studies']").InnerTextAsync()));
        Assert.Equal((int)detail["summary"]!["series"]!["value"]!, ParseCount(await page.Locator("[data-figure='series']").InnerTextAsync()));
        var modalityBars = await page.EvaluateAsync<string[][]>("""
            () => [...document.querySelectorAll('figure.bars')].find(f => f.querySelector('figcaption').textContent === 'Series by modality')
                ? [...[...document.querySelectorAll('figure.bars')].find(f => f.querySelector('figcaption').textContent === 'Series by modality').querySelectorAll('li')]
                    .map(li => [li.querySelector('.bar-label').textContent, li.querySelector('.bar-count').textContent])
                : []
            """);
        Assert.Equal(ServiceApi.Counts(detail["series"]!["facets"]![0]!), modalityBars.ToDictionary(b => b[0], b => ParseCount(b[1])));
        Assert.True(await page.Locator("figure.histogram").CountAsync() >= 2);
        Assert.Equal($"/datasets/{slug}/dcat", await page.GetByRole(AriaRole.Link, new() { Name = "DCAT-AP metadata" }).GetAttributeAsync("href"));
        var algorithms = detail["algorithms"]!["nodes"]!.AsArray().Select(a => (string)a!["name"]!).ToList();
        var shown = await page.Locator("ul.algorithms li strong").AllInnerTextsAsync();
        Assert.Equal(algorithms, shown);
        if (algorithms.Count == 0)
            await Assertions.Expect(page.GetByText("No algorithm in the catalogue is trained on this dataset yet.")).ToBeVisibleAsync();
        await session.ScreenshotAsync("explorer-dataset.png", fullPage: true);

        // "Search this dataset" opens the search with the dataset ticked.
        await page.GetByRole(AriaRole.Link, new() { Name = "Search this dataset" }).ClickAsync();
        await session.SearchSettledAsync();
        Assert.True(await page.Locator($"input[data-facet='dataset'][value='{slug}']").IsCheckedAsync());
        Assert.Equal(((int)detail["summary"]!["patients"]!["value"]!).ToString(CultureInfo.InvariantCulture), await page.Locator(".summary").GetAttributeAsync("data-patients"));
        session.AssertOnlyServiceAndNoErrors();
    }

    private static async Task<List<int>> PatientColumnAsync(IPage page)
    {
        var index = await page.EvaluateAsync<int>("() => [...document.querySelectorAll('table.datasets th')].findIndex(th => th.textContent.startsWith('Patients'))");
        var cells = await page.EvaluateAsync<string[]>($"() => [...document.querySelectorAll('table.datasets tbody tr')].map(tr => tr.children[{index}].textContent)");
        return cells.Select(ParseCount).ToList();
    }

    internal static int ParseCount(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
}
