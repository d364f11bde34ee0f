namespace Graph.Domain;

/// <summary>A property of a node kind: its name, type, constraints and whether it is a facet.</summary>
/// <param name="Name">The property name as stored and as exposed in GraphQL (camelCase).</param>
/// <param name="Type">The value type.</param>
/// <param name="Description">One sentence for the schema documentation.</param>
public sealed record FieldDef(string Name, ValueKind Type, string Description)
{
    /// <summary>Whether the field can be counted per value in facets.</summary>
    public bool IsFacet { get; init; }

    /// <summary>The smallest accepted numeric value, if any.</summary>
    public double? Min { get; init; }

    /// <summary>The largest accepted numeric value, if any.</summary>
    public double? Max { get; init; }

    /// <summary>The longest accepted text, in characters.</summary>
    public int MaxLength { get; init; } = 1024;

    /// <summary>The only accepted values, if the field is an enumeration.</summary>
    public IReadOnlyList<string>? AllowedValues { get; init; }

    /// <summary>Whether every node of the kind must carry a value.</summary>
    public bool Required { get; init; }

    /// <summary>The CURIE prefix of the code system the field's values belong to (ICD10, DCM, ...), for coded fields; null otherwise.</summary>
    public string? CodeSystem { get; init; }

    /// <summary>Whether the field's values are whole CURIEs (prefix and code) of concepts, for a string list that codes a node in
    /// several systems at once; like a field with a <see cref="CodeSystem"/>, it makes the node CODED_AS those concepts.</summary>
    public bool HoldsCuries { get; init; }

    /// <summary>Whether the field serves the service's own rules only and is not exposed in GraphQL (results, filters, sorting, facets).</summary>
    public bool Internal { get; init; }

    /// <summary>Whether the field is numeric (Int, Long or Float).</summary>
    public bool IsNumeric => Type is ValueKind.Int or ValueKind.Long or ValueKind.Float;
}
