using Graph.Domain;

namespace Graph.Catalog.Storage;

/// <summary>A column of short text lists, dictionary-encoded: an array of codes per node (null when missing).</summary>
internal sealed class StringListColumn(FieldDef field, ChunkedArray<int[]?> codes, ValueDictionary values) : Column(field)
{
    public ChunkedArray<int[]?> Codes { get; } = codes;

    public ValueDictionary Values { get; } = values;

    public int[]? CodesOf(int ordinal) => ordinal < Codes.Length ? Codes[ordinal] : null;

    public override object? Get(int ordinal) => CodesOf(ordinal) is { } list ? Array.ConvertAll(list, c => Values[c]) : null;

    public override bool Has(int ordinal) => CodesOf(ordinal) is not null;

    public override ColumnBuilder ToBuilder() => new Builder(this);

    private sealed class Builder(StringListColumn source) : ColumnBuilder
    {
        private readonly ChunkedArrayBuilder<int[]?> _codes = new(source.Codes, null);

        public override void Set(int ordinal, object? value) =>
            _codes.Set(ordinal, value is string[] list ? Array.ConvertAll(list, source.Values.Intern) : null);

        public override Column Build() => new StringListColumn(source.Field, _codes.Build(), source.Values);
    }
}
