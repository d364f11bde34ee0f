using Graph.Domain;
using Graph.Ingest.Mappings;
using Graph.Store;

namespace Graph.Ingest.Vocabulary;

/// <summary>The reference data every catalogue holds: the federation's nine cancer types and the seed vocabulary (concepts, BROADER links, the types' CODED_AS links and the seed mappings).</summary>
/// <remarks>
/// Only what is missing is added: a cancer type or concept the catalogue lacks, and the links and mappings that touch one
/// of them. What a partner or curator changed since (a label, a mapping removed between two concepts the catalogue already
/// held) is never overwritten or brought back, so loading at every start is safe.
/// </remarks>
public static class ReferenceData
{
    /// <summary>The source recorded with the ChangeSet.</summary>
    public const string Source = "reference-data";

    /// <summary>Plans the missing reference data; an empty set when the catalogue holds it all.</summary>
    /// <param name="exists">Whether the catalogue holds a live node (cancer types and concepts are asked).</param>
    public static ChangeSet Plan(Func<NodeRef, bool> exists)
    {
        ArgumentNullException.ThrowIfNull(exists);
        var set = new ChangeSet { Source = Source };
        return AddTo(set, node => !exists(node));
    }

    /// <summary>Adds to a set the cancer types and concepts <paramref name="isNew"/> accepts, and the links and mappings that touch one of them and whose other end is added or held.</summary>
    internal static ChangeSet AddTo(ChangeSet set, Func<NodeRef, bool> isNew)
    {
        var reference = new ChangeSet();
        foreach (var type in ReferenceCancerTypes.All)
        {
            reference.Add(NodeRecord.Of(GraphModel.CancerType, type.Code,
                ("name", type.Name), ("icd10", type.Icd10), ("icdO3Morphology", type.Morphology), ("description", type.Description)));
        }

        reference.Nodes.RemoveAll(n => !isNew(n.Ref));
        SeedVocabulary.AddTo(reference, curie => isNew(new NodeRef(GraphModel.Concept.Label, curie)));
        var added = reference.Nodes.Select(n => n.Ref).ToHashSet();
        bool Held(NodeRef node) => added.Contains(node) || !isNew(node);
        set.Nodes.AddRange(reference.Nodes);
        set.Edges.AddRange(reference.Edges.Where(e => (added.Contains(e.From) || added.Contains(e.To)) && Held(e.From) && Held(e.To)));
        return set;
    }

    /// <summary>Reads which cancer types and concepts a store holds and writes what is missing; returns the commit, or null when nothing was missing.</summary>
    public static async Task<CommitResult?> EnsureAsync(IGraphStore store, GraphWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        var sink = new Existing();
        await store.ReadAllAsync(sink, ReadScope.Nodes("CancerType", "Concept"), cancellationToken).ConfigureAwait(false);
        return await WriteAsync(writer, sink.Nodes.Contains, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the missing reference data; returns the commit, or null when nothing was missing.</summary>
    public static async Task<CommitResult?> WriteAsync(GraphWriter writer, Func<NodeRef, bool> exists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var set = Plan(exists);
        return set.IsEmpty ? null : await writer.WriteAsync(set, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Existing : IChangeSink
    {
        public HashSet<NodeRef> Nodes { get; } = [];

        public void Node(StoredNode node)
        {
            if (!node.Deleted && node.Node.Label is "CancerType" or "Concept")
                Nodes.Add(node.Node.Ref);
        }

        public void Edge(StoredEdge edge)
        {
        }
    }
}
