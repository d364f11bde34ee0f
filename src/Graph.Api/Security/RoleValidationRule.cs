using Graph.Api.Schema.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Security;

/// <summary>Rejects a document before it runs when it selects a field the caller's role may not run.</summary>
internal sealed class RoleValidationRule : ValidationRuleBase
{
    public static RoleValidationRule Instance { get; } = new();

    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((node, context) =>
    {
        var field = context.TypeInfo.GetFieldDef();
        if (field is null)
            return;
        var isMutation = ReferenceEquals(context.TypeInfo.GetParentType(), context.Schema.Mutation);
        var allowed = AccessPolicy.AllowedRoles(field, isMutation);
        if (allowed is null)
            return;
        var caller = Caller.From(context.User);
        if (allowed.Contains(caller.Role))
            return;
        var roles = string.Join(", ", allowed.Select(AccessPolicy.Name));
        context.ReportError(caller.Role == CatalogRole.Anonymous
            ? new ValidationError(context.Document.Source, null, $"'{field.Name}' needs credentials with the role {roles}; send an API key or a bearer token.", node) { Code = ErrorCodes.Unauthenticated }
            : new ValidationError(context.Document.Source, null, $"'{field.Name}' needs the role {roles}; yours is {AccessPolicy.Name(caller.Role)}.", node) { Code = ErrorCodes.Forbidden });
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
