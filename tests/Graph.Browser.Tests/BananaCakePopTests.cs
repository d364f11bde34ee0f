using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Graph.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Graph.Browser.Tests;

/// <summary>Drives the Banana Cake Pop IDE that the service serves at /graphql, as a person would in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BananaCakePopTests(ChromiumFixture chromium, GraphServiceFixture service, ITestOutputHelper output)
{
    private const string Query = "{ catalogueStatistics { datasets } }";

    private const string EditorSelector = ".monaco-editor[data-uri^='file:///operations/']";

    // Monaco renders each line as a positioned div and reuses them, so order them by their offset.
    private const string EditorTextScript = """
        editor => [...editor.querySelectorAll('.view-line')]
            .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
            .map(line => line.textContent.replace(/\u00a0/g, ' '))
            .join('\n')
        """;

    // The response editor has no stable id: it is the editor in the panel headed "Response".
    private const string ResponseTextScript = """
        () => {
            const heading = [...document.querySelectorAll('h1')].find(h => h.textContent.trim() === 'Response');
            let panel = heading;
            while (panel && !panel.querySelector('.monaco-editor')) panel = panel.parentElement;
            const editor = panel?.querySelector('.monaco-editor');
            if (!editor) return null;
            const text = [...editor.querySelectorAll('.view-line')]
                .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
                .map(line => line.textContent.replace(/\u00a0/g, ' '))
                .join('\n');
            return text.includes('"data"') || text.includes('"errors"') ? text : null;
        }
        """;

    /// <summary>The IDE loads the schema, runs a typed query and shows the API's answer, talking to no other host.</summary>
    [Fact]
    public async Task BananaCakePop_OpensAgainstService_LoadsSchemaAndRunsQuery()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        var requests = new List<Uri>();
        var violations = new List<string>();
        context.Request += (_, request) => { lock (requests) requests.Add(new Uri(request.Url)); };
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (violations) violations.Add(message.Text);
        };

        try
        {
            await page.GotoAsync(new Uri(service.BaseUrl, "/graphql").ToString());
            var operations = page.Locator(".monaco-editor[data-uri^='file:///operations/']");
            await operations.WaitForAsync();

            // The status bar says so once the IDE has introspected the endpoint from bcp-config.json.
            await page.GetByText("Schema available", new() { Exact = true }).WaitForAsync();

            var defaultDocument = await DefaultDocumentAsync();
            if (defaultDocument is not null)
                Assert.Equal(Normalize(defaultDocument), Normalize(await operations.EvaluateAsync<string>(EditorTextScript)));

            await operations.ClickAsync();
            await page.Keyboard.PressAsync("ControlOrMeta+A");
            // One input event accepts no completion, but Monaco may auto-close a brace behind the cursor.
            await page.Keyboard.InsertTextAsync(Query);
            await page.Keyboard.PressAsync("Shift+ControlOrMeta+End");
            await page.Keyboard.PressAsync("Delete");
            Assert.Equal(Query, Normalize(await operations.EvaluateAsync<string>(EditorTextScript)));

            // The IDE takes the edited text a moment later: a run that still answers the start document is run again.
            JsonNode? shownResult = null;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync();
                var shown = await page.WaitForFunctionAsync(ResponseTextScript);
                try
                {
                    shownResult = JsonNode.Parse(await shown.JsonValueAsync<string>());
                }
                catch (System.Text.Json.JsonException)
                {
                    shownResult = null;
                }

                if (shownResult?["data"]?["catalogueStatistics"] is not null && shownResult["data"]?["patients"] is null)
                    break;
                await page.WaitForTimeoutAsync(500);
            }

            Assert.NotNull(shownResult);

            Assert.Null(shownResult["errors"]);
            Assert.NotNull(shownResult["data"]?["catalogueStatistics"]?["datasets"]?.GetValue<int>());
            var apiResult = await PostQueryAsync();
            Assert.True(JsonNode.DeepEquals(apiResult, shownResult), $"IDE showed {shownResult.ToJsonString()}, API returned {apiResult.ToJsonString()}");
        }
        finally
        {
            var screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "bcp.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
            output.WriteLine($"Screenshot: {screenshot}");
        }

        lock (requests)
        {
            var foreign = requests.Where(uri => uri.Scheme is not ("data" or "blob") && uri.Authority != service.BaseUrl.Authority);
            Assert.Empty(foreign.Select(uri => uri.ToString()).Distinct());
        }

        lock (violations)
            Assert.Empty(violations);
    }

    /// <summary>Issue 21, point 5: a first visit shows the README's example in the editor, and Run answers it with data; no welcome
    /// screen, no banner, no other host.</summary>
    [Fact]
    public async Task BananaCakePop_FirstVisit_ShowsReadmeExampleReadyToRun()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var foreign = new List<string>();
        context.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.Scheme is not ("data" or "blob") && uri.Authority != service.BaseUrl.Authority)
                lock (foreign) foreign.Add(request.Url);
        };
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(service.BaseUrl, "/graphql").ToString());
            var operations = page.Locator(".monaco-editor[data-uri^='file:///operations/']");
            await operations.WaitForAsync();
            var readmeExample = Normalize(await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "schema", "examples", "cohort.graphql")));
            await page.WaitForFunctionAsync($"() => {{ const e = document.querySelector(\"{EditorSelector}\"); return e && ({EditorTextScript})(e).includes('ProstateMrCohort'); }}");
            Assert.Equal(readmeExample, Normalize(await operations.EvaluateAsync<string>(EditorTextScript)));
            Assert.Contains("query ProstateMrCohort", await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "README.md")), StringComparison.Ordinal);

            await page.GetByText("Schema available", new() { Exact = true }).WaitForAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Run Operation" }).ClickAsync();
            // The editor renders only the lines in view: the answer's start shows data for the example's first fields, no errors.
            var shown = await (await page.WaitForFunctionAsync(ResponseTextScript)).JsonValueAsync<string>();
            Assert.StartsWith("{\n  \"data\": {\n    \"catalogueStatistics\": {", shown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.DoesNotContain("\"errors\"", shown, StringComparison.Ordinal);

            // No welcome screen and no banner over the editor.
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).CountAsync());
            var text = await page.EvaluateAsync<string>("() => document.body.innerText");
            Assert.DoesNotContain("cookie", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("telemetry", text, StringComparison.OrdinalIgnoreCase);

            // A second visit keeps the one document: the start script opens one only when none is open.
            await page.ReloadAsync();
            await operations.WaitForAsync();
            await page.WaitForTimeoutAsync(1500);
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).CountAsync());
            Assert.Equal(readmeExample, Normalize(await operations.EvaluateAsync<string>(EditorTextScript)));
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "bcp-first-visit.png") });
        }

        lock (foreign)
            Assert.Empty(foreign.Distinct());
    }

    /// <summary>Issue 21, point 5: the examples of schema/examples/ are listed in the IDE; one click opens one in a new document.</summary>
    [Fact]
    public async Task BananaCakePop_ExamplesMenu_OneClickOpensAnExample()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        try
        {
            await page.GotoAsync(new Uri(service.BaseUrl, "/graphql").ToString());
            await page.Locator(EditorSelector).WaitForAsync();
            var folder = Path.Combine(RepositoryFiles.Root, "schema", "examples");
            var names = Directory.GetFiles(folder, "*.graphql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
            await page.GetByText("Examples", new() { Exact = true }).ClickAsync();
            var listed = await page.Locator("#graph-examples a").AllTextContentsAsync();
            Assert.Equal(names, listed.Order(StringComparer.Ordinal));

            await page.Locator("#graph-examples").GetByText("search", new() { Exact = true }).ClickAsync();
            var search = Normalize(await File.ReadAllTextAsync(Path.Combine(folder, "search.graphql")));
            await page.WaitForFunctionAsync($"() => [...document.querySelectorAll(\"{EditorSelector}\")].some(e => ({EditorTextScript})(e).includes('facetValues'))");
            var texts = await page.Locator(EditorSelector).EvaluateAllAsync<string[]>($"editors => editors.map({EditorTextScript})");
            Assert.Contains(search, texts.Select(Normalize));
            Assert.Equal(new Uri(service.BaseUrl, "/graphql").ToString(), page.Url);
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "bcp-examples.png") });
        }
    }

    private async Task<JsonNode> PostQueryAsync()
    {
        using var http = new HttpClient();
        using var response = await http.PostAsJsonAsync(new Uri(service.BaseUrl, "/graphql"), new { query = Query });
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<string?> DefaultDocumentAsync()
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync(new Uri(service.BaseUrl, "/graphql/bcp-config.json"));
        return JsonNode.Parse(json)?["graphQLDocument"]?.GetValue<string>();
    }

    private static string Normalize(string text) => string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).Trim();
}
