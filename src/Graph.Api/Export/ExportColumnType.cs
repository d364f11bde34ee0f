namespace Graph.Api.Export;

/// <summary>The type of an exported column, from the GraphQL type of its field.</summary>
internal enum ExportColumnType
{
    /// <summary>Text (String, ID, enums, and lists of scalars as JSON arrays).</summary>
    String,

    /// <summary>A 32-bit integer (Int).</summary>
    Int,

    /// <summary>A 64-bit integer (Long).</summary>
    Long,

    /// <summary>A double (Float).</summary>
    Float,

    /// <summary>A boolean (Boolean).</summary>
    Boolean,
}
