using System.Runtime.CompilerServices;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Graph.Api.Schema.Execution;

/// <summary>GraphQL.NET's document validator, without one cost it pays again for every request: before it coerces the variables
/// it walks the whole operation with type information to find where each variable is used (only to learn whether a nullable
/// variable is used where a value is required). That walk was a fifth of a cached key lookup's time. For a cached document
/// (<see cref="ValidatedDocument"/>, found in the request's user context) the usages are computed once and handed to the
/// validator's context before it runs; everything else, rules, coercion, errors and argument values, is GraphQL.NET's own.</summary>
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
        if (options.Operation.Variables is not { Count: > 0 } || ValidatedDocument.In(options.UserContext) is not { } validated
            || !ReferenceEquals(validated.Document, options.Document))
        {
            return _validator.ValidateAsync(options);
        }

        options.Schema.Initialize();
        var context = new ValidationContext();
        VariableUsages(context)[options.Operation] = validated.VariableUsages(options.Schema, options.Operation);
        var validator = new DocumentValidator();
        ReusableContext(validator) = context;
        return validator.ValidateAsync(options);
    }

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_variables")]
    private static extern ref Dictionary<GraphQLOperationDefinition, List<VariableUsage>?> VariableUsages(ValidationContext context);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_reusableValidationContext")]
    private static extern ref ValidationContext? ReusableContext(DocumentValidator validator);
}
