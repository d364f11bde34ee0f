using System.Net;
using System.Net.Http.Headers;
using Graph.Api.Explorer;

namespace Graph.Api.Tests;

/// <summary>The explorer's pages and files as the service serves them, beside the GraphQL endpoint, the IDE and the health checks.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ExplorerHostingTests(CatalogueFactory service)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/search?cancer=lung&modality=MR")]
    [InlineData("/cohorts?a=x&b=y")]
    [InlineData("/datasets/some-dataset")]
    public async Task Page_BrowserGet_AnswersExplorerHtmlWithStrictPolicy(string path)
    {
        using var client = service.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>Cancer Imaging Graph explorer</title>", html, StringComparison.Ordinal);
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_ReferencedByPage_AreServedImmutable()
    {
        using var client = service.CreateClient();
        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/assets/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(ExplorerExtensions.FilesPath, "index.html")));
    }

    [Fact]
    public async Task OtherPaths_KeepTheirOwners_UnknownIs404()
    {
        using var client = service.CreateClient();
        using var ide = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql", UriKind.Relative));
        ide.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var ideResponse = await client.SendAsync(ide);
        Assert.DoesNotContain("Cancer Imaging Graph explorer", await ideResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var health = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var unknown = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var manifest = await client.GetAsync(new Uri("/cohorts/no-such-cohort/manifest", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, manifest.StatusCode);
    }
}
