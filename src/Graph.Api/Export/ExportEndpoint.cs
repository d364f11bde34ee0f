using System.Text.Json;
using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using Graph.Catalog;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Graph.Api.Export;

/// <summary>
/// <c>GET /export?document=…|id=…&amp;variables=…&amp;path=…&amp;format=csv|jsonl|parquet[&amp;pageSize=…]</c>: the rows of one connection of a query
/// document, every page of it, streamed as a table in the caller's access.
/// </summary>
internal static class ExportEndpoint
{
    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/export", HandleAsync);
        return endpoints;
    }

    internal static async Task HandleAsync(HttpContext http, CatalogExecutor executor, CatalogIndex index, IGraphQLTextSerializer serializer, IOptions<ServiceLimits> limits, AuditLog audit, ExportGate gate)
    {
        var cancellationToken = http.RequestAborted;
        var query = http.Request.Query;
        var format = Text(query, "format")?.ToLowerInvariant() ?? "csv";
        if (format is not ("csv" or "jsonl" or "parquet"))
        {
            await ProblemAsync(http, ErrorCodes.BadUserInput, $"'format' must be csv, jsonl or parquet, not '{format}'.");
            return;
        }

        var document = Text(query, "document") ?? Text(query, "query");
        var id = Text(query, "id") ?? Text(query, "documentId");
        if ((document is null) == (id is null))
        {
            await ProblemAsync(http, ErrorCodes.BadUserInput, "Send either 'document' (a query document) or 'id' (the id of a trusted document), not both or neither.");
            return;
        }

        if (id is not null)
        {
            document = executor.TrustedDocument(id);
            if (document is null)
            {
                await ProblemAsync(http, CatalogExecutor.DocumentNotFoundCode, $"No trusted document has the id '{(id.Length > 80 ? id[..80] : id)}'.", StatusCodes.Status404NotFound);
                return;
            }
        }
        else if (executor.Admit(document!) is { } refusal)
        {
            await ProblemAsync(http, refusal.Code!, refusal.Message);
            return;
        }

        if (Text(query, "path") is not { } path)
        {
            await ProblemAsync(http, ErrorCodes.BadUserInput, "'path' names the connection to export: response names joined by dots, e.g. 'series' or 'datasetByKey.patients'.");
            return;
        }

        // Every page after the first draws a token from the caller's rate limit (the first was drawn for the request): an
        // export of many pages, or many exports at once, pace themselves to the caller's budget instead of multiplying it.
        var pageSize = limits.Value.MaxPageSize;
        var smallest = Math.Min(limits.Value.MinExportPageSize, pageSize);
        if (Text(query, "pageSize") is { } size && (!int.TryParse(size, out pageSize) || pageSize < smallest || pageSize > limits.Value.MaxPageSize))
        {
            await ProblemAsync(http, ErrorCodes.BadUserInput, $"'pageSize' must be a whole number from {smallest} to {limits.Value.MaxPageSize} (Graph:Limits:MinExportPageSize, MaxPageSize); it was '{size}'.");
            return;
        }

        Inputs? variables = null;
        try
        {
            if (Text(query, "variables") is { } json)
                variables = serializer.Deserialize<Inputs>(json);
        }
        catch (JsonException e)
        {
            await ProblemAsync(http, ErrorCodes.BadUserInput, $"'variables' is not a JSON object: {e.Message}");
            return;
        }

        // The document is validated as /graphql validates it before the plan expands its fragments: a cycle or a fragment bomb
        // is refused by the rules, never expanded.
        ExportPlan plan;
        string? operationName;
        try
        {
            var (parsed, operation) = ExportPlan.Parse(document!, Text(query, "operationName"));
            operationName = operation.Name?.StringValue;
            if (await executor.ValidateAsync(parsed, operation, variables, http.User, http.RequestServices, cancellationToken) is { } invalid)
            {
                await ErrorsAsync(http, serializer, invalid, cancellationToken);
                return;
            }

            plan = ExportPlan.Create(parsed, operation, path, executor.Schema);
        }
        catch (ExportException e)
        {
            await ProblemAsync(http, ErrorCodes.BadUserInput, e.Message);
            return;
        }

        using var place = gate.TryEnter(SecurityServiceCollectionExtensions.LimitKey(http));
        if (place is null)
        {
            http.Response.Headers.RetryAfter = "5";
            await ProblemAsync(http, SecurityServiceCollectionExtensions.RateLimitedCode,
                $"You run as many exports at once as you may, or the service does ({limits.Value.ConcurrentExportsPerCaller} per caller, {limits.Value.ConcurrentExports} in all: Graph:Limits:ConcurrentExportsPerCaller, ConcurrentExports); retry when one has ended.",
                StatusCodes.Status429TooManyRequests);
            return;
        }

        // One snapshot for the whole export: every page reads the same catalogue, however long the download takes.
        var snapshot = index.Current;
        plan.SetPage(pageSize, null);
        var page = await executor.ExecutePageAsync(plan.Document, variables, snapshot, http.User, http.RequestServices, cancellationToken);
        if (page.Errors is { Count: > 0 } errors)
        {
            await ErrorsAsync(http, serializer, errors, cancellationToken);
            return;
        }

        var caller = Caller.From(http.User);
        if (AuditLog.IsGated(caller))
            audit.Write(caller, "export", operationName, plan.Fields, "ok");
        var writer = ExportWriter.For(format, plan.Columns, http.Response.Body)!;
        http.Response.ContentType = writer.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"export.{writer.Extension}\"";
        http.Response.Headers["X-Export-Columns"] = string.Join(',', plan.Columns.Select(c => c.Name));
        await writer.BeginAsync(cancellationToken);
        var row = new object?[plan.Columns.Count];
        while (true)
        {
            var after = plan.ReadPage(page, row, writer.Write);
            await writer.FlushAsync(cancellationToken);
            if (after is null)
                break;
            plan.SetPage(pageSize, after);
            while (!SecurityServiceCollectionExtensions.TryCharge(http, 1))
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            page = await executor.ExecutePageAsync(plan.Document, variables, snapshot, http.User, http.RequestServices, cancellationToken);
            if (page.Errors is { Count: > 0 })
            {
                // The status is sent: a failed page ends the download broken, never short but whole-looking.
                http.Abort();
                return;
            }
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static string? Text(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    private static Task ErrorsAsync(HttpContext http, IGraphQLTextSerializer serializer, IEnumerable<ExecutionError> errors, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "application/json; charset=utf-8";
        return serializer.WriteAsync(http.Response.Body, new ExecutionResult { Errors = [.. errors], Executed = false }, cancellationToken);
    }

    private static Task ProblemAsync(HttpContext http, string code, string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { code, message }, statusCode: status).ExecuteAsync(http);
}
