namespace Graph.Store;

/// <summary>A store operation failed; nothing of the ChangeSet it was applying was stored.</summary>
public sealed class GraphStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GraphStoreException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException) => IsTransient = isTransient;

    /// <summary>Creates a non-transient exception.</summary>
    public GraphStoreException(string message)
        : this(message, false)
    {
    }

    /// <summary>Creates a non-transient exception.</summary>
    public GraphStoreException()
        : this("The graph store failed.", false)
    {
    }

    /// <summary>Creates a non-transient exception.</summary>
    public GraphStoreException(string message, Exception innerException)
        : this(message, false, innerException)
    {
    }

    /// <summary>Whether retrying the same operation later may succeed (busy store, lost connection, timeout).</summary>
    public bool IsTransient { get; }

    /// <summary>What went wrong in words fit for a client (such as "the disk is full"), without the store's location; null when unknown.</summary>
    public string? Reason { get; init; }
}
