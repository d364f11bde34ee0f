namespace Graph.Domain;

/// <summary>The value type of a node or relationship property.</summary>
public enum ValueKind
{
    /// <summary>Text; stored as a string.</summary>
    String,

    /// <summary>A 32-bit whole number; stored as a long.</summary>
    Int,

    /// <summary>A 64-bit whole number (sizes in bytes); stored as a long.</summary>
    Long,

    /// <summary>A floating-point number; stored as a double.</summary>
    Float,

    /// <summary>True or false.</summary>
    Bool,

    /// <summary>A list of short texts (modalities in a study, synonyms).</summary>
    StringList,
}
