using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>The table of a node kind: an integer id, the natural key, a column per property, and a column per single-ended relationship.</summary>
internal sealed class PgNodeTable(NodeKind kind)
{
    public NodeKind Kind { get; } = kind;

    public string Name { get; } = PgNames.Snake(kind.Label);

    public string KeyColumn { get; } = PgNames.Snake(kind.KeyField);

    public IReadOnlyList<PgColumn> Fields { get; } = kind.Fields.Select(PgColumn.Of).ToArray();

    public List<PgForeignKey> ForeignKeys { get; } = [];

    /// <summary>Every column in the order of the CSV file.</summary>
    public IEnumerable<string> ColumnNames =>
        new[] { "id", KeyColumn }.Concat(Fields.Select(f => f.Name)).Concat(ForeignKeys.Select(f => f.Column));
}
