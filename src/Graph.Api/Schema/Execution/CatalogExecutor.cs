using System.Diagnostics;
using System.Security.Claims;
using Graph.Api.Observability;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Disclosure;
using Graph.Catalog.Querying;
using Graph.Store;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.Options;

namespace Graph.Api.Schema.Execution;

/// <summary>Executes GraphQL requests against the current catalogue snapshot within the service's limits, masking unexpected errors.</summary>
internal sealed class CatalogExecutor
{
    public const string TimeoutCode = "TIMEOUT";
    public const string DocumentTooLargeCode = "DOCUMENT_TOO_LARGE";
    public const string UntrustedDocumentCode = "TRUSTED_DOCUMENTS_ONLY";
    public const string DocumentNotFoundCode = "DOCUMENT_NOT_FOUND";

    private static readonly IValidationRule[] CallerRules = [RoleValidationRule.Instance];

    private readonly CatalogSchema _schema;
    private readonly IDocumentExecuter _executer;
    private readonly CatalogIndex _index;
    private readonly ServiceLimits _limits;
    private readonly DisclosureControl _disclosure;
    private readonly TrustedDocuments _trusted;
    private readonly AuditLog _audit;
    private readonly ErrorMasking _errors;
    private readonly IValidationRule[] _rules;
    private readonly DocumentValidator _validator = new();
    private readonly IValidationRule[] _variableRules;
    private readonly IValidationRule[] _complexityRules;
    private readonly DocumentCache _documents;
    private readonly ServiceMetrics _metrics;

    public CatalogExecutor(
        CatalogSchema schema,
        IDocumentExecuter executer,
        CatalogIndex index,
        IOptions<ServiceLimits> limits,
        DisclosureControl disclosure,
        TrustedDocuments trusted,
        AuditLog audit,
        ServiceMetrics metrics,
        ILogger<CatalogExecutor> logger)
    {
        _metrics = metrics;
        _schema = schema;
        _executer = executer;
        _index = index;
        _limits = limits.Value;
        _disclosure = disclosure;
        _trusted = trusted;
        _audit = audit;
        _errors = new ErrorMasking(logger);
        _documents = new DocumentCache(_limits.DocumentCacheSize, _limits.MaxRequestBytes);
        var complexity = new ComplexityValidationRule(new ComplexityOptions { MaxDepth = _limits.MaxDepth, MaxComplexity = _limits.MaxComplexity });
        _variableRules = [RoleValidationRule.Instance, complexity];
        _complexityRules = [complexity];
        _rules =
        [
            .. DocumentValidator.CoreRules.Select(VariableRules.OnlyWithVariables),
            RoleValidationRule.Instance,
            new AliasLimitValidationRule(_limits.MaxAliases),
            new MutationFieldsValidationRule(_limits.MaxMutationFields),
            complexity,
            .. _limits.AllowIntrospection ? Array.Empty<IValidationRule>() : [NoIntrospectionValidationRule.Instance],
        ];
    }

