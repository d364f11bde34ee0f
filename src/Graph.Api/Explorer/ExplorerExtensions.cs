using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Graph.Api.Explorer;

/// <summary>Serves the catalogue explorer (src/Graph.Explorer, built by Graph.Explorer.targets) at the site's root.</summary>
internal static class ExplorerExtensions
{
    /// <summary>The folder beside the app's assemblies that the build copies the explorer into.</summary>
    public static readonly string FilesPath = Path.Combine(AppContext.BaseDirectory, "explorer");

    /// <summary>The explorer's pages: each answers with the same index.html, whose script reads the URL.</summary>
    public static readonly IReadOnlyList<string> Pages = ["/", "/search", "/cohorts", "/requests", "/datasets/{slug}"];

    // The explorer talks only to this host (GraphQL and manifests) and needs no inline script or style.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private static readonly Lazy<string> IndexHtml = new(() => File.ReadAllText(Path.Combine(FilesPath, "index.html")));

    /// <summary>Maps the explorer's pages and serves its static files; does nothing when <paramref name="enabled"/> is false.</summary>
    public static WebApplication MapExplorer(this WebApplication app, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!enabled)
            return app;
        if (!File.Exists(Path.Combine(FilesPath, "index.html")))
            throw new InvalidOperationException(
                $"The explorer is not in {FilesPath}; build with npm on PATH so Graph.Explorer.targets builds it, or set Graph:EnableExplorer to false.");

        foreach (var page in Pages)
            app.MapGet(page, WritePage);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(FilesPath),
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = PrepareStaticFile,
        });
        return app;
    }

    private static Task WritePage(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        return response.WriteAsync(IndexHtml.Value, context.RequestAborted);
    }

    private static void PrepareStaticFile(StaticFileResponseContext file)
    {
        var headers = file.Context.Response.Headers;
        // Vite puts a content hash in every name under assets/; the other files keep their names across builds.
        headers.CacheControl = file.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
    }
}
