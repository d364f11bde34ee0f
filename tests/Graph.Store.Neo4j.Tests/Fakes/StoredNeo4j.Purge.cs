using Graph.Domain;

namespace Graph.Store.Neo4j.Tests.Fakes;

partial class StoredNeo4j
{
    /// <summary>Whether a node exists, live or as a tombstone (false once a purge erased it).</summary>
    public bool Exists(string label, string key)
    {
        lock (_gate)
            return _committed.Nodes.ContainsKey((label, key));
    }

    // MATCH (m:GraphMeta), max seq of the changes committed before $before; the horizon only rises; through and erased.
    private static string RaisePurgeHorizon(State state, Dictionary<string, object?> p)
    {
        var before = DateTimeOffset.Parse((string)p["before"]!, System.Globalization.CultureInfo.InvariantCulture);
        var newest = state.Changes.Values.Where(c => c.CommittedAt < before).Select(c => c.Seq).DefaultIfEmpty(0).Max();
        state.PurgedThrough = Math.Max(state.PurgedThrough, newest);
        return QueryApiJson.Result(["through", "erased"], [QueryApiJson.Integer(state.PurgedThrough), QueryApiJson.Integer(state.ErasedThrough)]);
    }

    private static string RecordErased(State state, Dictionary<string, object?> p)
    {
        state.ErasedThrough = Math.Max(state.ErasedThrough, (long)p["through"]!);
        return QueryApiJson.Scalar("erased", QueryApiJson.Integer(state.ErasedThrough));
    }

    // MATCH (n:Label) WHERE $after < n._seq <= $through AND n._deleted = true WITH n LIMIT $limit DETACH DELETE n.
    private static string PurgeNodes(State state, string label, Dictionary<string, object?> p)
    {
        var hit = state.Nodes.Where(n => n.Key.Label == label && IsDeleted(n.Value) && InPurge(n.Value, p)).Take((int)(long)p["limit"]!).Select(n => n.Key).ToList();
        foreach (var node in hit)
        {
            state.Nodes.Remove(node);
            foreach (var edge in state.Edges.Keys.Where(e => (e.Kind.From.Label == label && e.From == node.Key) || (e.Kind.To.Label == label && e.To == node.Key)).ToList())
                state.Edges.Remove(edge);
        }

        return QueryApiJson.Scalar("purged", QueryApiJson.Integer(hit.Count));
    }

    private static string PurgeEdges(State state, RelationKind kind, Dictionary<string, object?> p)
    {
        var hit = state.Edges.Where(e => e.Key.Kind == kind && IsDeleted(e.Value) && InPurge(e.Value, p)).Take((int)(long)p["limit"]!).Select(e => e.Key).ToList();
        foreach (var edge in hit)
            state.Edges.Remove(edge);
        return QueryApiJson.Scalar("purged", QueryApiJson.Integer(hit.Count));
    }

    private static bool InPurge(Dictionary<string, object?> entity, Dictionary<string, object?> p) =>
        entity.GetValueOrDefault("_seq") is long seq && seq > (long)p["after"]! && seq <= (long)p["through"]!;
}
