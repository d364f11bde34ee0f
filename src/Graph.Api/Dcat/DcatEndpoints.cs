using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Api.Schema;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Domain;
using Microsoft.Extensions.Options;

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
        endpoints.MapGet("/catalog/dcat", (HttpContext http, CatalogIndex index, IOptions<ServiceLimits> limits) =>
        {
            // Harvesters poll the whole catalogue; it changes only with the snapshot, so it is built once per snapshot. One address is
            // cached (the first asked for), so requests with made-up Host headers cannot fill memory.
            var snapshot = index.Current;
            var baseUrl = BaseUrl(http);
            var threshold = Threshold(http, limits.Value);
            var cached = (CachedCatalog)snapshot.Derived.GetOrAdd($"dcat-catalog:{threshold}", _ => new CachedCatalog(baseUrl, Catalog(snapshot, baseUrl, threshold)));
            var text = cached.BaseUrl == baseUrl ? cached.Text : Catalog(snapshot, baseUrl, threshold);
            return Write(http, text, StatusCodes.Status200OK);
        });
        endpoints.MapGet("/datasets/{slug}/dcat", (HttpContext http, string slug, CatalogIndex index, IOptions<ServiceLimits> limits) =>
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

            return Write(http, new DcatDocuments(snapshot, BaseUrl(http), Threshold(http, limits.Value)).Dataset(dataset), StatusCodes.Status200OK);
        });
        return endpoints;
    }

    private static string Catalog(CatalogSnapshot snapshot, string baseUrl, int? threshold) => new DcatDocuments(snapshot, baseUrl, threshold).Catalog().ToJsonString(Indented);

    // Exact counts only for callers who may read every record; everyone else gets protected ones.
    private static int? Threshold(HttpContext http, ServiceLimits limits) =>
        Caller.From(http.User).Access.IsEverything ? null : limits.SuppressionThreshold;

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
