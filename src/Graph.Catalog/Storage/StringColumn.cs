using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>A text column, dictionary-encoded: an int code per node (-1 when missing).</summary>
internal sealed class StringColumn(FieldDef field, ChunkedArray<int> codes, ValueDictionary values) : Column(field)
{
    public ChunkedArray<int> Codes { get; } = codes;

    public ValueDictionary Values { get; } = values;

    public int Code(int ordinal) => ordinal < Codes.Length ? Codes[ordinal] : -1;

    public override object? Get(int ordinal) => Code(ordinal) is var code and >= 0 ? Values[code] : null;

    public override bool Has(int ordinal) => Code(ordinal) >= 0;

    public override ColumnBuilder ToBuilder() => new Builder(this);

    private sealed class Builder(StringColumn source) : ColumnBuilder
    {
        private readonly ChunkedArrayBuilder<int> _codes = new(source.Codes, -1);

        public override void Set(int ordinal, object? value) =>
            _codes.Set(ordinal, value is string s ? source.Values.Intern(s) : -1);

        public override Column Build() => new StringColumn(source.Field, _codes.Build(), source.Values);
    }
}
