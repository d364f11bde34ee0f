namespace Graph.Domain;

/// <summary>A label of the graph with its natural key and properties.</summary>
/// <param name="Label">The node label, also the GraphQL type name (Series, Patient, ...).</param>
/// <param name="KeyField">The name of the natural key field (seriesInstanceUid, slug, ...).</param>
/// <param name="KeyDescription">What the natural key is.</param>
/// <param name="Plural">The camelCase plural used for root connections.</param>
/// <param name="Description">One sentence for the schema documentation.</param>
/// <param name="Fields">The properties other than the key.</param>
public sealed record NodeKind(
    string Label,
    string KeyField,
    string KeyDescription,
    string Plural,
    string Description,
    IReadOnlyList<FieldDef> Fields)
{
    private readonly Dictionary<string, FieldDef> _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>The largest accepted natural key, in characters.</summary>
    public const int MaxKeyLength = 256;

    /// <summary>The fields nodes of the kind can be sorted by: the key, then every single-valued field.</summary>
    public IEnumerable<string> SortableFields => Fields.Where(f => f.Type != ValueKind.StringList && !f.Internal).Select(f => f.Name).Prepend(KeyField);

    /// <summary>Finds a field by name.</summary>
    public FieldDef? Field(string name) => _byName.GetValueOrDefault(name);

    /// <inheritdoc />
    public override string ToString() => Label;
}
