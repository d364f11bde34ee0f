using System.Buffers;
using System.Text.Json;
using Graph.Api.Observability;
using Graph.Api.Schema;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
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
            var request = ReadQueryString(http.Request, serializer, out var error);
            if (request is null)
            {
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, error!, serializer);
                return;
            }

            var document = TryParse(executor.Documents, request.Query);
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
        if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var parsed) || !parsed.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase))
        {
            await WriteErrorAsync(http, StatusCodes.Status415UnsupportedMediaType, mediaType, $"POST requests must have Content-Type {JsonMediaType}.", serializer);
            return;
        }

        var (body, length) = await ReadBodyAsync(http.Request, limits.Value.MaxRequestBytes, cancellationToken);
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

            var request = ReadRequest(json.RootElement, serializer, out var error);
            if (request is null)
            {
                await WriteErrorAsync(http, StatusCodes.Status400BadRequest, mediaType, error!, serializer);
                return;
            }

            await ExecuteAsync(http, executor, serializer, mediaType, request, TryParse(executor.Documents, request.Query), cancellationToken);
        }
    }

    private static async Task ExecuteAsync(HttpContext http, CatalogExecutor executor, IGraphQLTextSerializer serializer, string mediaType, GraphQLRequest request, GraphQLDocument? document, CancellationToken cancellationToken)
    {
        RequestLogEnricher.SetOperation(http, [OperationName(request, document)]);
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
        foreach (var element in array.EnumerateArray())
        {
            var request = ReadRequest(element, serializer, out var error);
            if (request is null)
            {
                results.Add(ErrorResult(error!));
                continue;
            }

            var document = TryParse(executor.Documents, request.Query);
            operations.Add(OperationName(request, document));
            RequestLogEnricher.SetOperation(http, operations);
            if (document is not null && IsMutation(document, request.OperationName))
            {
                results.Add(ErrorResult("Mutations cannot be batched; send each with its own POST."));
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

    private static GraphQLRequest? ReadQueryString(HttpRequest http, IGraphQLTextSerializer serializer, out string? error)
    {
        error = null;
        var query = NullIfEmpty(http.Query["query"].ToString());
        var documentId = NullIfEmpty(http.Query["documentId"].ToString());
        if (string.IsNullOrWhiteSpace(query) && documentId is null)
        {
            error = "A GET request needs a 'query' (or 'documentId') parameter.";
            return null;
        }

        var request = new GraphQLRequest { Query = query, DocumentId = documentId, OperationName = NullIfEmpty(http.Query["operationName"].ToString()) };
        try
        {
            if (NullIfEmpty(http.Query["variables"].ToString()) is { } variables)
                request.Variables = serializer.Deserialize<Inputs>(variables);
            if (NullIfEmpty(http.Query["extensions"].ToString()) is { } extensions)
                request.Extensions = serializer.Deserialize<Inputs>(extensions);
        }
        catch (JsonException e)
        {
            error = $"The 'variables' or 'extensions' parameter is not a JSON object: {e.Message}";
            return null;
        }

        return request;
    }

    private static GraphQLRequest? ReadRequest(JsonElement element, IGraphQLTextSerializer serializer, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "The request body must be a JSON object (or an array of them).";
            return null;
        }

        var hasDocumentId = element.TryGetProperty("documentId", out var documentId) && documentId.ValueKind == JsonValueKind.String;
        if (!hasDocumentId && (!element.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString())))
        {
            error = "The request needs a 'query' string (or the 'documentId' of a trusted document).";
            return null;
        }

        foreach (var name in new[] { "variables", "extensions" })
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                error = $"'{name}' must be a JSON object.";
                return null;
            }
        }

        if (element.TryGetProperty("operationName", out var operation) && operation.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            error = "'operationName' must be a string.";
            return null;
        }

        try
        {
            return serializer.ReadNode<GraphQLRequest>(element);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            error = $"The request is not a GraphQL request: {e.Message}";
            return null;
        }
    }

    /// <summary>Reads the body into a buffer rented from the shared pool (the caller returns it); null when it is larger than <paramref name="maxBytes"/>.</summary>
    private static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return (null, 0);
        var buffer = ArrayPool<byte>.Shared.Rent(request.ContentLength is { } known ? (int)known + 1 : 4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                    return (buffer, length);
                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return (null, 0);
                }
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>The cached (validated) document of a query, else the query parsed; null when it does not parse (execution then reports why).</summary>
    private static GraphQLDocument? TryParse(DocumentCache documents, string? query)
    {
        if (string.IsNullOrEmpty(query))
            return null;
        if (documents.TryGet(query, out var cached))
            return cached;
        try
        {
            return GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { MaxDepth = 128 });
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }

    // Clients rarely send operationName when the document holds one operation; its name is in the document.
    private static string? OperationName(GraphQLRequest request, GraphQLDocument? document) =>
        request.OperationName ?? (document?.Definitions.OfType<GraphQLOperationDefinition>().ToList() is [var only] ? only.Name?.StringValue : null);

    private static bool IsMutation(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var selected = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return selected?.Operation is OperationType.Mutation or OperationType.Subscription;
    }

    private static ExecutionResult ErrorResult(string message)
    {
        var result = new ExecutionResult { Executed = false };
        result.AddError(new ExecutionError(message) { Code = "BAD_REQUEST" });
        return result;
    }

    private static Task WriteErrorAsync(HttpContext http, int status, string mediaType, string message, IGraphQLTextSerializer serializer)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        return serializer.WriteAsync(http.Response.Body, ErrorResult(message), http.RequestAborted);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
