using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>Counts the fields a document selects once its fragments are expanded, without expanding them.</summary>
/// <remarks>
/// Fragments that spread other fragments several times grow exponentially ("billion laughs": 30 levels of three
/// spreads is 3^30 fields in a few hundred bytes); validating such a document hangs the executor, so it is refused first.
/// A location with more than 20 directives counts as too large as well.
/// </remarks>
internal static class DocumentSize
{
    private const int MaxDirectivesPerLocation = 20;

    /// <summary>The fields of the largest operation with fragments expanded, counted up to <paramref name="limit"/> + 1.</summary>
    public static long ExpandedFields(GraphQLDocument document, long limit)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        long largest = 0;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            largest = Math.Max(largest, Count(operation.SelectionSet, fragments, sizes, visiting, limit));
        return largest;
    }

    private static long Count(GraphQLSelectionSet? set, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, HashSet<string> visiting, long limit)
    {
        long total = 0;
        foreach (var selection in set?.Selections ?? [])
        {
            // Validation compares the directives of one location pairwise; thousands of them take seconds.
            if (selection is IHasDirectivesNode { Directives.Count: > MaxDirectivesPerLocation })
                return limit + 1;
            total += selection switch
            {
                GraphQLField field => 1 + Count(field.SelectionSet, fragments, sizes, visiting, limit),
                GraphQLInlineFragment inline => Count(inline.SelectionSet, fragments, sizes, visiting, limit),
                GraphQLFragmentSpread spread => Fragment(spread.FragmentName.Name.StringValue, fragments, sizes, visiting, limit),
                _ => 0,
            };
            if (total > limit)
                return limit + 1;
        }

        return total;
    }

    private static long Fragment(string name, Dictionary<string, GraphQLFragmentDefinition> fragments, Dictionary<string, long> sizes, HashSet<string> visiting, long limit)
    {
        if (sizes.TryGetValue(name, out var size))
            return size;
        if (!fragments.TryGetValue(name, out var fragment) || !visiting.Add(name))
            return 0; // unknown fragments and cycles are validation errors, reported by the executor
        size = Count(fragment.SelectionSet, fragments, sizes, visiting, limit);
        visiting.Remove(name);
        sizes[name] = size;
        return size;
    }
}
