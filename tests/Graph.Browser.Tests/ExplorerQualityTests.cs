using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>The explorer on a narrow screen, by keyboard, with labels, and in its empty and error states.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExplorerQualityTests(ChromiumFixture chromium, GraphServiceFixture service)
{
    // Every form control has a label or an accessible name.
    private const string UnlabelledScript = """
        () => [...document.querySelectorAll('input, select, button')]
            .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
            .map(e => e.outerHTML.slice(0, 120))
        """;

    /// <summary>On a phone-sized screen no page scrolls sideways; the pages still show their content.</summary>
    [Fact]
    public async Task Explorer_NarrowScreen_FitsWithoutSidewaysScrolling()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl, width: 390, height: 844);
        var page = session.Page;
        foreach (var (path, ready) in new[] { ("/", ".card"), ("/search", "table.results-table"), ("/cohorts", "h1") })
        {
            await session.GotoAsync(path);
            await page.Locator(ready).First.WaitForAsync();
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} is {overflow} px wider than the screen.");
        }

        await session.GotoAsync("/search");
        await session.SearchSettledAsync();
        await session.ScreenshotAsync("explorer-search-narrow.png");
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>The first Tab reaches the skip link, every control is labelled, and a facet is ticked with the space bar.</summary>
    [Fact]
    public async Task Explorer_Keyboard_SkipLinkLabelsAndSpaceTicksFacet()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await session.GotoAsync("/search");
        await session.SearchSettledAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledScript));

        var checkbox = page.Locator("input[data-facet='modality']").First;
        var value = await checkbox.GetAttributeAsync("value");
        // Focused and pressed in one action, which first waits for the box to be visible, stable and enabled (under load a
        // focus made before the facets' last render could miss the key).
        await checkbox.PressAsync("Space");
        await page.WaitForURLAsync($"**/search?modality={value}");
        await session.SearchSettledAsync();
        Assert.True(await page.Locator($"input[data-facet='modality'][value='{value}']").IsCheckedAsync());

        await session.GotoAsync("/");
        await page.Locator(".card").First.WaitForAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledScript));
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>A search that matches nothing says so and cannot be saved; an unknown dataset says so.</summary>
    [Fact]
    public async Task Explorer_NothingMatches_ShowsEmptyStates()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await session.GotoAsync("/search?q=no-series-is-described-like-this");
        await session.SearchSettledAsync();
        Assert.Equal("0", await page.Locator(".summary").GetAttributeAsync("data-patients"));
        await Assertions.Expect(page.GetByText("Nothing matches these filters.")).ToBeVisibleAsync();
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "Save as cohort…" }).IsDisabledAsync());

        await session.GotoAsync("/datasets/no-such-dataset");
        await Assertions.Expect(page.GetByText("There is no dataset “no-such-dataset”.")).ToBeVisibleAsync();
        session.AssertOnlyServiceAndNoErrors();
    }

    /// <summary>When the API fails the page shows the reason and a retry that works once the API is back.</summary>
    [Fact]
    public async Task Explorer_ApiFails_ShowsErrorAndRetries()
    {
        await using var session = await ExplorerSession.OpenAsync(chromium.Browser, service.BaseUrl);
        var page = session.Page;
        await page.RouteAsync("**/graphql", route => route.FulfillAsync(new RouteFulfillOptions { Status = 503, Body = "unavailable", ContentType = "text/plain" }));
        await session.GotoAsync("/");
        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("The service answered 503");

        await page.UnrouteAllAsync();
        await alert.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await page.Locator(".card").First.WaitForAsync();
        await Assertions.Expect(alert).ToHaveCountAsync(0);
    }
}
