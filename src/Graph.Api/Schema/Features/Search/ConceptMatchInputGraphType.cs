using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Catalog.Querying;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Search;

/// <summary>The <c>concept:</c> condition of coded fields: a concept from any linked system, optionally with its narrower concepts.</summary>
internal sealed class ConceptMatchInputGraphType : InputObjectGraphType
{
    public const string Operator = "concept";

    public ConceptMatchInputGraphType()
    {
        Name = "ConceptMatchInput";
        Description = "A concept to match, by CURIE, in any system the catalogue links (NCIT:C3058, ICD10:C50, DCM:MR, a partner's code).";
        AddField(new FieldType { Name = "curie", ResolvedType = new NonNullGraphType(Scalars.String), Description = "The concept's CURIE: prefix and code separated by ':'." });
        AddField(new FieldType
        {
            Name = "includeNarrower",
            ResolvedType = Scalars.Boolean,
            DefaultValue = false,
            Description = "Also match narrower concepts, following BROADER links and narrowMatch/broadMatch mappings transitively (exactMatch mappings are always followed).",
        });
    }

    /// <summary>Adds the concept condition to an operation input type.</summary>
    public static InputObjectGraphType CodedOperations(InputObjectGraphType operations)
    {
        operations.AddField(new FieldType
        {
            Name = Operator,
            ResolvedType = new ConceptMatchInputGraphType(),
            Description = "The value is a code of this concept or, through mappings and BROADER links, of a concept it expands to.",
        });
        return operations;
    }

    public static Filter Parse(string field, object? value)
    {
        var map = value as IDictionary<string, object?> ?? throw ErrorCodes.BadInput($"'{field}.concept' needs an object with curie.");
        var curie = map.TryGetValue("curie", out var c) ? c as string : null;
        var narrower = map.TryGetValue("includeNarrower", out var n) && n is true;
        return new ConceptFilter(field, curie ?? "", narrower);
    }
}
