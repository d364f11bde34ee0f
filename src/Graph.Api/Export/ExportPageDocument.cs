using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Export;

/// <summary>Cuts a document down to what one export page runs: the exported operation, the fragments it spreads and the variables
/// it reads, and nothing else, so that it is a valid document on its own.</summary>
internal static class ExportPageDocument
{
    /// <summary>Keeps <paramref name="operation"/>, the fragments its selections spread (directly or through others) and the
    /// variable definitions they read, as GraphQL.NET's validation finds them.</summary>
    public static void Trim(GraphQLDocument document, GraphQLOperationDefinition operation, ISchema schema)
    {
        var context = new ValidationContext { Schema = schema, Document = document };
        var read = context.GetRecursiveVariables(operation)?.Select(u => u.Node.Name.StringValue).ToHashSet(StringComparer.Ordinal) ?? [];
        document.Definitions = [operation, .. context.GetRecursivelyReferencedFragments(operation) ?? []];
        if (operation.Variables is { } variables)
            variables.Items = [.. variables.Items.Where(v => read.Contains(v.Variable.Name.StringValue))];
    }
}
