using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>The root fields an operation selects, also those behind fragment spreads and inline fragments: what the audit names,
/// what a request is charged for and what the mutation limit counts.</summary>
internal static class RootSelection
{
    /// <summary>The root fields of a selection set; each fragment is walked once, so a cycle of fragments (which validation
    /// refuses, yet is audited) ends.</summary>
    public static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet selections, GraphQLDocument? document) => Fields(selections, document, []);

    /// <summary>How many root fields the operation a request names selects; 1 when there is no such operation (the request
    /// fails before it runs anything).</summary>
    public static int Count(GraphQLDocument? document, string? operationName)
    {
        if (document is null || Http.GraphQLHttpEndpoint.Selected(document, operationName) is not { } operation)
            return 1;
        // Most operations select plain fields only: counted without the walk's allocations (this runs for every request).
        var selections = operation.SelectionSet.Selections;
        var plain = 0;
        foreach (var selection in selections)
        {
            if (selection is not GraphQLField)
                return Math.Max(1, Fields(operation.SelectionSet, document).Count());
            plain++;
        }

        return Math.Max(1, plain);
    }

    private static IEnumerable<GraphQLField> Fields(GraphQLSelectionSet selections, GraphQLDocument? document, HashSet<string> spread)
    {
        foreach (var selection in selections.Selections)
        {
            if (selection is GraphQLField field)
                yield return field;
            var inner = selection switch
            {
                GraphQLInlineFragment inline => inline.SelectionSet,
                GraphQLFragmentSpread fragment when spread.Add(fragment.FragmentName.Name.StringValue) => document?.Definitions.OfType<GraphQLFragmentDefinition>()
                    .FirstOrDefault(d => d.FragmentName.Name.StringValue == fragment.FragmentName.Name.StringValue)?.SelectionSet,
                _ => null,
            };
            if (inner is null)
                continue;
            foreach (var name in Fields(inner, document, spread))
                yield return name;
        }
    }
}
