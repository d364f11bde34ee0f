using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Graph.Api.Tests.Security;
using Graph.Domain;
using Graph.Store;
using Graph.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Tests.Hardening;

/// <summary>Repository addresses and licences already in the store (written before registration checked them, or by another
/// writer) never become IRIs that RDF processors drop, resolve against the harvester's location or take for blank nodes.</summary>
public sealed partial class DcatStoredAddressTests : IAsyncLifetime
{
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Vcard = "http://www.w3.org/2006/vcard/ns#";
    private const string Dct = "http://purl.org/dc/terms/";

    // Each repository hosts one dataset (slug "d-" + repository) with the licence given.
    private static readonly (string Slug, string BaseUrl, string Contact, string Licence)[] Stored =
    [
        ("space", "https://neuro-leuven.example/x nat", "Leuven imaging office", "CC BY 4.0"),
        ("quote", "https://pacs.example.org/a\"b", "imaging-office", "../licence.html"),
        ("angle", "https://pacs.example.org/<a>", "javascript:alert(document.domain)", "javascript:alert(1)"),
        ("brace", "https://pacs.example.org/{a}|^`\\", "_:b0", "_:b1"),
        ("relative", "dicom-web", "//imaging.example/contact", "https://creativecommons.org/licenses/by/4.0/ x"),
        ("good", "https://pacs.example.org/dicom-web", "imaging@example.org", "https://creativecommons.org/licenses/by/4.0/"),
        ("web", "https://pacs.example.org/dicom-web", "https://hospital.example/access", "CC-BY-4.0"),
    ];

    private readonly GraphService _service = ConfiguredService.Create(new Dictionary<string, string>());

    public async Task InitializeAsync()
    {
        await _service.StartAsync();
        var changes = new ChangeSet { Source = "test-stored-before-checks" };
        foreach (var (slug, baseUrl, contact, licence) in Stored)
        {
            changes.Add(NodeRecord.Of(GraphModel.Repository, slug, ("name", $"Repository {slug}"), ("kind", "DICOMweb"), ("baseUrl", baseUrl), ("contact", contact)));
            changes.Add(NodeRecord.Of(GraphModel.Dataset, "d-" + slug, ("title", $"Dataset {slug}"), ("licence", licence), ("accessTier", "open")));
            changes.Add(EdgeRecord.Of("HOSTS", new NodeRef("Repository", slug), new NodeRef("Dataset", "d-" + slug)));
        }

        changes.Add(NodeRecord.Of(GraphModel.CancerType, "hostile", ("name", "Hostile type"), ("icd10", "C50 <x>")));
        changes.Add(EdgeRecord.Of("COVERS", new NodeRef("Dataset", "d-space"), new NodeRef("CancerType", "hostile")));
        await _service.Services.GetRequiredService<GraphWriter>().WriteAsync(changes, CancellationToken.None);
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task CatalogDcat_StoredAddressesThatAreNoIris_EveryIdIsAnAbsoluteHttpOrMailtoIri()
    {
        var catalog = await GetAsync("/catalog/dcat");
        var documents = new List<JsonNode> { catalog };
        foreach (var (slug, _, _, _) in Stored)
            documents.Add(await GetAsync($"/datasets/d-{slug}/dcat"));

        foreach (var document in documents)
        {
            foreach (var id in Ids(document))
                Assert.True(IsPublishable(id), $"@id '{id}' is not an absolute http(s) or mailto IRI.");
        }

        Assert.Equal(Stored.Length, JsonLd.Values(catalog, Dcat + "dataset").Count(d => ((string)d["@id"]!).Contains("/datasets/d-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task DatasetDcat_ContactThatIsNoAddress_IsTheContactPointsNameNeverALink()
    {
        var space = await GetAsync("/datasets/d-space/dcat");
        var good = await GetAsync("/datasets/d-good/dcat");
        var web = await GetAsync("/datasets/d-web/dcat");

        var contact = JsonLd.Values(space, Dcat + "contactPoint")[0];
        Assert.Equal("Leuven imaging office", (string?)contact[Vcard + "fn"]);
        Assert.Null(contact[Vcard + "hasURL"]);
        Assert.Null(contact[Vcard + "hasEmail"]);
        Assert.Equal("mailto:imaging@example.org", (string?)JsonLd.Values(good, Dcat + "contactPoint")[0][Vcard + "hasEmail"]!["@id"]);
        Assert.Equal("Repository good", (string?)JsonLd.Values(good, Dcat + "contactPoint")[0][Vcard + "fn"]);
        Assert.Equal("https://hospital.example/access", (string?)JsonLd.Values(web, Dcat + "contactPoint")[0][Vcard + "hasURL"]!["@id"]);
    }

    [Fact]
    public async Task DatasetDcat_BaseUrlOrLicenceThatIsNoIri_LeftOutOrALabel()
    {
        var space = await GetAsync("/datasets/d-space/dcat");
        var quote = await GetAsync("/datasets/d-quote/dcat");
        var good = await GetAsync("/datasets/d-good/dcat");
        var web = await GetAsync("/datasets/d-web/dcat");

        var distribution = JsonLd.Values(space, Dcat + "distribution")[0];
        Assert.EndsWith("/graphql", (string)JsonLd.Values(distribution, Dcat + "accessURL")[0]["@id"]!, StringComparison.Ordinal);
        Assert.Equal("CC BY 4.0", (string?)JsonLd.Values(space, Dct + "license")[0]["http://www.w3.org/2000/01/rdf-schema#label"]);
        Assert.Equal("../licence.html", (string?)JsonLd.Values(quote, Dct + "license")[0]["http://www.w3.org/2000/01/rdf-schema#label"]);
        Assert.Empty(JsonLd.Values(space, "http://healthdataportal.eu/ns/health#hasCodeValues"));
        Assert.Equal("https://pacs.example.org/dicom-web", (string)JsonLd.Values(JsonLd.Values(good, Dcat + "distribution")[0], Dcat + "accessURL")[0]["@id"]!);
        Assert.Equal("https://creativecommons.org/licenses/by/4.0/", (string?)JsonLd.Values(good, Dct + "license")[0]["@id"]);
        Assert.Equal("http://spdx.org/licenses/CC-BY-4.0", (string?)JsonLd.Values(web, Dct + "license")[0]["@id"]);
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        using var client = _service.CreateAnonymousClient();
        var body = JsonNode.Parse(await client.GetStringAsync(new Uri(path, UriKind.Relative)))!.AsObject();
        return JsonLd.Expand(body, JsonLd.Prefixes(body))!;
    }

    private static IEnumerable<string> Ids(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "@id")
                        yield return (string)value!;
                    foreach (var id in Ids(value))
                        yield return id;
                }

                break;
            case JsonArray a:
                foreach (var id in a.SelectMany(Ids))
                    yield return id;
                break;
        }
    }

    // Independent of the service's own rule: RFC 3987 forbids these characters in an IRI, and only http, https and mailto are links here.
    private static bool IsPublishable(string id) =>
        PublishableIri().IsMatch(id) && Uri.TryCreate(id, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    [GeneratedRegex("""^(https?://[^\s<>"{}|\\^`/?#@]+(/[^\s<>"{}|\\^`]*)?|mailto:[^\s<>"{}|\\^`@:/]+@[^\s<>"{}|\\^`@:/]+\.[a-z]+)$""")]
    private static partial Regex PublishableIri();
}
