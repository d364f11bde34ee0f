using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>A true/false column: 1, 0, or -1 when missing.</summary>
internal sealed class BoolColumn(FieldDef field, ChunkedArray<sbyte> values) : Column(field)
{
    public ChunkedArray<sbyte> Values { get; } = values;

    public sbyte Value(int ordinal) => ordinal < Values.Length ? Values[ordinal] : (sbyte)-1;

    public override object? Get(int ordinal) => Value(ordinal) switch
    {
        1 => true,
        0 => false,
        _ => null,
    };

    public override bool Has(int ordinal) => Value(ordinal) >= 0;

    public override ColumnBuilder ToBuilder() => new Builder(this);

    private sealed class Builder(BoolColumn source) : ColumnBuilder
    {
        private readonly ChunkedArrayBuilder<sbyte> _values = new(source.Values, -1);

        public override void Set(int ordinal, object? value) => _values.Set(ordinal, value switch
        {
            true => 1,
            false => 0,
            _ => -1,
        });

        public override Column Build() => new BoolColumn(source.Field, _values.Build());
    }
}
