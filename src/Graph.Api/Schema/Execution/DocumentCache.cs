using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Graph.Api.Security;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>Parsed documents that passed validation, by query text, so that a query sent again is neither parsed nor validated
/// again; clients that put their arguments in variables send the same few texts over and over.</summary>
internal sealed class DocumentCache(int capacity, int maxQueryLength)
{
    private readonly ConcurrentDictionary<string, ValidatedDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>How many documents are cached.</summary>
    public int Count => _documents.Count;

    public bool TryGet(string? query, [NotNullWhen(true)] out GraphQLDocument? document)
    {
        document = Find(query)?.Document;
        return document is not null;
    }

    /// <summary>The cache's entry when <paramref name="document"/> is the cached (so validated) document of <paramref name="query"/>, else null.</summary>
    public ValidatedDocument? Validated(string? query, GraphQLDocument? document) =>
        document is not null && Find(query) is { } entry && ReferenceEquals(entry.Document, document) ? entry : null;

    /// <summary>Keeps a document that passed validation for a caller of <paramref name="role"/>.</summary>
    public void Add(string query, GraphQLDocument document, CatalogRole role)
    {
        if (capacity <= 0 || query.Length > maxQueryLength)
            return;
        // A client that writes its values into ever new query texts empties the cache rather than growing it.
        if (_documents.Count >= capacity)
            _documents.Clear();
        var entry = new ValidatedDocument(document);
        entry.Passed(role);
        _documents.TryAdd(query, entry);
    }

    private ValidatedDocument? Find(string? query) =>
        query is not null && capacity > 0 && _documents.TryGetValue(query, out var entry) ? entry : null;
}

/// <summary>A document that passed every document rule, with what still depends on the request: the roles whose callers passed
/// the role rule with it, and whether its complexity reads variables.</summary>
internal sealed class ValidatedDocument(GraphQLDocument document)
{
    private const string Key = "graph.validatedDocument";

    private int _roles;
    private OperationFacts? _operation;

    public GraphQLDocument Document => document;

    /// <summary>Whether the document holds one operation: the rules' results then do not depend on the operation name sent.</summary>
    public bool SingleOperation { get; } = document.Definitions.Count(d => d is GraphQLOperationDefinition) == 1;

    /// <summary>Whether a variable reaches what the complexity rule reads: a <c>first</c>, <c>last</c> or <c>id</c> argument
    /// (the default list multipliers) or a directive (<c>@include(if: $x)</c> adds or removes fields).</summary>
    public bool ComplexityReadsVariables { get; } = ReadsVariables(document);

    /// <summary>Whether a caller of <paramref name="role"/> passed the role rule with this document.</summary>
    public bool HasPassed(CatalogRole role) => SingleOperation && (Volatile.Read(ref _roles) & Bit(role)) != 0;

    /// <summary>Records that a caller of <paramref name="role"/> passed every rule with this document.</summary>
    public void Passed(CatalogRole role) => Interlocked.Or(ref _roles, Bit(role));

    /// <summary>Puts this document into a request's user context, for <see cref="CatalogDocumentValidator"/>.</summary>
    public void AttachTo(IDictionary<string, object?> userContext) => userContext[Key] = this;

    /// <summary>The cached document a request's user context carries, or null.</summary>
    public static ValidatedDocument? In(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(Key, out var value) ? value as ValidatedDocument : null;

    /// <summary>Where <paramref name="operation"/> uses each of its variables (and with which input type), as GraphQL.NET
    /// computes it.</summary>
    public List<VariableUsage>? VariableUsages(ISchema schema, GraphQLOperationDefinition operation) => Operation(schema, operation).Usages;

    /// <summary>Where <paramref name="operation"/> has argument and directive values to parse.</summary>
    public ArgumentPlan Arguments(ISchema schema, GraphQLOperationDefinition operation) => Operation(schema, operation).Arguments;

    // Computed on first use and kept for the operation last asked for.
    private OperationFacts Operation(ISchema schema, GraphQLOperationDefinition operation)
    {
        if (Volatile.Read(ref _operation) is { } known && ReferenceEquals(known.Operation, operation) && ReferenceEquals(known.Schema, schema))
            return known;
        var facts = new OperationFacts(schema, document, operation);
        Volatile.Write(ref _operation, facts);
        return facts;
    }

    private static int Bit(CatalogRole role) => 1 << (int)role;

    private static bool ReadsVariables(GraphQLDocument document)
    {
        foreach (var definition in document.Definitions)
        {
            var (directives, selections) = definition switch
            {
                GraphQLOperationDefinition operation => (operation.Directives, operation.SelectionSet),
                GraphQLFragmentDefinition fragment => (fragment.Directives, fragment.SelectionSet),
                _ => (null, null),
            };
            if (HasVariable(directives) || ReadsVariables(selections))
                return true;
        }

        return false;
    }

    private static bool ReadsVariables(GraphQLSelectionSet? selections)
    {
        foreach (var selection in selections?.Selections ?? [])
        {
            var reads = selection switch
            {
                GraphQLField field => HasVariable(field.Directives) || SizesByVariable(field.Arguments) || ReadsVariables(field.SelectionSet),
                GraphQLInlineFragment inline => HasVariable(inline.Directives) || ReadsVariables(inline.SelectionSet),
                GraphQLFragmentSpread spread => HasVariable(spread.Directives),
                _ => true,
            };
            if (reads)
                return true;
        }

        return false;
    }

    private static bool SizesByVariable(GraphQLArguments? arguments)
    {
        foreach (var argument in arguments?.Items ?? [])
        {
            if (argument.Name.StringValue is "first" or "last" or "id" && HasVariable(argument.Value))
                return true;
        }

        return false;
    }

    private static bool HasVariable(GraphQLDirectives? directives)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            foreach (var argument in directive.Arguments?.Items ?? [])
            {
                if (HasVariable(argument.Value))
                    return true;
            }
        }

        return false;
    }

    private static bool HasVariable(GraphQLValue value) => value switch
    {
        GraphQLVariable => true,
        GraphQLListValue list => list.Values?.Any(HasVariable) == true,
        GraphQLObjectValue obj => obj.Fields?.Any(f => HasVariable(f.Value)) == true,
        _ => false,
    };

    // Read by concurrent requests: both are only read once computed (GraphQL.NET reads the usages to coerce variables). The plan
    // is made when first asked for: a document of several operations always runs rules, and never asks.
    private sealed class OperationFacts(ISchema schema, GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        private ArgumentPlan? _arguments;

        public ISchema Schema => schema;

        public GraphQLOperationDefinition Operation => operation;

        public List<VariableUsage>? Usages { get; } = new ValidationContext { Schema = schema, Document = document }.GetRecursiveVariables(operation);

        // Two requests may make it at once; both plans are the same.
        public ArgumentPlan Arguments => LazyInitializer.EnsureInitialized(ref _arguments, () => ArgumentPlan.For(schema, document, operation));
    }
}
