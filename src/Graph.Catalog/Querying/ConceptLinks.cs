using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>The concept graph of a snapshot as adjacency lists by ordinal: exact matches both ways and narrower concepts; built once per snapshot.</summary>
/// <remarks>
/// Each step carries a gate: the caller whose own assertion it leaves by. A mapping a caller wrote from a concept that caller
/// created (a partner's local code, the only subjects partners may map) is followed into that concept from anywhere, but out of
/// it, to the mapping's object, only by a search that starts at one of that caller's own concepts. So a partner concept mapped
/// exactMatch to two reference concepts joins the partner's searches, never theirs: a search for lung cancer reaches the
/// partner's code for it, not what else the partner said that code is. Mappings of the seed and the graph command (no writer),
/// and those whose subject its writer did not create (a curator mapping two reference concepts), are open both ways.
/// </remarks>
internal sealed class ConceptLinks
{
    private static readonly RelationKind Broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;
    private static readonly RelationKind MapsTo = GraphModel.Relation("MAPS_TO", "Concept", "Concept")!;

    private readonly Dictionary<int, List<(int To, string? Gate)>> _exact = [];
    private readonly Dictionary<int, List<(int To, string? Gate)>> _narrower = [];
    private readonly string?[] _creators;

    private ConceptLinks(CatalogSnapshot snapshot)
    {
        var broader = snapshot.Relation(Broader);
        var maps = snapshot.Relation(MapsTo);
        var count = snapshot.Table(GraphModel.Concept).Count;
        _creators = new string?[count];
        for (var node = 0; node < count; node++)
            _creators[node] = snapshot.At(GraphModel.Concept, node)?["writtenBy"] as string;
        for (var node = 0; node < count; node++)
        {
            // A BROADER link from a narrower concept to node.
            foreach (var narrower in broader.Neighbours(node, forward: false))
                Add(_narrower, node, narrower, null);
            foreach (var target in maps.Neighbours(node, forward: true))
            {
                var properties = Properties(maps, node, target);
                var writer = properties?.GetValueOrDefault("writtenBy") as string;
                var gate = writer is not null && writer == _creators[node] ? writer : null;
                switch (properties?.GetValueOrDefault("predicate") as string)
                {
                    case "exactMatch":
                        Add(_exact, node, target, gate);
                        Add(_exact, target, node, null);
                        break;
                    case "narrowMatch":
                        Add(_narrower, node, target, gate);
                        break;
                    case "broadMatch":
                        Add(_narrower, target, node, null);
                        break;
                }
            }
        }
    }

    public static ConceptLinks Of(CatalogSnapshot snapshot) =>
        snapshot.Derive("concept-links", () => new ConceptLinks(snapshot), (earlier, changes) => ChangedNodes.ConceptGraph(changes) ? null : earlier);

    /// <summary>The exact matches of a concept that a search starting at <paramref name="start"/> may step to.</summary>
    public IEnumerable<int> Exact(int node, int start) => Open(_exact, node, start);

    /// <summary>The narrower concepts of a concept that a search starting at <paramref name="start"/> may step to.</summary>
    public IEnumerable<int> Narrower(int node, int start) => Open(_narrower, node, start);

    private IEnumerable<int> Open(Dictionary<int, List<(int To, string? Gate)>> map, int node, int start) =>
        map.TryGetValue(node, out var list) ? list.Where(l => l.Gate is null || l.Gate == _creators[start]).Select(l => l.To) : [];

    /// <summary>The properties of a relationship between two ordinals, or null.</summary>
    internal static IReadOnlyDictionary<string, object?>? Properties(Adjacency adjacency, int from, int to) =>
        adjacency.Properties.GetValueOrDefault(Adjacency.PairKey(from, to));

    private static void Add(Dictionary<int, List<(int To, string? Gate)>> map, int from, int to, string? gate)
    {
        if (!map.TryGetValue(from, out var list))
            map[from] = list = [];
        list.Add((to, gate));
    }
}
