namespace Graph.Ingest.Concepts;

/// <summary>A change of concepts or mappings its caller may not make; nothing of the request was applied.</summary>
public sealed class ConceptChangeForbiddenException : Exception
{
    /// <summary>Creates the exception with every reason, each naming the CURIE and the rule.</summary>
    public ConceptChangeForbiddenException(IReadOnlyList<string> reasons)
        : base(Describe(reasons))
    {
        Reasons = reasons;
    }

    /// <summary>Creates the exception with one reason.</summary>
    public ConceptChangeForbiddenException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public ConceptChangeForbiddenException()
        : this("This change of concepts or mappings is not allowed.")
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ConceptChangeForbiddenException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reasons = [message];
    }

    /// <summary>Why, one reason per CURIE or mapping refused.</summary>
    public IReadOnlyList<string> Reasons { get; } = [];

    // A file may name thousands of reference concepts; the first ones say what is wrong.
    private static string Describe(IReadOnlyList<string> reasons) =>
        "Nothing was applied: " + string.Join("; ", reasons.Take(10)) + (reasons.Count > 10 ? $"; and {reasons.Count - 10} more." : ".");
}
