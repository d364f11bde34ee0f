using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>The concept graph of a snapshot as adjacency lists by ordinal: exact matches both ways and narrower concepts; built once per snapshot.</summary>
internal sealed class ConceptLinks
{
    private static readonly RelationKind Broader = GraphModel.Relation("BROADER", "Concept", "Concept")!;
    private static readonly RelationKind MapsTo = GraphModel.Relation("MAPS_TO", "Concept", "Concept")!;

    private readonly Dictionary<int, List<int>> _exact = [];
    private readonly Dictionary<int, List<int>> _narrower = [];

    private ConceptLinks(CatalogSnapshot snapshot)
    {
        var broader = snapshot.Relation(Broader);
        var maps = snapshot.Relation(MapsTo);
        var count = snapshot.Table(GraphModel.Concept).Count;
        for (var node = 0; node < count; node++)
        {
            // A BROADER link from a narrower concept to node.
            foreach (var narrower in broader.Neighbours(node, forward: false))
                Add(_narrower, node, narrower);
            foreach (var target in maps.Neighbours(node, forward: true))
            {
                switch (Predicate(maps, node, target))
                {
                    case "exactMatch":
                        Add(_exact, node, target);
                        Add(_exact, target, node);
                        break;
                    case "narrowMatch":
                        Add(_narrower, node, target);
                        break;
                    case "broadMatch":
                        Add(_narrower, target, node);
                        break;
                }
            }
        }
    }

    public static ConceptLinks Of(CatalogSnapshot snapshot) =>
        snapshot.Derive("concept-links", () => new ConceptLinks(snapshot), (earlier, changes) => ChangedNodes.ConceptGraph(changes) ? null : earlier);

    public IEnumerable<int> Exact(int node) => _exact.TryGetValue(node, out var list) ? list : [];

    public IEnumerable<int> Narrower(int node) => _narrower.TryGetValue(node, out var list) ? list : [];

    /// <summary>The properties of a relationship between two ordinals, or null.</summary>
    internal static IReadOnlyDictionary<string, object?>? Properties(Adjacency adjacency, int from, int to) =>
        adjacency.Properties.GetValueOrDefault(Adjacency.PairKey(from, to));

    private static string? Predicate(Adjacency maps, int from, int to) => Properties(maps, from, to)?.GetValueOrDefault("predicate") as string;

    private static void Add(Dictionary<int, List<int>> map, int from, int to)
    {
        if (!map.TryGetValue(from, out var list))
            map[from] = list = [];
        list.Add(to);
    }
}
