using System.Buffers;
using System.Text.Json;
using Graph.Api.Observability;
using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Graph.Api.Http;

/// <summary>GraphQL over HTTP (POST with JSON, GET with query parameters) as the GraphQL-over-HTTP specification describes.</summary>
internal static class GraphQLHttpEndpoint
{
    public const string GraphQLResponseMediaType = "application/graphql-response+json";
    public const string JsonMediaType = "application/json";

    public static async Task HandleAsync(HttpContext http, CatalogExecutor executor, IGraphQLTextSerializer serializer, IOptions<ServiceLimits> limits)
    {
        var cancellationToken = http.RequestAborted;
        var mediaType = NegotiateMediaType(http.Request);
        if (mediaType is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status406NotAcceptable, JsonMediaType, $"The service answers with {GraphQLResponseMediaType} or {JsonMediaType}; the Accept header allows neither.", serializer);
            return;
        }

        if (HttpMethods.IsGet(http.Request.Method))
        {
            var request = GraphQLRequestReader.ReadQueryString(http.Request, serializer, out var error);
            if (request is null)
            {
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, error!, serializer);
                return;
            }

            var document = TryParse(executor, request);
            if (document is not null && IsMutation(document, request.OperationName))
            {
                http.Response.Headers.Allow = "POST";
                await WriteErrorAsync(http, StatusCodes.Status405MethodNotAllowed, mediaType, "Mutations must be sent with POST.", serializer);
                return;
            }

