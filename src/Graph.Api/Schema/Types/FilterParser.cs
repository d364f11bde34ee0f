using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Features.Search;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;

namespace Graph.Api.Schema.Types;

/// <summary>Turns a <c>where:</c> argument (parsed to dictionaries) into a catalogue <see cref="Filter"/>.</summary>
internal static class FilterParser
{
    private static readonly Dictionary<string, FilterOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = FilterOperator.Eq,
        ["neq"] = FilterOperator.Neq,
        ["in"] = FilterOperator.In,
        ["nin"] = FilterOperator.NotIn,
        ["gt"] = FilterOperator.Gt,
        ["gte"] = FilterOperator.Gte,
        ["lt"] = FilterOperator.Lt,
        ["lte"] = FilterOperator.Lte,
        ["contains"] = FilterOperator.Contains,
        ["startsWith"] = FilterOperator.StartsWith,
    };

    public static Filter? Parse(NodeKind kind, object? where, int maxDepth) =>
        where is IDictionary<string, object?> map ? Parse(kind, map, maxDepth, 0) : null;

    private static Filter Parse(NodeKind kind, IDictionary<string, object?> map, int maxDepth, int depth)
    {
        if (depth > maxDepth)
            throw ErrorCodes.BadInput($"The filter is nested deeper than {maxDepth} levels.");
        var items = new List<Filter>();
        foreach (var (name, value) in map)
        {
            switch (name)
            {
                case "and" when value is IEnumerable<object?> list:
                    items.Add(new AndFilter(list.Select(v => Parse(kind, AsMap(v), maxDepth, depth + 1)).ToArray()));
                    break;
                case "or" when value is IEnumerable<object?> list:
                    items.Add(new OrFilter(list.Select(v => Parse(kind, AsMap(v), maxDepth, depth + 1)).ToArray()));
                    break;
                case "not" when value is IDictionary<string, object?> inner:
                    items.Add(new NotFilter(Parse(kind, inner, maxDepth, depth + 1)));
                    break;
                case "and" or "or" or "not":
                    break;
                default:
                    items.Add(ParseField(kind, name, AsMap(value), maxDepth, depth));
                    break;
            }
        }

        return items.Count == 1 ? items[0] : new AndFilter(items);
    }

    private static Filter ParseField(NodeKind kind, string name, IDictionary<string, object?> conditions, int maxDepth, int depth)
    {
        if (RelationField.Find(kind, name) is { } relation)
        {
            if (relation.Single)
                return new RelationFilter(name, Quantifier.Some, Parse(relation.Target, conditions, maxDepth, depth + 1));
            var quantified = conditions
                .Where(c => c.Value is IDictionary<string, object?>)
                .Select(c => (Filter)new RelationFilter(
                    name,
                    c.Key switch { "all" => Quantifier.All, "none" => Quantifier.None, _ => Quantifier.Some },
                    Parse(relation.Target, (IDictionary<string, object?>)c.Value!, maxDepth, depth + 1)))
                .ToArray();
            return quantified.Length == 1 ? quantified[0] : new AndFilter(quantified);
        }

        var field = kind.Field(name);
        var items = conditions.Select(c => c.Key == ConceptMatchInputGraphType.Operator
            ? ConceptMatchInputGraphType.Parse(name, c.Value)
            : new FieldFilter(name, Operators[c.Key], Normalize(field, c.Value))).ToArray();
        return items.Length == 1 ? items[0] : new AndFilter(items);
    }

    private static object? Normalize(FieldDef? field, object? value) => value switch
    {
        null => null,
        int i => (long)i,
        decimal m => (double)m,
        float f => (double)f,
        string or long or double or bool => value,
        System.Numerics.BigInteger b => (double)b,
        IEnumerable<object?> list => list.Select(v => Normalize(field, v)).ToArray(),
        _ => value,
    };

    private static IDictionary<string, object?> AsMap(object? value) =>
        value as IDictionary<string, object?> ?? new Dictionary<string, object?>();
}
