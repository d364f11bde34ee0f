using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>The HealthDCAT-AP export: parsed as JSON-LD (prefixes expanded) and checked for the properties DCAT-AP and HealthDCAT-AP require, against GraphQL.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class DcatTests(CatalogueFactory service)
{
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Health = "http://healthdataportal.eu/ns/health#";

    private static readonly string[] RequiredIris =
    [
        Dct + "identifier", Dct + "title", Dct + "description", Dct + "publisher", Dct + "accessRights", Dct + "license", Dcat + "contactPoint",
        Dcat + "distribution", Dcat + "keyword", Dcat + "theme", "http://data.europa.eu/r5r/applicableLegislation", Dct + "spatial", Dct + "temporal",
        Health + "numberOfRecords", Health + "numberOfUniqueIndividuals", Health + "minTypicalAge", Health + "maxTypicalAge",
    ];

    [Fact]
    public async Task Catalog_Anonymous_CountsProtected()
    {
        var counts = await CountsAsync();
        var (_, _, body) = await GetAsync("/catalog/dcat", anonymous: true);
        var datasets = JsonLd.Values(JsonLd.Expand(body, JsonLd.Prefixes(body))!, Dcat + "dataset");
        Assert.Equal(counts.Count, datasets.Count);
        foreach (var dataset in datasets)
        {
            var slug = JsonLd.Text(JsonLd.Values(dataset, Dct + "identifier")[0]).Split('/')[^1];
            var individuals = JsonLd.Values(dataset, Health + "numberOfUniqueIndividuals");
            // The same figure as the dataset's summary in the API: exact for open datasets, protected for the rest, left out when withheld.
            using var anonymousClient = service.CreateAnonymousClient();
            using var response = await anonymousClient.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = $$"""{ datasetByKey(key: "{{slug}}") { summary { patients { value readable restricted } } } }""" });
            var patients = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["datasetByKey"]!["summary"]!["patients"]!;
            if ((int)patients["readable"]! == 0 && patients["restricted"] is null)
            {
                Assert.Empty(individuals);
                continue;
            }

            var shown = int.Parse(JsonLd.Text(individuals[0]), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal((int)patients["value"]!, shown);
            Assert.InRange(shown, Math.Max(1, counts[slug].Patients - 15), counts[slug].Patients + 15);
        }
    }

    private async Task<(HttpStatusCode Status, string? ContentType, JsonObject Body)> GetAsync(string path, bool anonymous = false)
    {
        using var client = anonymous ? service.CreateAnonymousClient() : service.CreateClient();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private async Task<Dictionary<string, (int Patients, int Series)>> CountsAsync()
    {
        var data = await service.DataAsync("{ datasets(first: 1000) { nodes { slug patients { totalCount } series { totalCount } } } }");
        return data["datasets"]!["nodes"]!.AsArray().ToDictionary(
            d => (string)d!["slug"]!, d => ((int)d!["patients"]!["totalCount"]!, (int)d["series"]!["totalCount"]!));
    }

    private static void AssertDataset(JsonNode dataset, string slug, (int Patients, int Series) counts)
    {
        Assert.Contains(Dcat + "Dataset", JsonLd.Values(dataset, "@type").Select(t => (string)t!));
        foreach (var iri in RequiredIris)
            Assert.True(JsonLd.Values(dataset, iri).Count > 0, $"Dataset {slug} lacks {iri}.");
        Assert.EndsWith("/datasets/" + slug, JsonLd.Text(JsonLd.Values(dataset, Dct + "identifier")[0]), StringComparison.Ordinal);
        Assert.Equal(counts.Patients.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonLd.Text(JsonLd.Values(dataset, Health + "numberOfUniqueIndividuals")[0]));
        Assert.Equal(counts.Series.ToString(System.Globalization.CultureInfo.InvariantCulture), JsonLd.Text(JsonLd.Values(dataset, Health + "numberOfRecords")[0]));
        Assert.StartsWith("http://publications.europa.eu/resource/authority/access-right/", (string)JsonLd.Values(dataset, Dct + "accessRights")[0]["@id"]!, StringComparison.Ordinal);
        Assert.Equal("http://publications.europa.eu/resource/authority/data-theme/HEAL", (string)JsonLd.Values(dataset, Dcat + "theme")[0]["@id"]!);
        var publisher = JsonLd.Values(dataset, Dct + "publisher")[0];
        Assert.Equal("http://xmlns.com/foaf/0.1/Agent", (string)publisher["@type"]!);
        Assert.False(string.IsNullOrEmpty((string?)publisher["http://xmlns.com/foaf/0.1/name"]));
        foreach (var distribution in JsonLd.Values(dataset, Dcat + "distribution"))
        {
            Assert.Equal(Dcat + "Distribution", (string)distribution["@type"]!);
            Assert.True(Uri.IsWellFormedUriString((string)JsonLd.Values(distribution, Dcat + "accessURL")[0]["@id"]!, UriKind.Absolute));
        }
    }

    [Fact]
    public async Task CatalogDcat_EveryDatasetOfTheDemo_HasTheRequiredProperties()
    {
        var (status, contentType, body) = await GetAsync("/catalog/dcat");
        var counts = await CountsAsync();

        Assert.Equal((HttpStatusCode.OK, "application/ld+json"), (status, contentType));
        var catalog = JsonLd.Expand(body, JsonLd.Prefixes(body))!;
        Assert.Equal(Dcat + "Catalog", (string)catalog["@type"]!);
        foreach (var iri in new[] { Dct + "title", Dct + "description", Dct + "publisher", Dcat + "dataset" })
            Assert.True(JsonLd.Values(catalog, iri).Count > 0, $"The catalogue lacks {iri}.");
        var datasets = JsonLd.Values(catalog, Dcat + "dataset");
        Assert.Equal(counts.Count, datasets.Count);
        foreach (var dataset in datasets)
        {
            var slug = ((string)dataset["@id"]!).Split('/')[^1];
            AssertDataset(dataset, slug, counts[slug]);
        }
    }

    [Fact]
    public async Task DatasetDcat_KnownSlug_IsADocumentOfItsOwnWithTheSameDescription()
    {
        var counts = await CountsAsync();
        var slug = counts.Keys.Order(StringComparer.Ordinal).First();

        var (status, contentType, body) = await GetAsync($"/datasets/{slug}/dcat");

        Assert.Equal((HttpStatusCode.OK, "application/ld+json"), (status, contentType));
        AssertDataset(JsonLd.Expand(body, JsonLd.Prefixes(body))!, slug, counts[slug]);
    }

    [Fact]
    public async Task DatasetDcat_UnknownSlug_Is404WithAJsonErrorNamingIt()
    {
        var (status, contentType, body) = await GetAsync("/datasets/no-such-dataset/dcat");

        Assert.Equal((HttpStatusCode.NotFound, "application/json"), (status, contentType));
        Assert.Equal("NOT_FOUND", (string)body["error"]!);
        Assert.Contains("'no-such-dataset'", (string)body["message"]!, StringComparison.Ordinal);
    }
}
