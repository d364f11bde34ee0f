using Graph.Domain;

namespace Graph.Store.Neo4j;

/// <summary>Cuts a ChangeSet into batched statements in the order the SQLite store applies it.</summary>
/// <remarks>
/// Order: node upserts, relationship upserts, relationship deletions, node deletions (relationships first).
/// A node or relationship given twice goes into a later batch ("generation") so the second is merged into the
/// first exactly as a row-by-row store would; deletions given twice are deleted once.
/// </remarks>
internal sealed class ChangeSetPlan
{
    private ChangeSetPlan(IReadOnlyList<PlanStep> steps) => Steps = steps;

    /// <summary>The statements to run in order.</summary>
    public IReadOnlyList<PlanStep> Steps { get; }

    /// <summary>Plans a ChangeSet with at most <paramref name="batchSize"/> rows per statement.</summary>
    /// <exception cref="GraphStoreException">A label, relationship or property name the store cannot write.</exception>
    public static ChangeSetPlan Build(ChangeSet changes, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var steps = new List<PlanStep>();

        var nodes = new Batches<NodeKind>();
        foreach (var node in changes.Nodes)
        {
            var kind = GraphModel.Kind(node.Label) ?? throw new GraphStoreException($"Node {node.Ref}: unknown label; the Neo4j store writes the labels of the graph model only.");
            nodes.Add(kind, $"{node.Label}\n{node.Key}", new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = node.Key,
                ["props"] = Properties(node.Properties, kind.Field, kind.KeyField, node.Ref.ToString()),
            });
        }

        foreach (var (kind, rows) in nodes.InOrder())
            AddChunks(steps, rows, batchSize, chunk => new PlanStep(PlanStepKind.UpsertNodes, Neo4jStatements.For(kind).Upsert, "rows", chunk));

        var edges = new Batches<RelationKind>();
        for (var i = 0; i < changes.Edges.Count; i++)
        {
            var edge = changes.Edges[i];
            var kind = Relation(edge);
            edges.Add(kind, Identity(edge), new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["i"] = (long)i,
                ["from"] = edge.From.Key,
                ["to"] = edge.To.Key,
                ["props"] = Properties(edge.Properties, name => kind.Properties.FirstOrDefault(p => p.Name == name), null, edge.ToString()),
            });
        }

        foreach (var (kind, rows) in edges.InOrder())
        {
            var statements = Neo4jStatements.For(kind);
            AddChunks(steps, rows, batchSize, chunk => new PlanStep(PlanStepKind.UpsertEdges, statements.Upsert, "rows", chunk, statements));
        }

        var deletedEdges = new Batches<RelationKind>(distinct: true);
        foreach (var edge in changes.DeletedEdges)
        {
            deletedEdges.Add(Relation(edge), Identity(edge), new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["from"] = edge.From.Key,
                ["to"] = edge.To.Key,
            });
        }

        foreach (var (kind, rows) in deletedEdges.InOrder())
            AddChunks(steps, rows, batchSize, chunk => new PlanStep(PlanStepKind.DeleteEdges, Neo4jStatements.For(kind).Delete, "rows", chunk));

        var deletedNodes = new Batches<NodeKind>(distinct: true);
        foreach (var node in changes.DeletedNodes)
        {
            var kind = GraphModel.Kind(node.Label) ?? throw new GraphStoreException($"Cannot delete {node}: unknown label.");
            deletedNodes.Add(kind, $"{node.Label}\n{node.Key}", node.Key);
        }

        foreach (var (kind, keys) in deletedNodes.InOrder())
        {
            var statements = Neo4jStatements.For(kind);
            foreach (var chunk in keys.Chunk(batchSize))
            {
                steps.Add(new PlanStep(PlanStepKind.DeleteNodeEdges, statements.DeleteEdges, "keys", chunk));
                steps.Add(new PlanStep(PlanStepKind.DeleteNodes, statements.Delete, "keys", chunk));
            }
        }

        return new ChangeSetPlan(steps);
    }

    private static void AddChunks(List<PlanStep> steps, List<object?> rows, int batchSize, Func<object?[], PlanStep> step)
    {
        foreach (var chunk in rows.Chunk(batchSize))
            steps.Add(step(chunk));
    }

    private static RelationKind Relation(EdgeRecord edge) =>
        GraphModel.Relation(edge.Type, edge.From.Label, edge.To.Label)
        ?? throw new GraphStoreException($"Relationship {edge}: no relationship {edge.Type} joins {edge.From.Label} to {edge.To.Label}.");

    private static string Identity(EdgeRecord edge) => $"{edge.From.Label}\n{edge.From.Key}\n{edge.Type}\n{edge.To.Label}\n{edge.To.Key}";

    private static Dictionary<string, object?> Properties(
        IReadOnlyDictionary<string, object?> properties, Func<string, FieldDef?> fields, string? keyField, string owner)
    {
        var result = new Dictionary<string, object?>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (Neo4jStatements.IsSystemProperty(name) || name == keyField)
                throw new GraphStoreException($"{owner}: property '{name}' is reserved by the Neo4j store.");
            result[name] = Typed(fields(name), value);
        }

        return result;
    }

    // Values go out with the type their field declares, so a Float field written as 3 is stored (and read) as 3.0.
    private static object? Typed(FieldDef? field, object? value)
    {
        if (value is null)
            return null;
        var normalized = PropertyValues.Normalize(value);
        if (field is null)
            return normalized;
        var coerced = PropertyValues.Coerce(field, normalized, out var error);
        return error is null ? coerced : normalized;
    }
}