            await ExecuteAsync(http, executor, serializer, mediaType, request, document, cancellationToken);
            return;
        }

        var contentType = http.Request.ContentType;
        if (contentType is not JsonMediaType && (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !parsed.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType, $"POST requests must have Content-Type {JsonMediaType}.", serializer);
            return;
        }

        var (body, length) = await GraphQLRequestReader.ReadBodyAsync(http.Request, limits.Value.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            await WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, mediaType, $"The request body is larger than {limits.Value.MaxRequestBytes} bytes.", serializer);
            return;
        }

        // The parsed JSON reads from the pooled buffer, so the buffer goes back to the pool only once the request is answered.
        try
        {
            await ExecutePostAsync(http, executor, serializer, limits.Value, mediaType, body.AsMemory(0, length), cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private static async Task ExecutePostAsync(HttpContext http, CatalogExecutor executor, IGraphQLTextSerializer serializer, ServiceLimits limits, string mediaType, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, $"The request body is not valid JSON: {e.Message}", serializer);
            return;
        }

        using (json)
        {
            if (json.RootElement.ValueKind == JsonValueKind.Array)
            {
                await ExecuteBatchAsync(http, executor, serializer, mediaType, json.RootElement, limits.MaxBatchSize, cancellationToken);
                return;
            }

            var request = GraphQLRequestReader.ReadRequest(json.RootElement, serializer, out var error);
            if (request is null)
            {
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, error!, serializer);
                return;
            }

            await ExecuteAsync(http, executor, serializer, mediaType, request, TryParse(executor, request), cancellationToken);
        }
    }

    private static async Task ExecuteAsync(HttpContext http, CatalogExecutor executor, IGraphQLTextSerializer serializer, string mediaType, GraphQLRequest request, GraphQLDocument? document, CancellationToken cancellationToken)
    {
        RequestLogEnricher.SetOperation(http, [OperationName(request, document)]);
        if (!SecurityServiceCollectionExtensions.TryCharge(http, Cost(executor, request, document) - 1))
        {
            await SecurityServiceCollectionExtensions.RefuseRateLimitedAsync(http);
            return;
        }

        var (result, _) = await executor.ExecuteAsync(request, document, http.User, http.RequestServices, cancellationToken);
        http.Response.StatusCode = mediaType == GraphQLResponseMediaType && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, cancellationToken);
    }

    private static async Task ExecuteBatchAsync(HttpContext http, CatalogExecutor executor, IGraphQLTextSerializer serializer, string mediaType, JsonElement array, int maxBatch, CancellationToken cancellationToken)
    {
        var count = array.GetArrayLength();
        if (count == 0 || count > maxBatch)
        {
            await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, $"A batch must hold between 1 and {maxBatch} requests; it held {count}.", serializer);
            return;
        }

        var results = new List<ExecutionResult>(count);
        var operations = new List<string?>(count);
        var paid = 1;
        foreach (var element in array.EnumerateArray())
        {
            var request = GraphQLRequestReader.ReadRequest(element, serializer, out var error);
            if (request is null)
            {
                results.Add(ErrorResult(error!));
                continue;
            }

            var document = TryParse(executor, request);
            operations.Add(OperationName(request, document));
            RequestLogEnricher.SetOperation(http, operations);
            if (document is not null && IsMutation(document, request.OperationName))
            {
                results.Add(ErrorResult("Mutations cannot be batched; send each with its own POST."));
                continue;
            }

            // Each operation costs its root fields (the request's arrival paid one): an operation past the caller's budget is
            // refused alone, as if sent after the others.
            var cost = Cost(executor, request, document);
            var charged = SecurityServiceCollectionExtensions.TryCharge(http, cost - paid);
            paid = Math.Max(0, paid - cost);
            if (!charged)
            {
                results.Add(ErrorResult(SecurityServiceCollectionExtensions.RateLimitedMessage, SecurityServiceCollectionExtensions.RateLimitedCode));
                continue;
            }

            results.Add((await executor.ExecuteAsync(request, document, http.User, http.RequestServices, cancellationToken)).Result);
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, results, cancellationToken);
    }

    /// <summary>Chooses the response media type from the Accept header; null when the client accepts neither.</summary>
    internal static string? NegotiateMediaType(HttpRequest request)
    {
        // Most clients send one of the two types alone: answered without parsing the header.
        var raw = request.Headers.Accept;
        if (raw.Count == 1 && raw[0] is JsonMediaType or GraphQLResponseMediaType)
            return raw[0];
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
            return JsonMediaType;
        var best = accept
            .Where(a => a.Quality is not 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value?.ToLowerInvariant())
            .FirstOrDefault(m => m is GraphQLResponseMediaType or JsonMediaType or "application/*" or "*/*");
        return best switch
        {
            null => null,
            JsonMediaType => JsonMediaType,
            _ => GraphQLResponseMediaType,
        };
    }

    /// <summary>The document a request runs (its query, or the trusted document its documentId names), cached (validated) or
    /// parsed; null when there is none or it does not parse (execution then reports why).</summary>
    private static GraphQLDocument? TryParse(CatalogExecutor executor, GraphQLRequest request)
    {
        // The mutation checks read this document, so a trusted mutation is refused over GET and in batches as a sent one is.
        var query = request is { Query: null, DocumentId: { } id } ? executor.TrustedDocument(id) : request.Query;
        return string.IsNullOrEmpty(query) ? null : executor.Parse(query);
    }

    // What a request costs the rate limit: one token per root field, or one for a document refused unread (too long, or not
    // trusted): a 3,000-alias document refused as too large had been charged a full bucket before it was refused.
    private static int Cost(CatalogExecutor executor, GraphQLRequest request, GraphQLDocument? document) =>
        request.Query is { } query && executor.Admit(query) is not null ? 1 : RootSelection.Count(document, request.OperationName);

    // Clients rarely send operationName when the document holds one operation; its name is in the document.
    private static string? OperationName(GraphQLRequest request, GraphQLDocument? document) =>
        request.OperationName ?? (document is null ? null : Selected(document, null)?.Name?.StringValue);

    private static bool IsMutation(GraphQLDocument document, string? operationName) =>
        Selected(document, operationName)?.Operation is OperationType.Mutation or OperationType.Subscription;

    /// <summary>The operation of that name; without a name, the document's only operation; else null.</summary>
    internal static GraphQLOperationDefinition? Selected(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
                continue;
            if (operationName is not null)
            {
                if (operation.Name?.StringValue == operationName)
                    return operation;
            }
            else if (selected is not null)
            {
                return null;
            }
            else
            {
                selected = operation;
            }
        }

        return selected;
    }

    private static ExecutionResult ErrorResult(string message, string code = "BAD_REQUEST")
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = code });
        return result;
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string mediaType, string message, IGraphQLTextSerializer serializer)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        return serializer.WriteAsync(http.Response.Body, ErrorResult(message), http.RequestAborted);
    }
}
