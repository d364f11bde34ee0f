using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Graph.Api.Ide;

/// <summary>Serves the Banana Cake Pop GraphQL IDE, installed from npm by BananaCakePop.targets, beside the GraphQL endpoint.</summary>
internal static class BananaCakePopExtensions
{
    /// <summary>The folder beside the app's assemblies that the build copies the IDE into.</summary>
    public static readonly string FilesPath = Path.Combine(AppContext.BaseDirectory, "bcp");

    private const string ConfigFile = "bcp-config.json";

    // Loaded before the bundle: opens the start document on a first visit and offers schema/examples/ (Ide/ide-start.js).
    private const string StartScript = "ide-start.js";

    private const string ExamplesFile = "examples.json";

    // The bundle can call chillicream.com (sign-in, telemetry, tunnel) and Google Tag Manager;
    // this policy keeps the page, and its workers, on this host whatever the IDE tries.
    // 'unsafe-eval' is for Ajv, which the IDE uses to compile JSON schemas.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'self'";

    private static readonly Lazy<string> IndexHtml = new(() => File.ReadAllText(Path.Combine(FilesPath, "index.html")));

    /// <summary>Serves the IDE page to browser GETs of <paramref name="path"/>, and its config and static files below it.</summary>
    public static WebApplication MapBananaCakePop(this WebApplication app, string path, IdeOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
            return app;
        if (!File.Exists(Path.Combine(FilesPath, "index.html")))
            throw new InvalidOperationException(
                $"Banana Cake Pop is not in {FilesPath}; build with npm on PATH so BananaCakePop.targets installs it, or disable the IDE.");

        var prefix = new PathString(path.TrimEnd('/'));

        // Runs after routing, so it sits in front of whatever GraphQL endpoint owns GET {path}.
        app.Use((context, next) =>
            IsIdePath(context.Request, prefix) && context.Request.IsIdeRequest()
                ? context.WriteIdeAsync(prefix)
                : next(context));
        app.MapGet(prefix.Add("/" + ConfigFile), (HttpContext context) => Config(context, prefix, options));
        app.MapGet(prefix.Add("/" + StartScript), (HttpContext context) => Script(context));
        app.MapGet(prefix.Add("/" + ExamplesFile), (HttpContext context) => Examples(context));
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = prefix,
            FileProvider = new PhysicalFileProvider(FilesPath),
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = file => PrepareStaticFile(file, prefix),
        });
        return app;
    }

    /// <summary>Whether the request is a browser navigation (GET accepting text/html) rather than a GraphQL GET with a query.</summary>
    public static bool IsIdeRequest(this HttpRequest request)
    {
        if (!HttpMethods.IsGet(request.Method) || request.Query.ContainsKey("query"))
            return false;
        return request.GetTypedHeaders().Accept.Any(accept =>
            accept.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && accept.Quality != 0);
    }

    /// <summary>Writes the IDE page, with its relative asset URLs resolved below <paramref name="path"/>.</summary>
    public static Task WriteIdeAsync(this HttpContext context, PathString path)
    {
        var baseHref = HtmlEncoder.Default.Encode(context.Request.PathBase.Add(path).Value + "/");
        var html = IndexHtml.Value.Replace("<head>", $"<head><base href=\"{baseHref}\"><script src=\"{StartScript}\"></script>", StringComparison.Ordinal);
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = "Accept";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return response.WriteAsync(html, context.RequestAborted);
    }

    private static bool IsIdePath(HttpRequest request, PathString prefix) =>
        request.Path.StartsWithSegments(prefix, out var rest) && (!rest.HasValue || rest == "/");

    // Keys as read by the IDE bundle (and typed by @chillicream/bananacakepop-express-middleware's Options).
    private static IResult Config(HttpContext context, PathString path, IdeOptions options)
    {
        var config = new JsonObject
        {
            ["endpoint"] = context.Request.PathBase.Add(path).Value,
            ["useBrowserUrlAsEndpoint"] = true,
            ["disableTelemetry"] = true,
        };
        if (options.DefaultDocument is { } document)
            config["graphQLDocument"] = document;
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Text(config.ToJsonString(), "application/json");
    }

    private static IResult Script(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Text(ExampleDocuments.StartScript, "text/javascript; charset=utf-8");
    }

    private static IResult Examples(HttpContext context)
    {
        var list = new JsonArray();
        foreach (var example in ExampleDocuments.All)
            list.Add(new JsonObject { ["name"] = example.Name, ["title"] = example.Title, ["document"] = example.Document });
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Text(list.ToJsonString(), "application/json");
    }

    private static void PrepareStaticFile(StaticFileResponseContext file, PathString prefix)
    {
        var headers = file.Context.Response.Headers;
        // Files under static/ carry a content hash in their names; the others keep theirs across IDE versions.
        headers.CacheControl = file.Context.Request.Path.StartsWithSegments(prefix.Add("/static"))
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}
