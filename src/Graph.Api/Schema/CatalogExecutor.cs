using System.Security.Claims;
using Graph.Catalog;
using Graph.Catalog.Querying;
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
    private readonly DocumentCache _documents = new(limits.Value.DocumentCacheSize, limits.Value.MaxRequestBytes);

    public CatalogSchema Schema => schema;

    /// <summary>Validated documents by query text; the HTTP endpoint takes its parsed documents from here first.</summary>
    public DocumentCache Documents => _documents;

    /// <summary>Executes one request; <paramref name="document"/> is the request's parsed document when the caller has it.</summary>
    public async Task<(ExecutionResult Result, CatalogRequest Request)> ExecuteAsync(
        GraphQLRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal? user,
        IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        var catalog = new CatalogRequest(index.Current, limits.Value);
        if (document is null && _documents.TryGet(request.Query, out var cached))
            document = cached;
        var validated = _documents.IsValidated(request.Query, document);
        var result = await executer.ExecuteAsync(options =>
        {
            options.Schema = schema;
            options.Query = request.Query;
            options.Document = document;
            // A cached document passed the document rules when it was cached; variables are still coerced and checked for every
            // request. Rules that look at the user or the variables (authorization) belong in CachedDocumentValidationRules too.
            if (validated)
                options.ValidationRules = options.CachedDocumentValidationRules ?? [];
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.User = user;
            options.RequestServices = services;
            options.CancellationToken = cancellationToken;
            options.UnhandledExceptionDelegate = Mask;
            catalog.AttachTo(options.UserContext);
        }).ConfigureAwait(false);
        if (!validated && result.Executed && result.Document is { } parsed && request.Query is { } query)
            _documents.Add(query, parsed);
        return (result, catalog);
    }

    private Task Mask(UnhandledExceptionContext context)
    {
        if (context.OriginalException is CatalogQueryException query)
        {
            context.Exception = ErrorCodes.BadInput(query.Message);
            return Task.CompletedTask;
        }

        var path = context.FieldContext is { } field ? string.Join('.', field.ResponsePath) : "(request)";
        LogUnhandled(context.OriginalException, path);
        context.Exception = new ExecutionError("An internal error occurred; it has been logged.") { Code = ErrorCodes.Internal };
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error resolving {Path}")]
    private partial void LogUnhandled(Exception exception, string path);
}
