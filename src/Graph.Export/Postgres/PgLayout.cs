using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>The PostgreSQL tables of the graph: one per node kind, a foreign key column per relationship with a single end,
/// and a join table per many-to-many relationship kind.</summary>
internal sealed class PgLayout
{
    private readonly Dictionary<string, PgNodeTable> _byLabel;
    private readonly Dictionary<string, object> _byRelation = new(StringComparer.Ordinal);

    private PgLayout()
    {
        NodeTables = GraphModel.NodeKinds.Select(k => new PgNodeTable(k)).ToArray();
        _byLabel = NodeTables.ToDictionary(t => t.Kind.Label, StringComparer.Ordinal);
        var joins = new List<PgJoinTable>();
        foreach (var relation in GraphModel.Relations)
        {
            var from = _byLabel[relation.From.Label];
            var to = _byLabel[relation.To.Label];
            if (relation.ReverseSingle && relation.Properties.Count == 0)
            {
                var key = new PgForeignKey(relation, $"{from.Name}_id", from, OwnerIsFrom: false);
                to.ForeignKeys.Add(key);
                _byRelation[relation.Id] = key;
            }
            else if (relation.ForwardSingle && relation.Properties.Count == 0)
            {
                var key = new PgForeignKey(relation, $"{to.Name}_id", to, OwnerIsFrom: true);
                from.ForeignKeys.Add(key);
                _byRelation[relation.Id] = key;
            }
            else
            {
                var join = new PgJoinTable(relation, from, to);
                joins.Add(join);
                _byRelation[relation.Id] = join;
            }
        }

        JoinTables = joins;
    }

    /// <summary>The layout of the current graph model.</summary>
    public static PgLayout Instance { get; } = new();

    public IReadOnlyList<PgNodeTable> NodeTables { get; }

    public IReadOnlyList<PgJoinTable> JoinTables { get; }

    /// <summary>Every table name, node tables first.</summary>
    public IEnumerable<string> TableNames => NodeTables.Select(t => t.Name).Concat(JoinTables.Select(j => j.Name));

    public PgNodeTable? Table(string label) => _byLabel.GetValueOrDefault(label);

    /// <summary>Where a relationship kind is held: a <see cref="PgForeignKey"/> or a <see cref="PgJoinTable"/>.</summary>
    public object? Holder(RelationKind relation) => _byRelation.GetValueOrDefault(relation.Id);
}
