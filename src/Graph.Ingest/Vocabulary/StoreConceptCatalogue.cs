using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Vocabulary;

/// <summary>The concepts and BROADER links of a store, read once, for imports that run without the index.</summary>
public sealed class StoreConceptCatalogue : IConceptCatalogue, IChangeSink
{
    private readonly Dictionary<string, StoredConcept> _concepts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _broader = new(StringComparer.Ordinal);

    /// <summary>The number of live concepts.</summary>
    public int Count => _concepts.Count;

    /// <summary>Reads every concept and BROADER link of a store.</summary>
    public static async Task<StoreConceptCatalogue> ReadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var catalogue = new StoreConceptCatalogue();
        await store.ReadAllAsync(catalogue, new ReadScope(["Concept"], ["BROADER"]), cancellationToken).ConfigureAwait(false);
        return catalogue;
    }

    /// <inheritdoc />
    public StoredConcept? Find(string curie)
    {
        if (!_concepts.TryGetValue(curie, out var concept))
            return null;
        return _broader.TryGetValue(curie, out var broader) ? concept with { Broader = broader } : concept;
    }

    /// <inheritdoc />
    void IChangeSink.Node(StoredNode node)
    {
        if (node.Node.Label != GraphModel.Concept.Label || node.Deleted)
            return;
        var n = node.Node;
        _concepts[n.Key] = new StoredConcept(n.Key, n["system"] as string, n["label"] as string, n["synonyms"] as string[] ?? [], n["iri"] as string, []);
    }

    /// <inheritdoc />
    void IChangeSink.Edge(StoredEdge edge)
    {
        var e = edge.Edge;
        if (e.Type != "BROADER" || edge.Deleted || e.From.Label != GraphModel.Concept.Label)
            return;
        if (!_broader.TryGetValue(e.From.Key, out var list))
            _broader[e.From.Key] = list = [];
        list.Add(e.To.Key);
    }
}
