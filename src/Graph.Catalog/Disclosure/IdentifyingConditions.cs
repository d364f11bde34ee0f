using Graph.Catalog.Access;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Limits conditions that name individual records to the records the caller may read, inside aggregate answers.</summary>
/// <remarks>
/// A natural key of a patient-level record (pseudonym, diagnosis id, study, series and annotation UIDs) names one person,
/// and so does membership of a saved cohort (which may hold one patient). Such a condition inside a count over records the
/// caller may not read would turn the count into a yes/no question about that person, so it matches only readable records:
/// the unreadable part of the answer is then the same whether or not the person is in the catalogue.
/// </remarks>
internal static class IdentifyingConditions
{
    /// <summary>The filter with every identifying condition limited to the records <paramref name="readable"/> gives for a kind.</summary>
    /// <param name="filter">A filter on <paramref name="kind"/>, or null.</param>
    /// <param name="kind">The kind the filter applies to.</param>
    /// <param name="readable">The readable records of a kind, as a filter.</param>
    /// <param name="limited">Receives the paths of the conditions that were limited.</param>
    public static Filter? Limit(Filter? filter, NodeKind kind, Func<NodeKind, SetFilter> readable, ICollection<string> limited) =>
        filter is null ? null : Limit(filter, kind, readable, limited, "");

    private static Filter Limit(Filter filter, NodeKind kind, Func<NodeKind, SetFilter> readable, ICollection<string> limited, string prefix)
    {
        switch (filter)
        {
            case FieldFilter field when field.Field == kind.KeyField && RecordAccess.PatientLevelKinds.Contains(kind):
                limited.Add(prefix + field.Field);
                return new AndFilter([field, readable(kind)]);
            case AndFilter and:
                return new AndFilter(and.Items.Select(i => Limit(i, kind, readable, limited, prefix)).ToArray());
            case OrFilter or:
                return new OrFilter(or.Items.Select(i => Limit(i, kind, readable, limited, prefix)).ToArray());
            case NotFilter not:
                return new NotFilter(Limit(not.Inner, kind, readable, limited, prefix));
            case RelationFilter relation when RelationField.Find(kind, relation.Field) is { } field:
                var limitedRelation = relation with { Inner = Limit(relation.Inner, field.Target, readable, limited, $"{prefix}{relation.Field}.") };
                if (!field.Steps.Any(s => s.Relation.From == GraphModel.Cohort || s.Relation.To == GraphModel.Cohort) || !RecordAccess.PatientLevelKinds.Contains(kind))
                    return limitedRelation;
                limited.Add(prefix + relation.Field);
                return new AndFilter([limitedRelation, readable(kind)]);
            default:
                return filter;
        }
    }
}
