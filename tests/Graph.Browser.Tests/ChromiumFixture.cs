using Microsoft.Playwright;

namespace Graph.Browser.Tests;

/// <summary>Launches Debian's headless Chromium once for all browser tests, through Playwright's bundled driver.</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    /// <summary>Where Debian's chromium package installs the browser.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without these Chromium tries to reach Google's services, which are not reachable here.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Whether Chromium is installed where the fixture looks for it.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>The launched browser.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}.");

    /// <summary>Starts Playwright's driver and Chromium, with an empty profile that Playwright creates and removes.</summary>
    public async Task InitializeAsync()
    {
        if (!IsInstalled)
            throw new InvalidOperationException($"Chromium is not installed at {ExecutablePath}: run `apt-get install -y chromium` (scripts/test.sh does).");

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            ChromiumSandbox = false,
            Args = Flags,
        });
    }

    /// <summary>Closes the browser and the driver.</summary>
    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
