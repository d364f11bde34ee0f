using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Refuses a caller's filter that names a concept the catalogue does not hold, which would otherwise match nothing in silence.</summary>
internal static class ConceptCheck
{
    /// <summary>The error code of a concept filter whose CURIE the catalogue does not hold.</summary>
    public const string UnknownConcept = "UNKNOWN_CONCEPT";

    /// <summary>Throws when a concept condition anywhere in the patient or series criteria names a CURIE the catalogue does not hold.</summary>
    /// <exception cref="CatalogQueryException">With code <see cref="UnknownConcept"/>, naming the CURIE.</exception>
    public static void RequireKnown(CatalogSnapshot snapshot, CohortCriteria criteria)
    {
        RequireKnown(snapshot, criteria.Patients);
        RequireKnown(snapshot, criteria.Series);
    }

    /// <summary>Throws when a concept condition anywhere in <paramref name="filter"/> names a CURIE the catalogue does not hold.</summary>
    /// <exception cref="CatalogQueryException">With code <see cref="UnknownConcept"/>, naming the CURIE.</exception>
    public static void RequireKnown(CatalogSnapshot snapshot, Filter? filter)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        switch (filter)
        {
            case ConceptFilter concept when !Known(snapshot, concept.Curie?.Trim() ?? ""):
                throw new CatalogQueryException(
                    $"Unknown concept '{concept.Curie}' in the condition on '{concept.Field}': the catalogue holds no concept with this CURIE " +
                    "(find one with conceptSearch, or import it with importVocabulary).", UnknownConcept);
            case AndFilter and:
                foreach (var item in and.Items)
                    RequireKnown(snapshot, item);
                break;
            case OrFilter or:
                foreach (var item in or.Items)
                    RequireKnown(snapshot, item);
                break;
            case NotFilter not:
                RequireKnown(snapshot, not.Inner);
                break;
            case RelationFilter relation:
                RequireKnown(snapshot, relation.Inner);
                break;
        }
    }

    // A concept the catalogue holds, or a code its system's structure places under one (ICD10:C50.4 under ICD10:C50).
    // Text that is not a CURIE is left to the matcher, which says why.
    private static bool Known(CatalogSnapshot snapshot, string curie)
    {
        var colon = curie.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || curie.Length > NodeKind.MaxKeyLength)
            return true;
        var table = snapshot.Table(GraphModel.Concept);
        if (table.Find(curie) is var ordinal and >= 0 && table.IsLive(ordinal))
            return true;
        var system = curie[..colon];
        return CodeHierarchy.Parent(system, curie[(colon + 1)..]) is { } parent && table.Find(system + ":" + parent) is var up and >= 0 && table.IsLive(up);
    }
}
