using GraphQLParser.AST;

namespace Graph.Api.Export;

/// <summary>Cuts a document down to what one export page runs: the exported operation, the fragments it spreads and the variables
/// it reads, and nothing else, so that it is a valid document on its own.</summary>
internal static class ExportPageDocument
{
    /// <summary>Keeps <paramref name="operation"/>, the fragments its selections spread (directly or through others) and the
    /// variable definitions they read.</summary>
    public static void Trim(GraphQLDocument document, GraphQLOperationDefinition operation)
    {
        var fragments = document.Definitions.OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var spread = new HashSet<string>(StringComparer.Ordinal);
        var read = new HashSet<string>(StringComparer.Ordinal);
        Variables(operation.Directives, read);
        var pending = new Stack<GraphQLSelectionSet>([operation.SelectionSet]);
        while (pending.TryPop(out var set))
        {
            foreach (var selection in set.Selections)
            {
                Variables((selection as IHasDirectivesNode)?.Directives, read);
                switch (selection)
                {
                    case GraphQLField field:
                        foreach (var argument in field.Arguments?.Items ?? [])
                            Variables(argument.Value, read);
                        if (field.SelectionSet is not null)
                            pending.Push(field.SelectionSet);
                        break;
                    case GraphQLInlineFragment inline:
                        pending.Push(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread { FragmentName.Name.StringValue: var name } when spread.Add(name) && fragments.TryGetValue(name, out var fragment):
                        Variables(fragment.Directives, read);
                        pending.Push(fragment.SelectionSet);
                        break;
                }
            }
        }

        document.Definitions = [operation, .. document.Definitions.OfType<GraphQLFragmentDefinition>().Where(f => spread.Contains(f.FragmentName.Name.StringValue))];
        if (operation.Variables is { } variables)
            variables.Items = [.. variables.Items.Where(v => read.Contains(v.Variable.Name.StringValue))];
    }

    private static void Variables(GraphQLDirectives? directives, HashSet<string> read)
    {
        foreach (var directive in directives?.Items ?? [])
        {
            foreach (var argument in directive.Arguments?.Items ?? [])
                Variables(argument.Value, read);
        }
    }

    private static void Variables(GraphQLValue value, HashSet<string> read)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                read.Add(variable.Name.StringValue);
                break;
            case GraphQLListValue list:
                foreach (var item in list.Values ?? [])
                    Variables(item, read);
                break;
            case GraphQLObjectValue obj:
                foreach (var field in obj.Fields ?? [])
                    Variables(field.Value, read);
                break;
        }
    }
}
