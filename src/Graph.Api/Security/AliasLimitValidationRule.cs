using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Graph.Api.Security;

/// <summary>Rejects documents with more aliased fields than allowed (alias bombs repeat one costly field under many names).</summary>
internal sealed class AliasLimitValidationRule(int maxAliases) : ValidationRuleBase
{
    public const string Code = "TOO_MANY_ALIASES";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new MatchingNodeVisitor<GraphQLField>((field, context) =>
        {
            if (field.Alias is not null && ++count == maxAliases + 1)
                context.ReportError(new ValidationError(context.Document.Source, null, $"The document has more than {maxAliases} aliased fields (Graph:Limits:MaxAliases).", field) { Code = Code });
        }));
    }
}
