using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>A numeric column stored as doubles (NaN when missing); whole-number fields give back longs.</summary>
internal sealed class NumberColumn(FieldDef field, ChunkedArray<double> values) : Column(field)
{
    public ChunkedArray<double> Values { get; } = values;

    public double Value(int ordinal) => ordinal < Values.Length ? Values[ordinal] : double.NaN;

    public override object? Get(int ordinal)
    {
        var value = Value(ordinal);
        if (double.IsNaN(value))
            return null;
        return Field.Type == ValueKind.Float ? value : (object)(long)value;
    }

    public override bool Has(int ordinal) => !double.IsNaN(Value(ordinal));

    public override ColumnBuilder ToBuilder() => new Builder(this);

    private sealed class Builder(NumberColumn source) : ColumnBuilder
    {
        private readonly ChunkedArrayBuilder<double> _values = new(source.Values, double.NaN);

        public override void Set(int ordinal, object? value) => _values.Set(ordinal, value switch
        {
            long l => l,
            double d => d,
            int i => i,
            _ => double.NaN,
        });

        public override Column Build() => new NumberColumn(source.Field, _values.Build());
    }
}
