using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>The values of one field for every node of a table, by ordinal.</summary>
internal abstract class Column(FieldDef field)
{
    public FieldDef Field { get; } = field;

    /// <summary>Gets the stored value of a node, or null when it has none.</summary>
    public abstract object? Get(int ordinal);

    /// <summary>Whether a node has a value.</summary>
    public abstract bool Has(int ordinal);

    /// <summary>Starts the next version of the column.</summary>
    public abstract ColumnBuilder ToBuilder();

    public static Column Create(FieldDef field) => field.Type switch
    {
        ValueKind.String => new StringColumn(field, ChunkedArray<int>.Empty, new ValueDictionary()),
        ValueKind.StringList => new StringListColumn(field, ChunkedArray<int[]?>.Empty, new ValueDictionary()),
        ValueKind.Bool => new BoolColumn(field, ChunkedArray<sbyte>.Empty),
        _ => new NumberColumn(field, ChunkedArray<double>.Empty),
    };
}

/// <summary>Writes the next version of a column.</summary>
internal abstract class ColumnBuilder
{
    public abstract void Set(int ordinal, object? value);

    public abstract Column Build();
}
