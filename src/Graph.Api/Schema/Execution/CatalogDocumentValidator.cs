using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>GraphQL.NET's document validator, without two walks it makes again for every request of a cached document
/// (<see cref="ValidatedDocument"/>, found in the request's user context), each computed once per document instead:
/// <list type="bullet">
/// <item>before it coerces the variables it walks the whole operation with type information to find where each variable is
/// used (only to learn whether a nullable variable is used where a value is required): a fifth of a cached key lookup's time.
/// The usages are handed to the validator's context before it runs.</item>
/// <item>when no rule is left to run (<see cref="CatalogExecutor"/> runs none for a document a caller of the same role passed),
/// it walks the operation again to parse argument and directive values: <see cref="ArgumentPlan"/> parses them where it found
/// them, with GraphQL.NET's own coercion, and the variables are coerced by GraphQL.NET's own context.</item>
/// </list>
/// Everything else, rules, coercion, errors and values, is GraphQL.NET's own.</summary>
/// <remarks>GraphQL.NET has no public way in: the usages go into the context's private cache
/// (<c>ValidationContext._variables</c>), and the context into a new validator's reusable-context slot
/// (<c>DocumentValidator._reusableValidationContext</c>). Both are checked on every test run by
/// <c>DocumentCacheTests.Validate_CachedDocument_UsesTheDocumentsVariableUsagesInsteadOfWalkingItAgain</c>: after a GraphQL.NET
/// upgrade that renames either, it fails (a missing field throws <see cref="MissingFieldException"/>).</remarks>
internal sealed class CatalogDocumentValidator : IDocumentValidator
{
    private readonly DocumentValidator _validator = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (ValidatedDocument.In(options.UserContext) is not { } validated || !ReferenceEquals(validated.Document, options.Document))
            return _validator.ValidateAsync(options);
        if (options.Rules is ICollection<IValidationRule> { Count: 0 })
            return ParseAsync(options, validated);
        if (options.Operation.Variables is not { Count: > 0 })
            return _validator.ValidateAsync(options);

        options.Schema.Initialize();
        var validator = new DocumentValidator();
        ReusableContext(validator) = Context(options, validated);
        return validator.ValidateAsync(options);
    }

    // What GraphQL.NET's validator does without rules: coerce the variables, then parse argument and directive values.
    private static async Task<IValidationResult> ParseAsync(ValidationOptions options, ValidatedDocument validated)
    {
        options.Schema.Initialize();
        var context = Context(options, validated);
        context.Schema = options.Schema;
        context.Document = options.Document;
        context.Operation = options.Operation;
        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.UserContext = options.UserContext;
        context.Metrics = options.Metrics;
        context.RequestServices = options.RequestServices;
        context.User = options.User;
        context.CancellationToken = options.CancellationToken;
        var (variables, errors) = await context.GetVariablesValuesAsync().ConfigureAwait(false);
        if (errors is not null)
            return new ValidationResult(errors) { Variables = variables };
        var (arguments, directives, invalid) = validated.Arguments(options.Schema, options.Operation).Parse(options.Schema, options.Document, variables);
        return new ValidationResult(invalid ?? []) { Variables = variables, ArgumentValues = arguments, DirectiveValues = directives };
    }

    private static ValidationContext Context(in ValidationOptions options, ValidatedDocument validated)
    {
        var context = new ValidationContext();
        if (options.Operation.Variables is { Count: > 0 })
            VariableUsages(context)[options.Operation] = validated.VariableUsages(options.Schema, options.Operation);
        return context;
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_variables")]
    private static extern ref Dictionary<GraphQLOperationDefinition, List<VariableUsage>?> VariableUsages(ValidationContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_reusableValidationContext")]
    private static extern ref ValidationContext? ReusableContext(DocumentValidator validator);
}