    public CatalogSchema Schema => _schema;

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
        using var activity = Telemetry.Source.StartActivity("graphql");
        var started = Stopwatch.GetTimestamp();
        var answer = await ExecuteCoreAsync(request, document, user, services, cancellationToken).ConfigureAwait(false);
        var outcome = answer.Result.Errors is { Count: > 0 } errors ? errors[0].Code ?? "ERROR" : "ok";
        _metrics.Request(answer.Result.Operation?.Name?.StringValue ?? request.OperationName, answer.Request.Caller.Role == CatalogRole.Anonymous, outcome, Stopwatch.GetElapsedTime(started));
        activity?.SetTag("graphql.operation.name", answer.Result.Operation?.Name?.StringValue ?? request.OperationName);
        activity?.SetTag("graphql.outcome", outcome);
        if (outcome != "ok")
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
        return answer;
    }

    private async Task<(ExecutionResult Result, CatalogRequest Request)> ExecuteCoreAsync(
        GraphQLRequest request,
        GraphQLDocument? document,
        ClaimsPrincipal? user,
        IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var catalog = new CatalogRequest(_index.Current, _limits, _disclosure, caller);
        if (Admit(request, ref document) is { } refusal)
            return (Refused(refusal), catalog);
        if (document is not null && TooLargeExpanded(document) is { } tooLarge)
            return (Refused(tooLarge), catalog);

        if (document is null && request.Query is { Length: > 0 } text)
            document = Parse(text);
        var validated = _documents.Validated(request.Query, document);
        _metrics.DocumentCacheLookup(validated is not null);
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Query = request.Query;
            options.Document = document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.User = user;
            options.RequestServices = services;
            options.CancellationToken = cancellationToken;
            options.ValidationRules = validated is null ? _rules : RulesFor(validated, caller.Role);
            // A mutation is not cut short: once it writes, it finishes and answers what it wrote (a save answered TIMEOUT had been
            // committed). Its waits for a turn to write are bounded by the same limit instead, and refused with nothing written.
            options.Timeout = IsMutation(document, request.OperationName) ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(_limits.TimeoutSeconds);
            options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            options.UnhandledExceptionDelegate = _errors.Mask;
            catalog.AttachTo(options.UserContext);
            validated?.AttachTo(options.UserContext);
        }).ConfigureAwait(false);
        if (validated is null && result.Executed && result.Document is { } parsed && request.Query is { } query)
            _documents.Add(query, parsed, caller.Role);
        else if (validated is not null && result.Executed)
            validated.Passed(caller.Role);
        Audit(caller, result, document ?? result.Document, request.OperationName);

        return (result, catalog);
    }

    /// <summary>Validates a document with the rules <see cref="ExecuteAsync"/> applies before it runs one, in the caller's role and
    /// with its variables, without running it.</summary>
    /// <returns>The errors, or null when the document is valid.</returns>
    public async Task<ExecutionErrors?> ValidateAsync(
        GraphQLDocument document,
        GraphQLOperationDefinition operation,
        Inputs? variables,
        ClaimsPrincipal user,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (TooLargeExpanded(document) is { } tooLarge)
            return [tooLarge];
        _schema.Initialize();
        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Operation = operation,
            Rules = _rules,
            Variables = variables ?? Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            Metrics = GraphQL.Instrumentation.Metrics.None,
            User = user,
            RequestServices = services,
            CancellationToken = cancellationToken,
        }).ConfigureAwait(false);
        return result.IsValid ? null : result.Errors;
    }

    /// <summary>Executes one page of an export on a pinned snapshot, in the caller's access and within the service's rules;
    /// not audited or counted as a request (the export is, once).</summary>
    public Task<ExecutionResult> ExecutePageAsync(
        GraphQLDocument document,
        Inputs? variables,
        CatalogSnapshot snapshot,
        ClaimsPrincipal user,
        IServiceProvider services,
        CancellationToken cancellationToken)
    {
        if (TooLargeExpanded(document) is { } tooLarge)
            return Task.FromResult(Refused(tooLarge));
        var catalog = new CatalogRequest(snapshot, _limits, _disclosure, Caller.From(user));
        return _executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Document = document;
            options.Variables = variables;
            options.User = user;
            options.RequestServices = services;
            options.CancellationToken = cancellationToken;
            options.ValidationRules = _rules;
            options.Timeout = TimeSpan.FromSeconds(_limits.TimeoutSeconds);
            options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            options.UnhandledExceptionDelegate = _errors.Mask;
            catalog.AttachTo(options.UserContext);
        });
    }

    /// <summary>A document text's validated document from the cache, else the text parsed; null when it does not parse (execution then
    /// reports why).</summary>
    public GraphQLDocument? Parse(string query)
    {
        if (_documents.TryGet(query, out var cached))
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

    private static bool IsMutation(GraphQLDocument? document, string? operationName) =>
        document is not null && Http.GraphQLHttpEndpoint.Selected(document, operationName)?.Operation == OperationType.Mutation;

    /// <summary>The text of a trusted document by id, or null.</summary>
    public string? TrustedDocument(string id) => _trusted.Find(id);

    /// <summary>Whether a document text may run under the service's trusted-documents rule and length limit; null when it may, else why not.</summary>
    public ExecutionError? Admit(string query)
    {
        if (query.Length > _limits.MaxDocumentLength)
            return TooLarge(query);
        return _limits.TrustedDocumentsOnly && !_trusted.IsTrusted(query) ? Untrusted() : null;
    }

    // A cached document passed the document rules when it was cached; variables are still coerced and checked for every request.
    // The role rule runs again until a caller of the same role has passed it with this document, and the complexity rule runs
    // again when a variable reaches what it reads, because `first: $n` costs what $n says (issue 16: n = 1 cached, then n = 1000).
    // A document of several operations runs both every time: which operation runs is the request's choice.
    private IValidationRule[] RulesFor(ValidatedDocument document, CatalogRole role) =>
        (document.HasPassed(role), document.ComplexityReadsVariables || !document.SingleOperation) switch
        {
            (false, true) => _variableRules,
            (false, false) => CallerRules,
            (true, true) => _complexityRules,
            (true, false) => [],
        };

    // Size and trust are checked before parsing, so an oversized or untrusted document costs nothing.
    private ExecutionError? Admit(GraphQLRequest request, ref GraphQLDocument? document)
    {
        if (request.DocumentId is { } id)
        {
            if (request.Query is not null)
                return new ExecutionError("Send either 'query' or 'documentId', not both.") { Code = ErrorCodes.BadUserInput };
            request.Query = _trusted.Find(id);
            if (request.Query is null)
                return new ExecutionError($"No trusted document has the id '{(id.Length > 80 ? id[..80] : id)}'.") { Code = DocumentNotFoundCode };
            document = null;
            return null;
        }

        if (request.Query is { } query && query.Length > _limits.MaxDocumentLength)
            return TooLarge(query);
        if (_limits.TrustedDocumentsOnly && (request.Query is null || !_trusted.IsTrusted(request.Query)))
            return Untrusted();

        // The schema has no subscription type, and GraphQL.NET's complexity rule throws on an operation of a type the schema lacks
        // (an internal error, logged at ERR with its stack, for anyone who sends "subscription { x }").
        return document is not null && Http.GraphQLHttpEndpoint.Selected(document, request.OperationName)?.Operation == OperationType.Subscription
            ? new ExecutionError("This service has no subscriptions; ask with a query.") { Code = ErrorCodes.BadUserInput }
            : null;
    }

    // Checked before GraphQL.NET's validation walks a document, which expands fragments: every way in to the executer passes here.
    private ExecutionError? TooLargeExpanded(GraphQLDocument document) =>
        DocumentSize.ExpandedFields(document, _limits.MaxExpandedFields) <= _limits.MaxExpandedFields ? null : new ExecutionError(
            $"The operation selects more than {_limits.MaxExpandedFields} fields once its fragments are expanded; select fewer or split it (Graph:Limits:MaxExpandedFields).")
        { Code = ErrorCodes.QueryTooComplex };

    private ExecutionError TooLarge(string query) =>
        new($"The document has {query.Length} characters; at most {_limits.MaxDocumentLength} are accepted (Graph:Limits:MaxDocumentLength).") { Code = DocumentTooLargeCode };

    private static ExecutionError Untrusted() =>
        new("This service runs trusted documents only: send a documentId of a trusted document (Graph:Limits:TrustedDocumentsOnly).") { Code = UntrustedDocumentCode };

    private static ExecutionResult Refused(ExecutionError error) => new() { Errors = [error], Executed = false };

    private void Audit(Caller caller, ExecutionResult result, GraphQLDocument? document, string? operationName)
    {
        // A refused document has no operation selected; find it in the document to audit refused mutations too.
        var operation = result.Operation ?? document?.Definitions.OfType<GraphQLOperationDefinition>()
            .FirstOrDefault(o => operationName is null || o.Name?.StringValue == operationName);
        var isMutation = operation?.Operation == OperationType.Mutation;
        if (!isMutation && !AuditLog.IsGated(caller))
            return;
        var fields = operation is null ? [] : RootSelection.Fields(operation.SelectionSet, document).Select(f => f.Name.StringValue).ToList();
        var outcome = result.Errors is not { Count: > 0 } errors ? "ok"
            : errors.Any(e => e.Code is ErrorCodes.Forbidden or ErrorCodes.Unauthenticated) ? "denied"
            : "error";
        _audit.Write(caller, isMutation ? "mutation" : "read", operation?.Name?.StringValue, fields, outcome);
    }
}
