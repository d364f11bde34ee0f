namespace Graph.Ingest.Mappings;

/// <summary>An SSSOM file that cannot be read at all (metadata block or header); nothing of it was applied.</summary>
public sealed class SssomFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the line and the reason.</summary>
    public SssomFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public SssomFormatException()
        : this("The SSSOM file cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SssomFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
