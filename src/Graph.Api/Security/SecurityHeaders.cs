namespace Graph.Api.Security;

/// <summary>Headers every response carries: no MIME sniffing, no referrer, and no caching unless the handler chose a cache policy
/// (GraphQL answers, manifests and errors carry pseudonyms and callers' data, so they are never stored).</summary>
internal static class SecurityHeaders
{
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (!headers.ContainsKey("Cache-Control"))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }
}
