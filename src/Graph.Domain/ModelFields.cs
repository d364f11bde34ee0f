namespace Graph.Domain;

/// <summary>Terse builders for the tables of <see cref="GraphModel"/>: one line per field or relationship kind.</summary>
internal static class ModelFields
{
    /// <summary>A text field.</summary>
    public static FieldDef S(string name, string description, bool facet = false, int maxLength = 1024) =>
        new(name, ValueKind.String, description) { IsFacet = facet, MaxLength = maxLength };

    /// <summary>A text field that takes one of a few values, counted in facets.</summary>
    public static FieldDef E(string name, string description, params string[] values) =>
        new(name, ValueKind.String, description) { IsFacet = true, AllowedValues = values, MaxLength = 64 };

    /// <summary>A whole-number field within bounds.</summary>
    public static FieldDef I(string name, string description, double min, double max) =>
        new(name, ValueKind.Int, description) { Min = min, Max = max };

    /// <summary>A floating-point field within bounds.</summary>
    public static FieldDef F(string name, string description, double min, double max) =>
        new(name, ValueKind.Float, description) { Min = min, Max = max };

    /// <summary>A relationship kind with the field names and cardinality of both its directions.</summary>
    public static RelationKind R(string type, NodeKind from, NodeKind to, string forward, bool forwardSingle, string reverse, bool reverseSingle, string description) =>
        new(type, from, to, forward, forwardSingle, reverse, reverseSingle, description);
}
