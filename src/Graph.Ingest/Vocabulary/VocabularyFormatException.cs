namespace Graph.Ingest.Vocabulary;

/// <summary>A vocabulary file that cannot be read as a whole (empty, not UTF-8, no header, a required column missing); nothing of it was applied.</summary>
public sealed class VocabularyFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the reason.</summary>
    public VocabularyFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public VocabularyFormatException()
        : this("The vocabulary file cannot be read.")
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public VocabularyFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
