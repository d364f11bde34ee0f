using CsCheck;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>The node-level reads the API builds on (live nodes, related nodes, related connections page by page) give the
/// reference's answers, and a node read twice is the same node.</summary>
public sealed class NodeFacadeTests
{
    private static readonly NodeKind[] Kinds = [GraphModel.Series, GraphModel.Patient, GraphModel.Study, GraphModel.Dataset, GraphModel.Concept];

    private static readonly RelationField[] Connections = Kinds.SelectMany(RelationField.Of).Where(f => !f.Single && Kinds.Contains(f.Target)).ToArray();

    [Fact]
    public void Nodes_RandomCatalogues_AreTheLiveNodesInEntryOrder() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, Kinds.Length - 1]).Sample((seed, kindIndex) =>
        {
            var catalogue = Catalogues.Get(seed);
            var kind = Kinds[kindIndex];
            var expected = new Reference(catalogue).Keys(kind).ToList();
            Assert.Equal(expected, catalogue.Snapshot.Nodes(kind).Select(n => n.Key).ToList());
            Assert.Equal(expected, catalogue.Snapshot.Nodes(kind, FilterEvaluator.Evaluate(catalogue.Snapshot, kind, null)).Select(n => n.Key).ToList());
        }, iter: 300);

    [Fact]
    public void Related_RandomCatalogues_MatchReference() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, Connections.Length - 1]).Sample((seed, fieldIndex) =>
        {
            var catalogue = Catalogues.Get(seed);
            var snapshot = catalogue.Snapshot;
            var field = Connections[fieldIndex];
            var reference = new Reference(catalogue);
            foreach (var node in snapshot.Nodes(field.Owner))
            {
                var expected = reference.Related(field.Owner, node.Key, field).ToHashSet();
                var related = node.Related(field);
                Assert.True(expected.SetEquals(related.Select(n => n.Key)), $"{node}.{field.Name}");
                Assert.Equal(related.Count, related.Distinct().Count());
                Assert.Equal(related.FirstOrDefault(), node.FirstRelated(field));
                Assert.Equal(related.Select(n => n.Key), snapshot.Nodes(field.Target, snapshot.RelatedSet(node, field)).Select(n => n.Key));
            }
        }, iter: 200);

    [Fact]
    public void RelatedConnections_PagedToTheEnd_GiveEveryMatchingRelatedNodeOnce() =>
        Gen.Select(Gen.Int[0, 200], Gen.Int[0, Connections.Length - 1], Gen.Int, Gen.Int[1, 4]).Sample((seed, fieldIndex, filterSeed, size) =>
        {
            var catalogue = Catalogues.Get(seed);
            var snapshot = catalogue.Snapshot;
            var field = Connections[fieldIndex];
            var filter = new Random(filterSeed).Next(3) == 0 ? null : RandomFilters.Make(new Random(filterSeed), field.Target);
            var reference = new Reference(catalogue);
            var matching = reference.Evaluate(field.Target, filter);
            var parents = snapshot.Nodes(field.Owner).ToList();
            var seen = parents.ToDictionary(p => p, _ => new List<string>());
            IReadOnlyDictionary<GraphNode, NodeConnection> pages = new Dictionary<GraphNode, NodeConnection>();
            RandomFilters.AnswerOrRefuseUnknown(snapshot, [filter], () => pages = NodeConnection.Related(snapshot, field, parents, filter, [], new PageRequest(size)));
            while (pages.Count > 0)
            {
                var next = new Dictionary<GraphNode, string>();
                foreach (var (parent, page) in pages)
                {
                    var expected = reference.Related(field.Owner, parent.Key, field).Where(matching.Contains).ToHashSet();
                    Assert.Equal(expected.Count, page.TotalCount);
                    Assert.True(page.Nodes.Count() <= size);
                    seen[parent].AddRange(page.Nodes.Select(n => n.Key));
                    if (page.HasNext)
                        next[parent] = page.EndCursor!;
                    else
                        Assert.True(expected.SetEquals(seen[parent]) && seen[parent].Count == expected.Count, $"{parent}.{field.Name} where {filter}");
                }

                // Parents whose pages continue resume from their own cursor (a query's next page, per parent).
                pages = next.SelectMany(p => NodeConnection.Related(snapshot, field, [p.Key], filter, [], new PageRequest(size, p.Value))).ToDictionary();
            }
        }, iter: 200);

    [Fact]
    public void Find_SameNodeTwice_IsEqualAndHashesAlike()
    {
        var snapshot = Catalogues.Get(7).Snapshot;
        var nodes = snapshot.Nodes(GraphModel.Series).ToList();
        Assert.True(nodes.Count > 1);
        var again = snapshot.Find(GraphModel.Series, nodes[0].Key)!;
        Assert.NotSame(nodes[0], again);
        Assert.Equal(nodes[0], again);
        Assert.Equal(nodes[0].GetHashCode(), again.GetHashCode());
        Assert.NotEqual(nodes[0], nodes[1]);
    }
}
