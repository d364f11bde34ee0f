using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Graph.Browser.Tests;

/// <summary>Drives the Banana Cake Pop IDE that the service serves at /graphql, as a person would in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BananaCakePopTests(ChromiumFixture chromium, GraphServiceFixture service, ITestOutputHelper output)
{
    private const string Query = "{ catalogueStatistics { datasets } }";

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
            await page.GetByRole(AriaRole.Button, new() { Name = "Create Document" }).ClickAsync();
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
