using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>Parsed documents that passed validation, by query text, so that a query sent again is neither parsed nor validated
/// again; clients that put their arguments in variables send the same few texts over and over.</summary>
internal sealed class DocumentCache(int capacity, int maxQueryLength)
{
    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>How many documents are cached.</summary>
    public int Count => _documents.Count;

    public bool TryGet(string? query, [NotNullWhen(true)] out GraphQLDocument? document)
    {
        document = null;
        return query is not null && capacity > 0 && _documents.TryGetValue(query, out document);
    }

    /// <summary>Whether <paramref name="document"/> is the cached (so validated) document of <paramref name="query"/>.</summary>
    public bool IsValidated(string? query, GraphQLDocument? document) =>
        document is not null && TryGet(query, out var cached) && ReferenceEquals(cached, document);

    /// <summary>Keeps a document that passed validation.</summary>
    public void Add(string query, GraphQLDocument document)
    {
        if (capacity <= 0 || query.Length > maxQueryLength)
            return;
        // A client that writes its values into ever new query texts empties the cache rather than growing it.
        if (_documents.Count >= capacity)
            _documents.Clear();
        _documents.TryAdd(query, document);
    }
}
