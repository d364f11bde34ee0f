using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Disclosure;
using Graph.Domain;

namespace Graph.Api.Dcat;

/// <summary><c>GET /datasets/{slug}/dcat</c> and <c>GET /catalog/dcat</c>: HealthDCAT-AP JSON-LD for European catalogues to harvest.</summary>
internal static class DcatEndpoints
{
    /// <summary>The JSON-LD media type.</summary>
    public const string ContentType = "application/ld+json";

    // The documents go out as application/ld+json, never into HTML, so apostrophes and accents need no escaping.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapDcat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/catalog/dcat", (HttpContext http, CatalogIndex index, DisclosureControl disclosure) =>
        {
            // Harvesters poll the whole catalogue; it changes only with the snapshot, so it is built once per snapshot and access. One
            // address is cached (the first asked for), so requests with made-up Host headers cannot fill memory.
            var snapshot = index.Current;
            var baseUrl = BaseUrl(http);
            var access = Caller.From(http.User).Access;
            var cached = snapshot.Memo($"dcat-catalog:{access.Signature}", () => new CachedCatalog(baseUrl, Catalog(disclosure.For(snapshot, access), baseUrl)));
            var text = cached.BaseUrl == baseUrl ? cached.Text : Catalog(disclosure.For(snapshot, access), baseUrl);
            return Write(http, text, StatusCodes.Status200OK);
        });
        endpoints.MapGet("/datasets/{slug}/dcat", (HttpContext http, string slug, CatalogIndex index, DisclosureControl disclosure) =>
        {
            var snapshot = index.Current;
            if (snapshot.Find(GraphModel.Dataset, slug) is not { } dataset)
            {
                return Write(http, new JsonObject
                {
                    ["error"] = "NOT_FOUND",
                    ["message"] = $"No dataset '{slug}' in the catalogue; GET /catalog/dcat lists every dataset.",
                }, StatusCodes.Status404NotFound, "application/json");
            }

            return Write(http, new DcatDocuments(disclosure.For(snapshot, Caller.From(http.User).Access), BaseUrl(http)).Dataset(dataset), StatusCodes.Status200OK);
        });
        return endpoints;
    }

    private static string Catalog(ProtectedCatalog aggregates, string baseUrl) => new DcatDocuments(aggregates, baseUrl).Catalog().ToJsonString(Indented);

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static Task Write(HttpContext http, JsonObject body, int status, string contentType = ContentType) =>
        Write(http, body.ToJsonString(Indented), status, contentType);

    private static Task Write(HttpContext http, string body, int status, string contentType = ContentType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType + "; charset=utf-8";
        return http.Response.WriteAsync(body, http.RequestAborted);
    }

    private sealed record CachedCatalog(string BaseUrl, string Text);
}
