using System.Text.Json.Nodes;

namespace Graph.Browser.Tests;

/// <summary>The "View" and "DICOMweb" links of the search's study and series tables: filled from the repository's template, and only on records the caller may read.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerViewerLinkTests(ChromiumFixture chromium, GraphServiceFixture service)
{
    private const string Links = """
        () => [...document.querySelectorAll('table.results-table tbody tr')].map(r => [
          r.dataset.key,
          r.querySelector('a.viewer-link')?.getAttribute('href') ?? '', r.querySelector('a.viewer-link')?.textContent ?? '',
          r.querySelector('a.viewer-link')?.getAttribute('target') ?? '',
          r.querySelector('a.retrieve-link')?.getAttribute('href') ?? '', r.querySelector('a.retrieve-link')?.textContent ?? ''])
        """;

    /// <summary>A signed-in caller who reads the records gets, per study and per series, the repository's viewer template with its placeholders filled in, and the DICOMweb retrieve URL.</summary>
    [Fact]
    public async Task SearchTables_SignedIn_ViewLinkIsTheRepositoryTemplateFilledIn()
    {
        var repositories = (await ServiceApi.DataAsync(service.BaseUrl, "{ repositories(first: 100) { nodes { slug baseUrl viewerUrlTemplate } } }"))["repositories"]!["nodes"]!
            .AsArray().ToDictionary(r => (string)r!["slug"]!, r => ((string)r!["baseUrl"]!).TrimEnd('/') is var b ? (Base: b, Template: (string?)r["viewerUrlTemplate"]) : default);
        var restricted = await RestrictedDatasetAsync();
        var repository = (string)restricted["repository"]!["slug"]!;
        var (baseUrl, template) = repositories[repository];
        Assert.False(string.IsNullOrEmpty(template));
        Assert.Contains("{studyInstanceUid}", template, StringComparison.Ordinal);

        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;

        // Studies of a restricted dataset, which the administrator reads: each row links to its own study.
        await session.GotoAsync($"/search?dataset={Uri.EscapeDataString((string)restricted["slug"]!)}&level=studies");
        await session.SearchSettledAsync();
        var studies = await page.EvaluateAsync<string[][]>(Links);
        Assert.NotEmpty(studies);
        foreach (var (uid, view, viewText, target, retrieve, retrieveText) in studies.Select(r => (r[0], r[1], r[2], r[3], r[4], r[5])))
        {
            Assert.Equal(Filled(template!, baseUrl, uid, ""), view);
            Assert.Equal($"{baseUrl}/ohif/viewer?StudyInstanceUIDs={uid}&SeriesInstanceUIDs=", view);
            Assert.Equal("View", viewText);
            Assert.Equal("_blank", target);
            Assert.Equal($"{baseUrl}/studies/{uid}", retrieve);
            Assert.Equal("DICOMweb", retrieveText);
        }

        // Its series: the link names the study and the series.
        await session.GotoAsync($"/search?dataset={Uri.EscapeDataString((string)restricted["slug"]!)}&level=series");
        await session.SearchSettledAsync();
        var rows = await page.EvaluateAsync<string[][]>(Links);
        Assert.NotEmpty(rows);
        var api = await ServiceApi.DataAsync(service.BaseUrl, """
            query($uids: [String!]) { series(where: { seriesInstanceUid: { in: $uids } }, first: 100) { nodes { seriesInstanceUid study { studyInstanceUid } } } }
            """, new { uids = rows.Select(r => r[0]).ToArray() });
        var studyOf = api["series"]!["nodes"]!.AsArray().ToDictionary(s => (string)s!["seriesInstanceUid"]!, s => (string)s!["study"]!["studyInstanceUid"]!);
        Assert.Equal(rows.Length, studyOf.Count);
        foreach (var row in rows)
        {
            var study = studyOf[row[0]];
            Assert.Equal(Filled(template!, baseUrl, study, row[0]), row[1]);
            Assert.Equal("View", row[2]);
            Assert.Equal($"{baseUrl}/studies/{study}/series/{row[0]}", row[4]);
            Assert.Equal("DICOMweb", row[5]);
        }

        await session.ScreenshotAsync("explorer-viewer-links.png", fullPage: true);
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>A signed-out visitor and a researcher without the restricted dataset's grant see links only on records they read, and no UID of the others anywhere in the page.</summary>
    [Theory]
    [InlineData("anonymous")]
    [InlineData("researcher")]
    public async Task SearchTables_WithoutGrant_NoLinkNorUidOfUnreadableRecords(string role)
    {
        var key = role == "researcher" ? await Graph.Testing.TestKeys.CreateAsync(service.DataDirectory, "researcher") : null;
        var restricted = await RestrictedDatasetAsync();
        var slug = Uri.EscapeDataString((string)restricted["slug"]!);
        var all = await UidsAsync(anonymous: false, key: null);
        var readable = await UidsAsync(anonymous: key is null, key: key);
        var hidden = all.Except(readable).ToList();
        Assert.NotEmpty(hidden);
        Assert.NotEmpty(readable);

        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, signedIn: false);
        if (key is not null)
            await session.Context.AddInitScriptAsync($"localStorage.setItem('cig.apiKey', '{key}')");
        var page = session.Page;
        foreach (var level in new[] { "studies", "series" })
        {
            // The whole catalogue: every row shown is a readable record, and carries its links.
            await session.GotoAsync($"/search?level={level}");
            await session.SearchSettledAsync();
            var rows = await page.EvaluateAsync<string[][]>(Links);
            Assert.NotEmpty(rows);
            Assert.All(rows, r =>
            {
                Assert.Contains(r[0], readable);
                Assert.Contains(r[0], r[1], StringComparison.Ordinal);
                Assert.Contains(r[0], r[4], StringComparison.Ordinal);
            });
            Assert.Equal(rows.Length, await page.Locator("a.viewer-link").CountAsync());
            AssertNoneIn(hidden, await page.ContentAsync());

            // The restricted dataset alone: rows (and links) only for what the caller reads some other way, no UID of the rest.
            await session.GotoAsync($"/search?dataset={slug}&level={level}");
            await session.SearchSettledAsync();
            var restrictedRows = await page.EvaluateAsync<string[][]>(Links);
            Assert.All(restrictedRows, r => Assert.Contains(r[0], readable));
            Assert.Equal(restrictedRows.Length, await page.Locator("a.viewer-link").CountAsync());
            AssertNoneIn(hidden, await page.ContentAsync());
        }

        await session.ScreenshotAsync($"explorer-viewer-links-{role}.png", fullPage: true);
        session.AssertOnlyServiceAndNoErrors();
    }

    private static string Filled(string template, string baseUrl, string study, string series) => template
        .Replace("{baseUrl}", baseUrl, StringComparison.Ordinal)
        .Replace("{studyInstanceUid}", study, StringComparison.Ordinal)
        .Replace("{seriesInstanceUid}", series, StringComparison.Ordinal);

    private static void AssertNoneIn(List<string> uids, string html)
    {
        var shown = uids.Where(uid => html.Contains(uid, StringComparison.Ordinal)).ToList();
        Assert.Empty(shown);
    }

    /// <summary>The UIDs of every study and series the caller reads, page by page.</summary>
    private async Task<HashSet<string>> UidsAsync(bool anonymous, string? key)
    {
        var uids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (connection, field) in new[] { ("studies", "studyInstanceUid"), ("series", "seriesInstanceUid") })
        {
            string? after = null;
            do
            {
                var page = (await ServiceApi.DataAsync(service.BaseUrl, $$"""
                    query($after: String) { {{connection}}(first: 1000, after: $after) { pageInfo { hasNextPage endCursor } nodes { {{field}} } } }
                    """, new { after }, anonymous, key))[connection]!;
                uids.UnionWith(page["nodes"]!.AsArray().Select(n => (string)n![field]!));
                after = (bool)page["pageInfo"]!["hasNextPage"]! ? (string)page["pageInfo"]!["endCursor"]! : null;
            }
            while (after is not null);
        }

        return uids;
    }

    /// <summary>The restricted dataset with the most studies (the administrator reads it; researchers without its grant do not).</summary>
    private async Task<JsonNode> RestrictedDatasetAsync()
    {
        var data = await ServiceApi.DataAsync(service.BaseUrl, """
            { datasets(first: 1000, where: { accessTier: { eq: "restricted" } }) { nodes { slug repository { slug } studies { totalCount } } } }
            """);
        return data["datasets"]!["nodes"]!.AsArray().MaxBy(d => (int)d!["studies"]!["totalCount"]!)!;
    }
}
