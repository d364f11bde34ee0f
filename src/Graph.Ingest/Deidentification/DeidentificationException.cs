using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>De-identification cannot go on: no usable secret, or an instance it must refuse.</summary>
/// <remarks>The message never contains an attribute's value, so it can be logged and reported.</remarks>
public sealed class DeidentificationException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    public DeidentificationException(string message)
        : this(message, DeidentificationProblem.Configuration, null)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public DeidentificationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = DeidentificationProblem.Configuration;
    }

    /// <summary>Creates an exception with a default message.</summary>
    public DeidentificationException()
        : this("De-identification failed.")
    {
    }

    /// <summary>Creates an exception that says what was wrong and with which attribute.</summary>
    public DeidentificationException(string message, DeidentificationProblem problem, DicomTag? attribute)
        : base(message)
    {
        Problem = problem;
        Attribute = attribute;
    }

    /// <summary>What kind of problem it is.</summary>
    public DeidentificationProblem Problem { get; }

    /// <summary>The attribute concerned, when there is one.</summary>
    public DicomTag? Attribute { get; }
}
