// Explorer: copies a seeded data folder, starts the service on it as a process on 127.0.0.1 and times, in headless
// Chromium (Debian's /usr/bin/chromium driven by Playwright), each explorer page from navigation to the first usable
// page: the catalogue's dataset cards, the search page's results table, a dataset page's figures. Every run opens a
// fresh browser context (empty cache, as a first visit); the first run of each page is a warm-up and is not counted.
// Prints p50, p90 and max per page and the server's share (the time of the page's first GraphQL request).
//
//   dotnet run -c Release --project bench/Graph.Bench.Explorer -- --data /tmp/graph-bench-20000 --runs 10
//
// --data DIR    a seeded data folder (copied, never modified); without it, a 2,000-patient demo catalogue is seeded first
// --runs N      timed runs per page (default 10)
using System.Diagnostics;
using System.Globalization;
using Graph.Bench.Soak;
using Microsoft.Playwright;

var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
    options[args[i]] = args[i + 1];
var runs = int.Parse(options.GetValueOrDefault("--runs", "10"), CultureInfo.InvariantCulture);
if (runs < 1)
{
    Console.Error.WriteLine("--runs must be at least 1.");
    return 2;
}

const string Chromium = "/usr/bin/chromium";
if (!File.Exists(Chromium))
{
    Console.Error.WriteLine($"Chromium is not installed at {Chromium}: run `apt-get install -y chromium`.");
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "graph-explorer-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(work);
try
{
    if (options.TryGetValue("--data", out var source))
    {
        foreach (var file in Directory.GetFiles(source))
            File.Copy(file, Path.Combine(work, Path.GetFileName(file)));
    }

    Console.WriteLine($"load before: {File.ReadAllText("/proc/loadavg").Trim()}");
    await using var service = await ServiceUnderTest.StartAsync(work, options.ContainsKey("--data") ? 0 : 2_000);
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        ChromiumSandbox = false,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    // A dataset of the catalogue for the dataset page: the first card's link.
    var slug = await FirstDatasetAsync(browser, service.Address);
    var pages = new (string Name, string Path, string Ready)[]
    {
        ("catalogue (dataset cards)", "/", ".cards .card"),
        ("search (results table)", "/search", "table.results-table"),
        ($"dataset page ({slug}, figures)", $"/datasets/{slug}", "[data-figure='patients']"),
    };

    Console.WriteLine($"Explorer at {service.Address}, {runs} timed runs per page, each in a fresh browser context (first visit):");
    foreach (var (name, path, ready) in pages)
    {
        var total = new List<double>();
        var firstQuery = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            var (elapsed, query) = await TimeAsync(browser, new Uri(service.Address, path), ready);
            if (run == 0)
                continue;
            total.Add(elapsed);
            if (query is { } q)
                firstQuery.Add(q);
        }

        Console.WriteLine($"  {name,-40} to usable: {Figures(total)}; first GraphQL request: {Figures(firstQuery)}");
    }

    Console.WriteLine($"load after: {File.ReadAllText("/proc/loadavg").Trim()}");
    return 0;
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<string> FirstDatasetAsync(IBrowser browser, Uri address)
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    await page.GotoAsync(address.ToString());
    var link = page.Locator(".cards .card").First;
    await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
    return await link.GetAttributeAsync("data-slug") ?? throw new InvalidOperationException("The first dataset card has no data-slug.");
}

// Milliseconds from navigation to the ready element, and the duration of the page's first GraphQL request.
static async Task<(double Elapsed, double? FirstQuery)> TimeAsync(IBrowser browser, Uri url, string ready)
{
    await using var context = await browser.NewContextAsync();
    var page = await context.NewPageAsync();
    double? firstQuery = null;
    page.RequestFinished += (_, request) =>
    {
        if (firstQuery is null && request.Url.EndsWith("/graphql", StringComparison.Ordinal) && request.Timing.ResponseEnd > 0)
            firstQuery = request.Timing.ResponseEnd - request.Timing.RequestStart;
    };
    var watch = Stopwatch.StartNew();
    await page.GotoAsync(url.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
    await page.Locator(ready).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
    return (watch.Elapsed.TotalMilliseconds, firstQuery);
}

static string Figures(List<double> values)
{
    if (values.Count == 0)
        return "none";
    values.Sort();
    double At(double q) => values[Math.Min(values.Count - 1, (int)Math.Ceiling(q * values.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F0} ms, p90 {At(0.9):F0} ms, max {values[^1]:F0} ms");
}
