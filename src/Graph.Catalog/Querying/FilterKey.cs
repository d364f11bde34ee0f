using System.Globalization;

namespace Graph.Catalog.Querying;

/// <summary>A canonical text for a filter, equal for equal filters (list values included), to key caches.</summary>
internal static class FilterKey
{
    public static string Of(Filter filter) => filter switch
    {
        FieldFilter f => $"{f.Field}:{f.Operator}={Value(f.Value)}",
        AndFilter a => $"and({string.Join(',', a.Items.Select(Of))})",
        OrFilter o => $"or({string.Join(',', o.Items.Select(Of))})",
        NotFilter n => $"not({Of(n.Inner)})",
        RelationFilter r => $"{r.Field}.{r.Quantifier}({Of(r.Inner)})",
        ConceptFilter c => $"{c.Field}:concept{(c.IncludeNarrower ? "+narrower" : "")}={Value(c.Curie)}",
        SetFilter s => $"set:{s.Name}",
        _ => throw new ArgumentException($"Unknown filter {filter.GetType().Name}.", nameof(filter)),
    };

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => "s" + s.Length.ToString(CultureInfo.InvariantCulture) + ":" + s,
        bool b => b ? "true" : "false",
        IFormattable f and not IEnumerable<object?> => "n" + f.ToString("R", CultureInfo.InvariantCulture),
        IEnumerable<object?> list => "[" + string.Join(',', list.Select(Value)) + "]",
        _ => "?" + value,
    };
}
