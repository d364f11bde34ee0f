using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using GraphQL;
using GraphQL.Transport;

namespace Graph.Api.Http;

/// <summary>Reads GraphQL requests from HTTP: the query string of a GET, the JSON of a POST (one request or a batch), and the
/// body itself within the size limit, checking each field's type so a malformed request gets a reason, not an exception.</summary>
internal static class GraphQLRequestReader
{
    private const string NoQuery = "The request needs a 'query' string (or the 'documentId' of a trusted document).";

    /// <summary>The request of a GET: its query-string parameters; null with the reason when they do not make one.</summary>
    public static GraphQLRequest? ReadQueryString(HttpRequest http, IGraphQLTextSerializer serializer, out string? error)
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

    /// <summary>One request of a POST body (or of a batch); null with the reason when the JSON is not a GraphQL request.</summary>
    public static GraphQLRequest? ReadRequest(JsonElement element, IGraphQLTextSerializer serializer, out string? error)
    {
        error = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "The request body must be a JSON object (or an array of them).";
            return null;
        }

        var hasDocumentId = element.TryGetProperty("documentId", out var documentId) && documentId.ValueKind == JsonValueKind.String;
        if (!hasDocumentId && (!element.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String))
        {
            error = NoQuery;
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

        // Strings are decoded here only: JsonDocument checks the UTF-8 of a string when it is read, not when it parses.
        GraphQLRequest? request;
        try
        {
            request = serializer.ReadNode<GraphQLRequest>(element);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            error = InvalidUtf8(element) ?? $"The request is not a GraphQL request: {e.Message}";
            return null;
        }

        if (!hasDocumentId && string.IsNullOrWhiteSpace(request?.Query))
        {
            error = NoQuery;
            return null;
        }

        return request;
    }

    /// <summary>Reads the body into a buffer rented from the shared pool (the caller returns it); null when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[]? Buffer, int Length)> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
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

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // The reason a request did not decode when one of its properties (its name, or anything in its value) is not valid UTF-8.
    private static string? InvalidUtf8(JsonElement element)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (!Utf8.IsValid(JsonMarshal.GetRawUtf8PropertyName(property)))
                return "A property name of the request is not valid UTF-8.";
            if (!Utf8.IsValid(JsonMarshal.GetRawUtf8Value(property.Value)))
                return $"'{property.Name}' is not valid UTF-8.";
        }

        return null;
    }
}
