using Graph.Domain;
using Graph.Store;

namespace Graph.Ingest.Studies;

/// <summary>The series an ingest or harvest knows to be in the catalogue: those it wrote, and those the store held when asked.</summary>
/// <remarks>
/// The store is asked only when an annotation names a series that is neither written by this run nor asked about before (a
/// SEG in one study drawn on another study's CT), by one keyed read of just those series (<see cref="ReadScope.Keys"/>).
/// Series are never deleted (a withdrawn study keeps them), so a series found stays known.
/// </remarks>
internal sealed class KnownSeries(IGraphStore store)
{
    // Whether a series is held, not what it holds: keys only.
    private static readonly ReadScope Scope = ReadScope.Nodes(GraphModel.Series.Label) with { KeysOnly = [GraphModel.Series.Label] };

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);

    /// <summary>Whether a series is known.</summary>
    public bool Contains(string uid) => _known.Contains(uid);

    /// <summary>Records series written.</summary>
    public void Written(IEnumerable<string> uids) => _known.UnionWith(uids);

    /// <summary>Asks the store about the series not known nor asked about yet.</summary>
    public async Task LookUpAsync(IEnumerable<string> uids, CancellationToken cancellationToken)
    {
        var wanted = uids.Where(u => !_known.Contains(u) && _asked.Add(u)).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0)
            return;
        var sink = new Finder(wanted);
        await store.ReadAllAsync(sink, Scope.OfKeys(wanted), cancellationToken).ConfigureAwait(false);
        _known.UnionWith(sink.Found);
    }

    private sealed class Finder(HashSet<string> wanted) : IChangeSink
    {
        public List<string> Found { get; } = [];

        public void Node(StoredNode node)
        {
            if (!node.Deleted && node.Node.Label == GraphModel.Series.Label && wanted.Contains(node.Node.Key))
                Found.Add(node.Node.Key);
        }

        public void Edge(StoredEdge edge)
        {
        }
    }
}
