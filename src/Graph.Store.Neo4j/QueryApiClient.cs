using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Graph.Store.Neo4j;

/// <summary>The HTTP exchange with Neo4j's Query API: typed JSON in and out, time limits, error mapping and retries.</summary>
internal sealed partial class QueryApiClient(HttpClient http, Neo4jStoreOptions options, RetryPolicy retry, ILogger logger)
{
    /// <summary>The header a cluster sets on a new transaction and expects back on every later request of it.</summary>
    public const string AffinityHeader = "neo4j-cluster-affinity";

    private static readonly MediaTypeWithQualityHeaderValue Accept = new(TypedJson.MediaType);

    /// <summary>Where the requests go.</summary>
    public QueryApiEndpoint Endpoint { get; } = new(options);

    /// <summary>Runs an idempotent statement in its own (implicit) transaction, retrying transient failures.</summary>
    public Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        retry.RunAsync(
            ct => SendAsync(HttpMethod.Post, Endpoint.QueryPath, TypedJson.Request(statement.Text, parameters), null, statement.Name, ct),
            (attempt, delay, e) => LogRetry(statement.Name, attempt, retry.MaxRetries, (long)delay.TotalMilliseconds, e.Message),
            cancellationToken);

    /// <summary>Runs a statement once, without retrying.</summary>
    public Task<QueryResult> RunOnceAsync(CypherStatement statement, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, Endpoint.QueryPath, TypedJson.Request(statement.Text, parameters), null, statement.Name, cancellationToken);

    /// <summary>Reads the server's discovery document (GET /, unauthenticated, not on Aura); null when there is none.</summary>
    public async Task<System.Text.Json.Nodes.JsonObject?> DiscoverAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Endpoint.Root + "/");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
                return null;
            return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false)) as System.Text.Json.Nodes.JsonObject;
        }
        catch (Exception e) when (e is HttpRequestException or IOException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Opens an explicit transaction; the caller runs, commits or rolls it back.</summary>
    public async Task<QueryApiTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        var (result, affinity) = await SendWithHeadersAsync(HttpMethod.Post, $"{Endpoint.QueryPath}/tx", TypedJson.Request(null, null), null, "begin transaction", cancellationToken).ConfigureAwait(false);
        var id = result.TransactionId
            ?? throw new GraphStoreException($"Neo4j at {Endpoint} opened no transaction (no transaction id in the answer); is this a Neo4j {Neo4jServerCheck.MinimumVersionText}+ Query API?");
        return new QueryApiTransaction(this, id, affinity);
    }

    /// <summary>Sends one request and decodes the answer, mapping every failure to a GraphStoreException.</summary>
    public async Task<QueryResult> SendAsync(HttpMethod method, string url, byte[]? body, string? affinity, string operation, CancellationToken cancellationToken) =>
        (await SendWithHeadersAsync(method, url, body, affinity, operation, cancellationToken).ConfigureAwait(false)).Result;

    private async Task<(QueryResult Result, string? Affinity)> SendWithHeadersAsync(
        HttpMethod method, string url, byte[]? body, string? affinity, string operation, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.Accept.Add(Accept);
        request.Headers.Authorization = Endpoint.Authorization;
        if (affinity is not null)
            request.Headers.TryAddWithoutValidation(AffinityHeader, affinity);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(TypedJson.MediaType);
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var result = await ReadAsync(response, operation, timeout.Token).ConfigureAwait(false);
            var returnedAffinity = response.Headers.TryGetValues(AffinityHeader, out var values) ? string.Join(",", values) : affinity;
            return (result, returnedAffinity);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw QueryApiErrors.Timeout(Endpoint, operation, options.Timeout, e);
        }
        catch (HttpRequestException e)
        {
            throw QueryApiErrors.Connection(Endpoint, operation, e);
        }
        catch (IOException e)
        {
            throw QueryApiErrors.Connection(Endpoint, operation, e);
        }
    }

    private async Task<QueryResult> ReadAsync(HttpResponseMessage response, string operation, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            // Rollbacks and some refusals come without a body; the status says enough then.
            return response.IsSuccessStatusCode ? QueryResult.Empty : throw QueryApiErrors.Response(Endpoint, operation, status, null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw QueryApiErrors.Malformed(Endpoint, operation, status, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw QueryApiErrors.Malformed(Endpoint, operation, status, null);
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : null;
                throw QueryApiErrors.Response(Endpoint, operation, status, code, message);
            }

            if (!response.IsSuccessStatusCode)
                throw QueryApiErrors.Response(Endpoint, operation, status, null, null);
            return Decode(root);
        }
    }

    private static QueryResult Decode(JsonElement root)
    {
        string? transactionId = null;
        if (root.TryGetProperty("transaction", out var transaction) && transaction.ValueKind == JsonValueKind.Object
            && transaction.TryGetProperty("id", out var id))
        {
            transactionId = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
        }

        if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            return new QueryResult([], [], transactionId);

        var fields = new List<string>();
        if (data.TryGetProperty("fields", out var fieldArray) && fieldArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var field in fieldArray.EnumerateArray())
                fields.Add(field.GetString() ?? "");
        }

        var rows = new List<object?[]>();
        if (data.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var row in values.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Array)
                {
                    rows.Add([TypedJson.Read(row)]);
                    continue;
                }

                var decoded = new object?[row.GetArrayLength()];
                var i = 0;
                foreach (var value in row.EnumerateArray())
                    decoded[i++] = TypedJson.Read(value);
                rows.Add(decoded);
            }
        }

        return new QueryResult(fields, rows, transactionId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Neo4j {Operation} failed transiently (retry {Attempt} of {MaxRetries} in {DelayMs} ms): {Reason}")]
    private partial void LogRetry(string operation, int attempt, int maxRetries, long delayMs, string reason);
}
