using System.Security.Claims;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Store;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Graph.Api.Schema;

/// <summary>Executes GraphQL requests against the current catalogue snapshot, masking unexpected errors.</summary>
internal sealed partial class CatalogExecutor(
    CatalogSchema schema,
    IDocumentExecuter executer,
    CatalogIndex index,
    IOptions<ServiceLimits> limits,
    ILogger<CatalogExecutor> logger)
{
    public CatalogSchema Schema => schema;

    /// <summary>Executes one request; <paramref name="document"/> is the request's parsed document when the caller has it.</summary>
    public async Task<(ExecutionResult Result, CatalogRequest Request)> ExecuteAsync(
        GraphQLRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal? user,
        IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        var catalog = new CatalogRequest(index.Current, limits.Value);
        if (document is not null && DocumentSize.ExpandedFields(document, limits.Value.MaxExpandedFields) > limits.Value.MaxExpandedFields)
        {
            var refused = new ExecutionResult { Executed = false };
            refused.AddError(new ExecutionError(
                $"The operation selects more than {limits.Value.MaxExpandedFields} fields once its fragments are expanded; select fewer or split it.")
            { Code = ErrorCodes.QueryTooComplex });
            return (refused, catalog);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limits.Value.ExecutionTimeout);
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(options =>
            {
                options.Schema = schema;
                options.Query = request.Query;
                options.Document = document;
                options.OperationName = request.OperationName;
                options.Variables = request.Variables;
                options.Extensions = request.Extensions;
                options.User = user;
                options.RequestServices = services;
                options.CancellationToken = timeout.Token;
                options.UnhandledExceptionDelegate = Mask;
                catalog.AttachTo(options.UserContext);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            result = new ExecutionResult();
            result.AddError(new ExecutionError(
                $"The request ran longer than {limits.Value.ExecutionTimeout.TotalSeconds:0.#} s and was stopped; ask for less (smaller pages, fewer aliases).")
            { Code = ErrorCodes.Timeout });
        }

        return (result, catalog);
    }

    private Task Mask(UnhandledExceptionContext context)
    {
        if (context.OriginalException is CatalogQueryException query)
        {
            context.Exception = ErrorCodes.BadInput(query.Message);
            return Task.CompletedTask;
        }

        if (context.OriginalException is ArgumentException && context.FieldContext?.FieldDefinition.Name == "__type")
        {
            context.Exception = ErrorCodes.BadInput("'name' of __type must be a GraphQL type name.");
            return Task.CompletedTask;
        }

        if (context.OriginalException is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
        {
            context.Exception = new ExecutionError("The document nests deeper than the service parses (128 levels).") { Code = ErrorCodes.QueryTooComplex };
            return Task.CompletedTask;
        }

        var path = context.FieldContext is { } field ? string.Join('.', field.ResponsePath) : "(request)";
        if (context.OriginalException is GraphStoreException store)
        {
            // The log names the store and the cause; the client learns the reason only, never where the store is.
            LogStoreFailed(path, store.Message);
            context.Exception = new ExecutionError(
                $"The catalogue store could not save this change{(store.Reason is { } reason ? ": " + reason : "")}. Nothing of it was saved; "
                + (store.IsTransient ? "try again later." : "reads still work; an operator has to fix the store."))
            { Code = ErrorCodes.StoreUnavailable };
            return Task.CompletedTask;
        }

        LogUnhandled(context.OriginalException, path);
        context.Exception = new ExecutionError("An internal error occurred; it has been logged.") { Code = ErrorCodes.Internal };
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store refused {Path}: {Reason}")]
    private partial void LogStoreFailed(string path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error resolving {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
