using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Tests;

/// <summary>The plain reference: straightforward LINQ over the same records, with the documented semantics.</summary>
internal sealed class Reference(RandomCatalogue catalogue)
{
    public IEnumerable<string> Keys(NodeKind kind) =>
        catalogue.Order.Where(k => k.Label == kind.Label && catalogue.Nodes.ContainsKey(k)).Select(k => k.Key);

    public HashSet<string> Evaluate(NodeKind kind, Filter? filter) =>
        Keys(kind).Where(key => filter is null || Matches(kind, key, filter)).ToHashSet();

    public IEnumerable<string> Related(NodeKind kind, string key, RelationField field)
    {
        IEnumerable<string> current = [key];
        foreach (var step in field.Steps)
        {
            current = current.SelectMany(k => catalogue.AllEdges()
                    .Where(e => e.Type == step.Relation.Type && e.From.Label == step.Relation.From.Label && e.To.Label == step.Relation.To.Label)
                    .Where(e => step.Forward ? e.From.Key == k : e.To.Key == k)
                    .Select(e => step.Forward ? e.To.Key : e.From.Key))
                .Where(k => catalogue.Nodes.ContainsKey((step.Target.Label, k)))
                .Distinct()
                .ToList();
        }

        return current;
    }

    public object? Value(NodeKind kind, string key, string field) =>
        field == kind.KeyField ? key : catalogue.Nodes[(kind.Label, key)][field];

    private bool Matches(NodeKind kind, string key, Filter filter) => filter switch
    {
        AndFilter and => and.Items.All(f => Matches(kind, key, f)),
        OrFilter or => or.Items.Any(f => Matches(kind, key, f)),
        NotFilter not => !Matches(kind, key, not.Inner),
        RelationFilter relation => MatchesRelation(kind, key, relation),
        FieldFilter field => MatchesField(Value(kind, key, field.Field), field),
        ConceptFilter concept => MatchesConcept(kind, key, concept),
        _ => throw new NotSupportedException(),
    };

    private bool MatchesConcept(NodeKind kind, string key, ConceptFilter filter)
    {
        var expansion = Expand(filter.Curie, filter.IncludeNarrower);
        if (kind.Label == "Concept" && filter.Field == "curie")
            return expansion.Contains(key);
        var system = kind.Field(filter.Field)!.CodeSystem!;
        return Value(kind, key, filter.Field) is string value
            && (expansion.Contains($"{system}:{value}")
                || (filter.IncludeNarrower && system == "ICD10" && value.Length > 4 && value[3] == '.' && expansion.Contains($"ICD10:{value[..3]}")));
    }

    /// <summary>Breadth-first over the live concepts: exact matches both ways; with narrower, BROADER reversed, narrowMatch forward, broadMatch reversed.</summary>
    public HashSet<string> Expand(string curie, bool narrower)
    {
        if (!catalogue.Nodes.ContainsKey(("Concept", curie)))
            return [curie];
        var links = catalogue.Edges.Where(e => e.From.Label == "Concept" && e.To.Label == "Concept").ToList();
        string? Predicate(EdgeRecord e) => e.Type == "MAPS_TO" ? (string?)e.Properties["predicate"] : null;
        var seen = new HashSet<string> { curie };
        var queue = new Queue<string>([curie]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            var next = links.Where(e => Predicate(e) == "exactMatch" && e.From.Key == node).Select(e => e.To.Key)
                .Concat(links.Where(e => Predicate(e) == "exactMatch" && e.To.Key == node).Select(e => e.From.Key));
            if (narrower)
            {
                next = next.Concat(links.Where(e => e.Type == "BROADER" && e.To.Key == node).Select(e => e.From.Key))
                    .Concat(links.Where(e => Predicate(e) == "narrowMatch" && e.From.Key == node).Select(e => e.To.Key))
                    .Concat(links.Where(e => Predicate(e) == "broadMatch" && e.To.Key == node).Select(e => e.From.Key));
            }

            foreach (var n in next.ToList())
            {
                if (catalogue.Nodes.ContainsKey(("Concept", n)) && seen.Add(n))
                    queue.Enqueue(n);
            }
        }

        return seen;
    }

    private bool MatchesRelation(NodeKind kind, string key, RelationFilter filter)
    {
        var field = RelationField.Find(kind, filter.Field)!;
        var related = Related(kind, key, field).ToList();
        return filter.Quantifier switch
        {
            Quantifier.Some => related.Any(r => Matches(field.Target, r, filter.Inner)),
            Quantifier.All => related.All(r => Matches(field.Target, r, filter.Inner)),
            _ => !related.Any(r => Matches(field.Target, r, filter.Inner)),
        };
    }

    private static bool MatchesField(object? value, FieldFilter filter)
    {
        if (value is string[] list)
        {
            var negative = filter.Operator is FilterOperator.Neq or FilterOperator.NotIn && filter.Value is not null;
            var positive = negative ? filter with { Operator = filter.Operator == FilterOperator.Neq ? FilterOperator.Eq : FilterOperator.In } : filter;
            var any = list.Any(item => MatchesField(item, positive));
            return negative ? !any : any;
        }

        var values = filter.Value as object?[];
        return filter.Operator switch
        {
            FilterOperator.Eq => Equals(value, filter.Value),
            FilterOperator.Neq => !Equals(value, filter.Value),
            FilterOperator.In => values!.Any(v => Equals(value, v)),
            FilterOperator.NotIn => !values!.Any(v => Equals(value, v)),
            FilterOperator.Contains => value is string s && TextFold.Fold(s).Contains(TextFold.Fold((string)filter.Value!), StringComparison.Ordinal),
            FilterOperator.StartsWith => value is string s && TextFold.Fold(s).StartsWith(TextFold.Fold((string)filter.Value!), StringComparison.Ordinal),
            _ => value is not null && filter.Value is not null && Compare(value, filter.Value) is var c && filter.Operator switch
            {
                FilterOperator.Gt => c > 0,
                FilterOperator.Gte => c >= 0,
                FilterOperator.Lt => c < 0,
                _ => c <= 0,
            },
        };
    }

    private static new bool Equals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string x, string y) => x == y,
        (bool x, bool y) => x == y,
        _ => Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture) == Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int Compare(object a, object b) => a is string x
        ? string.CompareOrdinal(x, (string)b)
        : Convert.ToDouble(a, System.Globalization.CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, System.Globalization.CultureInfo.InvariantCulture));
}
