namespace Graph.Catalog.Querying;

/// <summary>A query asked for something the catalogue cannot answer as asked (unknown field, bad cursor, value of the wrong type).</summary>
public sealed class CatalogQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CatalogQueryException(string message)
        : base(message)
    {
    }

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
