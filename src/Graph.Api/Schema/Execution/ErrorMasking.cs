using Graph.Catalog.Querying;
using Graph.Store;
using GraphQL;
using GraphQL.Execution;

namespace Graph.Api.Schema.Execution;

/// <summary>What a client learns of an exception during execution: a query the catalogue cannot answer becomes bad input (or
/// its own code), a store failure says whether to try again without saying where the store is, and anything else is logged
/// with its path and reported as an internal error.</summary>
/// <param name="logger">Where unexpected errors and store failures are logged.</param>
internal sealed partial class ErrorMasking(ILogger<CatalogExecutor> logger)
{
    /// <summary>Turns an exception a resolver threw into the error the client sees.</summary>
    public Task Mask(UnhandledExceptionContext context)
    {
        if (context.OriginalException is CatalogQueryException query)
        {
            context.Exception = query.Code is { } code ? new ExecutionError(query.Message) { Code = code } : ErrorCodes.BadInput(query.Message);
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

        if (context.OriginalException is WriteTurnTimeoutException busy)
        {
            context.Exception = new ExecutionError(busy.Message) { Code = ErrorCodes.Timeout };
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
