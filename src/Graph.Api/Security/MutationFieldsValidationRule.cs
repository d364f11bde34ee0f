using Graph.Api.Schema.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace Graph.Api.Security;

/// <summary>Refuses a mutation that selects more root fields than allowed. Each mutation field commits on its own: thirty aliased
/// <c>saveCohort</c>s in one request wrote thirty cohorts for one rate-limit token, and when the request ran out of time the
/// caller was told it failed although most of them were saved.</summary>
internal sealed class MutationFieldsValidationRule(int maxFields) : ValidationRuleBase
{
    public const string Code = "TOO_MANY_MUTATIONS";

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation == OperationType.Mutation && RootSelection.Fields(context.Operation.SelectionSet, context.Document).Count() > maxFields)
        {
            context.ReportError(new ValidationError(context.Document.Source, null,
                $"A request runs at most {maxFields} mutation field{(maxFields == 1 ? "" : "s")}; send the others in requests of their own (Graph:Limits:MaxMutationFields).",
                context.Operation)
            { Code = Code });
        }

        return default;
    }
}
