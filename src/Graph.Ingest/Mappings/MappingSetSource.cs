using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Mappings;

/// <summary>Collects the concepts and MAPS_TO relationships streamed from a store, for exports and imports that run without the index.</summary>
public sealed class MappingSetSource : IChangeSink
{
    private readonly Dictionary<string, MappedConcept> _concepts = new(StringComparer.Ordinal);
    private readonly List<MappingRecord> _mappings = [];

    /// <summary>The live concepts by curie.</summary>
    public IReadOnlyDictionary<string, MappedConcept> Concepts => _concepts;

    /// <summary>The live mappings.</summary>
    public IReadOnlyList<MappingRecord> Mappings => _mappings;

    /// <summary>Reads every concept and mapping of a store.</summary>
    public static async Task<MappingSetSource> ReadAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var source = new MappingSetSource();
        await store.ReadAllAsync(source, new ReadScope(["Concept"], ["MAPS_TO"]), cancellationToken).ConfigureAwait(false);
        return source;
    }

    /// <inheritdoc />
    void IChangeSink.Node(StoredNode node)
    {
        if (node.Node.Label != GraphModel.Concept.Label || node.Deleted)
            return;
        _concepts[node.Node.Key] = new MappedConcept(node.Node.Key, node.Node["label"] as string, node.Node["iri"] as string);
    }

    /// <inheritdoc />
    void IChangeSink.Edge(StoredEdge edge)
    {
        var e = edge.Edge;
        if (e.Type != "MAPS_TO" || edge.Deleted)
            return;
        _mappings.Add(FromEdge(e));
    }

    /// <summary>Turns a MAPS_TO relationship into a mapping record.</summary>
    public static MappingRecord FromEdge(EdgeRecord edge)
    {
        ArgumentNullException.ThrowIfNull(edge);
        return new MappingRecord(
            edge.From.Key,
            null,
            edge.Properties.GetValueOrDefault("predicate") as string ?? "relatedMatch",
            edge.To.Key,
            null,
            edge.Properties.GetValueOrDefault("justification") as string ?? "semapv:UnspecifiedMatching",
            edge.Properties.GetValueOrDefault("confidence") is double c ? c : null,
            edge.Properties.GetValueOrDefault("author") as string,
            edge.Properties.GetValueOrDefault("date") as string);
    }
}
