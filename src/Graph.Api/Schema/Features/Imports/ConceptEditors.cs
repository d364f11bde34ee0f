using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using Graph.Ingest.Concepts;
using GraphQL;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>The concept mutations' view of their caller, and their refusals as GraphQL errors.</summary>
internal static class ConceptEditors
{
    /// <summary>What a partner may write with the mapping mutations, for their descriptions.</summary>
    public static string MappingRule =>
        $"A partner may add, change or remove only mappings it wrote from concepts it created, may create concepts only of a prefix whose concepts "
        + $"(compared ignoring case) it created all and that is not a reference system's ({ReferenceList}), and may not sign with the seed vocabulary's "
        + "author; anything else is FORBIDDEN (curators and admins may).";

    /// <summary>What a partner may write with importVocabulary, for its description.</summary>
    public static string VocabularyRule =>
        $"A partner may import only concepts it created, or new ones of a prefix whose concepts (compared ignoring case) it created all and that is not "
        + $"a reference system's ({ReferenceList}); any other row makes the whole import FORBIDDEN, partial or not (curators and admins may).";

    private static string ReferenceList => string.Join(", ", ReferenceSystems.Prefixes.Order(StringComparer.Ordinal));

    /// <summary>The request's caller as the editor of concepts: its id is recorded with the mappings it writes; curators and admins curate.</summary>
    public static ConceptEditor Of(IResolveFieldContext context)
    {
        var caller = CatalogRequest.From(context).Caller;
        return new ConceptEditor(caller.Id, AccessPolicy.Curates(caller.Role));
    }

    /// <summary>A refused change as a FORBIDDEN error naming each CURIE and the rule.</summary>
    public static ExecutionError Forbidden(ConceptChangeForbiddenException e) => new(e.Message) { Code = ErrorCodes.Forbidden };
}
