using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>The table of a many-to-many relationship kind: the ids of both ends and a column per relationship property.</summary>
internal sealed class PgJoinTable
{
    public PgJoinTable(RelationKind relation, PgNodeTable from, PgNodeTable to)
    {
        Relation = relation;
        From = from;
        To = to;
        Name = $"{from.Name}_{PgNames.Snake(relation.Type)}_{to.Name}";
        var same = from == to;
        FromColumn = same ? $"from_{from.Name}_id" : $"{from.Name}_id";
        ToColumn = same ? $"to_{to.Name}_id" : $"{to.Name}_id";
        Properties = relation.Properties.Select(PgColumn.Of).ToArray();
    }

    public RelationKind Relation { get; }

    public PgNodeTable From { get; }

    public PgNodeTable To { get; }

    public string Name { get; }

    public string FromColumn { get; }

    public string ToColumn { get; }

    public IReadOnlyList<PgColumn> Properties { get; }

    /// <summary>Every column in the order of the CSV file.</summary>
    public IEnumerable<string> ColumnNames => new[] { FromColumn, ToColumn }.Concat(Properties.Select(p => p.Name));
}
