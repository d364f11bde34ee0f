using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>A browser context on the explorer that records every request and every script error, for assertions.</summary>
internal sealed class ExplorerSession : IAsyncDisposable
{
    private readonly List<Uri> _requests = [];
    private readonly List<string> _errors = [];
    private readonly Uri _baseUrl;

    private ExplorerSession(IBrowserContext context, IPage page, Uri baseUrl)
    {
        Context = context;
        Page = page;
        _baseUrl = baseUrl;
    }

    /// <summary>The browser context (downloads accepted).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>Opens a context and a page of the given size that record requests, console errors and uncaught exceptions.</summary>
    /// <param name="browser">The browser.</param>
    /// <param name="baseUrl">The service.</param>
    /// <param name="width">The viewport's width.</param>
    /// <param name="height">The viewport's height.</param>
    /// <param name="signedIn">Whether the explorer holds the fixture's administrator key; false for a signed-out visitor.</param>
    public static async Task<ExplorerSession> OpenAsync(IBrowser browser, Uri baseUrl, int width = 1400, int height = 1000, bool signedIn = true)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(30_000);
        if (signedIn && ServiceApi.ApiKey is { } key)
            await context.AddInitScriptAsync($"localStorage.setItem('cig.apiKey', '{key}')");
        var page = await context.NewPageAsync();
        var session = new ExplorerSession(context, page, baseUrl);
        context.Request += (_, request) => { lock (session._requests) session._requests.Add(new Uri(request.Url)); };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (session._errors) session._errors.Add(message.Text);
        };
        page.PageError += (_, error) => { lock (session._errors) session._errors.Add(error); };
        return session;
    }

    /// <summary>Goes to a path of the service.</summary>
    public Task GotoAsync(string pathAndQuery) => Page.GotoAsync(new Uri(_baseUrl, pathAndQuery).ToString());

    /// <summary>Waits until the search page shows the answer for the URL in the address bar.</summary>
    public Task SearchSettledAsync() =>
        Page.WaitForFunctionAsync("() => document.querySelector('section.search')?.getAttribute('data-loaded') === location.search");

    /// <summary>Writes a screenshot under the test output folder and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = false)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    /// <summary>Fails if the page asked any host but the service, or logged a script error.</summary>
    public void AssertOnlyServiceAndNoErrors()
    {
        lock (_requests)
        {
            var foreign = _requests.Where(uri => uri.Scheme is not ("data" or "blob") && uri.Authority != _baseUrl.Authority);
            Assert.Empty(foreign.Select(uri => uri.ToString()).Distinct());
        }

        lock (_errors)
            Assert.Empty(_errors);
    }

    /// <summary>Closes the context.</summary>
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
