using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Where a numeric field's value comes from, so that no aggregate over records a caller may not read escapes protection.</summary>
/// <remarks>Every numeric field of the schema declares one (a schema test fails otherwise): a new aggregate field must say what it counts.</remarks>
internal enum DisclosureKind
{
    /// <summary>A value of one record the caller may read (a series' slice thickness).</summary>
    Record,

    /// <summary>An aggregate over the records the caller may read only (a connection's totalCount, facets and histograms).</summary>
    Readable,

    /// <summary>Produced by the disclosure-control layer (protected counts, sizes and facets over the whole catalogue).</summary>
    Protected,

    /// <summary>A public, catalogue-level fact (how many datasets exist, the catalogue version).</summary>
    Public,

    /// <summary>What a mutation did with the caller's own input (rows applied, rejected).</summary>
    Input,
}

/// <summary>Declares and reads the <see cref="DisclosureKind"/> of fields.</summary>
internal static class DisclosureKinds
{
    private const string Key = "catalog:disclosure";

    /// <summary>Declares where a field's value comes from.</summary>
    public static FieldType Disclosed(this FieldType field, DisclosureKind kind)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.Metadata[Key] = kind;
        return field;
    }

    /// <summary>Declares every field of a type, and of the non-node object types under it, that declares nothing yet.</summary>
    /// <remarks>For mutation answers: beyond the nodes they return, they describe what the caller's own write did.</remarks>
    public static void DiscloseAll(IComplexGraphType type, DisclosureKind kind)
    {
        ArgumentNullException.ThrowIfNull(type);
        foreach (var field in type.Fields.Where(f => Of(f) is null))
        {
            field.Disclosed(kind);
            if (Unwrap(field.ResolvedType) is IObjectGraphType inner && !inner.ResolvedInterfaces.Any(i => i.Name == "Node"))
                DiscloseAll(inner, kind);
        }
    }

    private static IGraphType? Unwrap(IGraphType? type) => type switch
    {
        NonNullGraphType nonNull => Unwrap(nonNull.ResolvedType),
        ListGraphType list => Unwrap(list.ResolvedType),
        _ => type,
    };

    /// <summary>What a field declared, or null.</summary>
    public static DisclosureKind? Of(IFieldType field) =>
        field.Metadata.TryGetValue(Key, out var kind) && kind is DisclosureKind known ? known : null;
}
