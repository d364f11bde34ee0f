namespace Graph.Catalog.Querying;

/// <summary>A query asked for something the catalogue cannot answer as asked (unknown field, bad cursor, value of the wrong type).</summary>
public sealed class CatalogQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogQueryException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a specific error code (UNKNOWN_CONCEPT) instead of the general bad-input one.</summary>
    public CatalogQueryException(string message, string code)
        : base(message) => Code = code;

    /// <summary>The error code a caller sees, when more specific than bad input.</summary>
    public string? Code { get; }

    /// <summary>Creates the exception.</summary>
    public CatalogQueryException()
        : base("The query cannot be answered.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public CatalogQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
