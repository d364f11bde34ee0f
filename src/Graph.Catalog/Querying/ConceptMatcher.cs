using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>Evaluates a <see cref="ConceptFilter"/>: the concept's expansion turned into the codes of the field's system, then a scan of the column's codes.</summary>
internal static class ConceptMatcher
{
    public static Bitset Evaluate(CatalogSnapshot snapshot, NodeTable table, ConceptFilter filter, Bitset? scope = null)
    {
        var kind = table.Kind;
        var curie = filter.Curie?.Trim() ?? "";
        if (curie.Length == 0 || curie.IndexOf(':', StringComparison.Ordinal) <= 0 || curie.Length > NodeKind.MaxKeyLength)
            throw new CatalogQueryException($"'{filter.Curie}' is not a CURIE: give a prefix and a code separated by ':' (NCIT:C3058, ICD10:C50, DCM:MR).");
        var expansion = ConceptExpansion.Expand(snapshot, curie, filter.IncludeNarrower);
        if (kind.Label == GraphModel.Concept.Label && filter.Field == kind.KeyField)
        {
            var set = new Bitset(table.Count);
            foreach (var member in expansion)
            {
                if (table.Find(member) is var ordinal and >= 0 && table.IsLive(ordinal))
                    set.Add(ordinal);
            }

            return set;
        }

        var field = kind.Field(filter.Field);
        if (field?.CodeSystem is not { } system || table.Column(field.Name) is not StringColumn column)
        {
            throw new CatalogQueryException(
                $"'{filter.Field}' of {kind.Label} is not a coded field, so it cannot take a concept; coded fields of {kind.Label}: {string.Join(", ", CodedFields(kind).DefaultIfEmpty("none"))}.");
        }

        var prefix = system + ":";
        var codes = expansion.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Select(c => c[prefix.Length..]).ToHashSet(StringComparer.Ordinal);
        var values = column.Values;
        var matching = new bool[values.Count];
        for (var code = 0; code < matching.Length; code++)
        {
            var value = values[code];
            matching[code] = codes.Contains(value) || (filter.IncludeNarrower && CodeHierarchy.Parent(system, value) is { } parent && codes.Contains(parent));
        }

        return FieldMatcher.ScanCodes(table, column, matching, matchMissing: false, scope);
    }

    /// <summary>The fields of a kind that take a concept: coded fields, and the curie of Concept nodes.</summary>
    public static IEnumerable<string> CodedFields(NodeKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (kind.Label == GraphModel.Concept.Label)
            yield return kind.KeyField;
        foreach (var field in kind.Fields)
        {
            if (field.CodeSystem is not null)
                yield return field.Name;
        }
    }
}
