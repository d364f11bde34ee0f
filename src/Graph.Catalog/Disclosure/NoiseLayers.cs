using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Splits a filter into the conditions that each carry a layer of noise: its largest parts that constrain one field.</summary>
/// <remarks>
/// Each part is lifted back to the filter's kind (through the relationship and not-filters around it) and seeded by the
/// set of records it selects, so that any way of writing the same condition (in versus several eq, reordered and/or, a range
/// written as one or two conditions, a relationship walked directly or through a derived path) gives the same noise. An
/// attacker who varies the other parts of a question to average the noise away keeps the layers of the part that singles
/// out the target, which never change.
/// </remarks>
internal static class NoiseLayers
{
    /// <summary>The noise layers of a filter on a kind, each as a filter on that kind.</summary>
    public static IReadOnlyList<Filter> Of(NodeKind kind, Filter? filter)
    {
        var layers = new List<Filter>();
        if (filter is not null)
            Collect(filter, kind, f => f, layers);
        return layers;
    }

    private static void Collect(Filter filter, NodeKind kind, Func<Filter, Filter> lift, List<Filter> layers)
    {
        if (Field(filter, kind) is { Length: > 0 })
        {
            layers.Add(lift(filter));
            return;
        }

        switch (filter)
        {
            case AndFilter and:
                foreach (var item in and.Items)
                    Collect(item, kind, lift, layers);
                break;
            case OrFilter or:
                foreach (var item in or.Items)
                    Collect(item, kind, lift, layers);
                break;
            case NotFilter not:
                Collect(not.Inner, kind, inner => lift(new NotFilter(inner)), layers);
                break;
            case RelationFilter relation when RelationField.Find(kind, relation.Field) is { } field:
                Collect(relation.Inner, field.Target, inner => lift(relation with { Inner = inner }), layers);
                break;
            default:
                layers.Add(lift(filter));
                break;
        }
    }

    // The one field (Kind.field) all conditions of a filter constrain; "" when there is none (a fixed set), null when several.
    private static string? Field(Filter filter, NodeKind kind)
    {
        switch (filter)
        {
            case FieldFilter field:
                return $"{kind.Label}.{field.Field}";
            case ConceptFilter concept:
                return $"{kind.Label}.{concept.Field}";
            case SetFilter:
                return "";
            case NotFilter not:
                return Field(not.Inner, kind);
            case RelationFilter relation:
                return RelationField.Find(kind, relation.Field) is { } target ? Field(relation.Inner, target.Target) : null;
            case AndFilter and:
                return Same(and.Items, kind);
            case OrFilter or:
                return Same(or.Items, kind);
            default:
                return null;
        }
    }

    private static string? Same(IReadOnlyList<Filter> items, NodeKind kind)
    {
        var found = "";
        foreach (var item in items)
        {
            var field = Field(item, kind);
            if (field is null || (field.Length > 0 && found.Length > 0 && field != found))
                return null;
            if (field.Length > 0)
                found = field;
        }

        return found;
    }
}
