using GraphQL.Validation;
using GraphQL.Validation.Rules;

namespace Graph.Api.Schema.Execution;

/// <summary>GraphQL.NET's rules about variables, run only for documents that have one: NoUndefinedVariables walks the whole
/// operation again with type information to find where variables are used even when none is (an eighth of validating a
/// facet query written with its values in the text).</summary>
internal static class VariableRules
{
    /// <summary>The rule itself, or, for a rule about variables, the rule skipped in documents without a variable.</summary>
    public static IValidationRule OnlyWithVariables(IValidationRule rule) =>
        rule is VariablesAreInputTypes or NoUndefinedVariables or NoUnusedVariables or UniqueVariableNames or VariablesInAllowedPosition
            ? new WhenVariables(rule)
            : rule;

    /// <summary>Whether a document may hold a variable: every variable, defined or used, begins with '$', so a document whose text
    /// has none has no variable. A document without its text (built, not parsed) is taken to have some.</summary>
    public static bool MayHaveVariables(GraphQLParser.AST.GraphQLDocument document) =>
        document.Source.Length == 0 || document.Source.Span.Contains('$');

    private sealed class WhenVariables(IValidationRule rule) : IValidationRule
    {
        public ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
            MayHaveVariables(context.Document) ? rule.GetPreNodeVisitorAsync(context) : default;

        public ValueTask<IVariableVisitor?> GetVariableVisitorAsync(ValidationContext context) =>
            MayHaveVariables(context.Document) ? rule.GetVariableVisitorAsync(context) : default;

        public ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context) =>
            MayHaveVariables(context.Document) ? rule.GetPostNodeVisitorAsync(context) : default;
    }
}
