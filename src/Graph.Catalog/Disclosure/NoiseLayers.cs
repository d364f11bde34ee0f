using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Splits a filter into its atoms, the single comparisons that each carry a layer of noise.</summary>
/// <remarks>
/// An atom is one comparison (a bound of a range, one value of an in-list, a text match, a concept), lifted back to the
/// filter's kind through the relationship and not-filters around it, and seeded by the set of records it selects in the
/// whole catalogue. So the same condition written another way (in versus several eq, reordered and/or, gt 59 versus gte 60,
/// a relationship walked directly or through a derived path) gives the same noise, and an attacker who varies the other
/// parts of a question to average the noise away (the upper bound of a range, the chaff of an in-list or an or) keeps the
/// layers of the atoms that single out the target, which never change. Conditions limited to readable records carry no
/// layer: they cannot select what is protected.
/// </remarks>
internal static class NoiseLayers
{
    /// <summary>In-lists give one atom per value up to this many values; the rest of a longer list share one atom.</summary>
    public const int MaxAtomsPerList = 100;

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
        switch (filter)
        {
            case AndFilter { Items: [_, SetFilter] }:
            case SetFilter:
                // Limited to readable records (or a fixed set the caller chose, such as a cohort's members, seeded elsewhere).
                break;
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
            case FieldFilter { Operator: FilterOperator.In or FilterOperator.NotIn, Value: IEnumerable<object?> values } list:
                var single = list.Operator == FilterOperator.In ? FilterOperator.Eq : FilterOperator.Neq;
                var ordered = values.OrderBy(v => v?.ToString(), StringComparer.Ordinal).ToList();
                foreach (var value in ordered.Take(MaxAtomsPerList))
                    layers.Add(lift(new FieldFilter(list.Field, single, value)));
                if (ordered.Count > MaxAtomsPerList)
                    layers.Add(lift(list with { Value = ordered.Skip(MaxAtomsPerList).ToList() }));
                break;
            default:
                layers.Add(lift(filter));
                break;
        }
    }
}
