using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>Random filters over the random catalogue's fields and relationships, with values that occur and values that do not.</summary>
internal static class RandomFilters
{
    private static readonly Dictionary<string, object?[]> Pools = new()
    {
        ["modality"] = ["MR", "CT", "PT", "US", "XA", null],
        ["bodyPart"] = ["PROSTATE", "BREAST", "brain", "BRAIN EE", null],
        ["sliceThickness"] = [0.5, 1.0, 1.5, 2.5, 3.0, 4.0, null],
        ["imageCount"] = [1L, 50L, 200L, 399L, null],
        ["contrast"] = [true, false, null],
        ["sex"] = ["F", "M", "U", null],
        ["ageAtDiagnosis"] = [1L, 30L, 60L, 89L, null],
        ["year"] = [2010L, 2015L, 2023L, null],
        ["modalitiesInStudy"] = ["MR", "CT", "PT", null],
        ["accessTier"] = ["open", "restricted", null],
        ["title"] = ["Dataset 1", "dataset", null],
    };

    private static readonly string[] Relations = ["studies", "series", "study", "patient", "datasets", "patients", "concepts"];

    public static Filter Make(Random random, NodeKind kind, int depth = 0)
    {
        if (kind.Label == "Concept" || (kind.Label == "Series" && random.Next(5) == 0))
        {
            // Concepts that are in the graph, one that is not, and codes that only occur as field values.
            var curie = random.Next(6) == 0 ? "DCM:XA" : RandomCatalogue.Concepts[random.Next(RandomCatalogue.Concepts.Length)];
            var coded = kind.Label == "Concept" ? "curie" : random.Next(2) == 0 ? "modality" : "bodyPart";
            return new ConceptFilter(coded, curie, random.Next(2) == 0);
        }

        var roll = random.Next(depth >= 2 ? 6 : 10);
        if (roll >= 6)
        {
            var relations = RelationField.Of(kind).Where(r => Relations.Contains(r.Name) && r.Target.Label is "Patient" or "Study" or "Series" or "Dataset" or "Concept").ToList();
            if (roll < 8 && relations.Count > 0)
            {
                var relation = relations[random.Next(relations.Count)];
                var quantifier = relation.Single ? Quantifier.Some : (Quantifier)random.Next(3);
                return new RelationFilter(relation.Name, quantifier, Make(random, relation.Target, depth + 1));
            }

            var items = Enumerable.Range(0, random.Next(1, 3)).Select(_ => Make(random, kind, depth + 1)).ToArray();
            return (roll % 3) switch
            {
                0 => new AndFilter(items),
                1 => new OrFilter(items),
                _ => new NotFilter(items[0]),
            };
        }

        var fields = kind.Fields.Where(f => Pools.ContainsKey(f.Name)).ToList();
        var field = fields[random.Next(fields.Count)];
        var pool = Pools[field.Name];
        var operators = field.Type switch
        {
            ValueKind.String => [FilterOperator.Eq, FilterOperator.Neq, FilterOperator.In, FilterOperator.NotIn, FilterOperator.Contains, FilterOperator.StartsWith, FilterOperator.Gt, FilterOperator.Lte],
            ValueKind.StringList => [FilterOperator.Eq, FilterOperator.Neq, FilterOperator.In, FilterOperator.NotIn, FilterOperator.Contains],
            ValueKind.Bool => [FilterOperator.Eq, FilterOperator.Neq, FilterOperator.In, FilterOperator.NotIn],
            _ => new[] { FilterOperator.Eq, FilterOperator.Neq, FilterOperator.In, FilterOperator.NotIn, FilterOperator.Gt, FilterOperator.Gte, FilterOperator.Lt, FilterOperator.Lte },
        };
        var op = operators[random.Next(operators.Length)];
        object? value = op switch
        {
            FilterOperator.In or FilterOperator.NotIn => Enumerable.Range(0, random.Next(0, 4)).Select(_ => pool[random.Next(pool.Length)]).ToArray(),
            FilterOperator.Contains or FilterOperator.StartsWith => ((string?)pool[random.Next(pool.Length - 1)])! is var text ? text[..Math.Min(text.Length, random.Next(1, 3))].ToLowerInvariant() : "",
            FilterOperator.Eq or FilterOperator.Neq => pool[random.Next(pool.Length)],
            _ => pool[random.Next(pool.Length - 1)],
        };
        return new FieldFilter(field.Name, op, value);
    }

    /// <summary>Runs a facade call on filters that may name a concept the catalogue does not hold: with none it runs as is;
    /// with one, the call must refuse the filters with UNKNOWN_CONCEPT naming such a CURIE (rather than answer zero).</summary>
    public static void AnswerOrRefuseUnknown(CatalogSnapshot snapshot, Filter?[] filters, Action call)
    {
        var unknown = filters.SelectMany(Curies).Where(c => snapshot.Find(GraphModel.Concept, c) is null).ToHashSet(StringComparer.Ordinal);
        if (unknown.Count == 0)
        {
            call();
            return;
        }

        var refused = Assert.Throws<CatalogQueryException>(call);
        Assert.Equal(ConceptCheck.UnknownConcept, refused.Code);
        Assert.Contains(unknown, c => refused.Message.Contains($"'{c}'", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Curies(Filter? filter) => filter switch
    {
        ConceptFilter concept => [concept.Curie],
        AndFilter and => and.Items.SelectMany(Curies),
        OrFilter or => or.Items.SelectMany(Curies),
        NotFilter not => Curies(not.Inner),
        RelationFilter relation => Curies(relation.Inner),
        _ => [],
    };
}
