using System.Text.Json;
using System.Text.Json.Nodes;
using Graph.Catalog;
using Graph.Domain;

namespace Graph.Api.Dcat;

/// <summary><c>GET /datasets/{slug}/dcat</c> and <c>GET /catalog/dcat</c>: HealthDCAT-AP JSON-LD for European catalogues to harvest.</summary>
internal static class DcatEndpoints
{
    /// <summary>The JSON-LD media type.</summary>
    public const string ContentType = "application/ld+json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IEndpointRouteBuilder MapDcat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/catalog/dcat", (HttpContext http, CatalogIndex index) =>
            Write(http, new DcatDocuments(index.Current, BaseUrl(http)).Catalog(), StatusCodes.Status200OK));
        endpoints.MapGet("/datasets/{slug}/dcat", (HttpContext http, string slug, CatalogIndex index) =>
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

            return Write(http, new DcatDocuments(snapshot, BaseUrl(http)).Dataset(dataset), StatusCodes.Status200OK);
        });
        return endpoints;
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    private static Task Write(HttpContext http, JsonObject body, int status, string contentType = ContentType)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = contentType + "; charset=utf-8";
        return http.Response.WriteAsync(body.ToJsonString(Indented), http.RequestAborted);
    }
}
