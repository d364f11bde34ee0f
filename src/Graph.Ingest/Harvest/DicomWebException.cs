namespace Graph.Ingest.Harvest;

/// <summary>A DICOMweb repository failed, refused or answered something the harvester cannot use.</summary>
/// <remarks>The message names the repository and the HTTP status; it never holds credentials nor a patient identifier.</remarks>
public sealed class DicomWebException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public DicomWebException()
        : this("The DICOMweb repository failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DicomWebException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public DicomWebException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception that says which repository failed, how, and whether a retry may succeed.</summary>
    public DicomWebException(string repository, string message, int? statusCode, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Repository = repository;
        StatusCode = statusCode;
        IsTransient = isTransient;
    }

    /// <summary>The slug of the repository.</summary>
    public string? Repository { get; }

    /// <summary>The HTTP status the repository answered with, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>Whether retrying later may succeed (5xx, timeout, connection refused, circuit open).</summary>
    public bool IsTransient { get; }

    /// <summary>Whether the circuit of the repository was open, so no request was sent.</summary>
    public bool CircuitOpen { get; init; }

    /// <summary>Whether the whole run must stop: credentials refused or the repository is not answering.</summary>
    public bool StopsRun => CircuitOpen || StatusCode is 401 or 403;
}
