namespace Graph.Store;

/// <summary>The change feed was asked for the changes after a sequence whose deletions have since been erased
/// (<see cref="IGraphStore.PurgeTombstonesAsync"/>): the reader must read the whole store instead.</summary>
public sealed class ChangesPurgedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ChangesPurgedException(long afterSequence, long purgedThrough)
        : base($"The changes after {afterSequence} cannot be read: the tombstones of deletions up to change {purgedThrough} were erased. Read the whole store.")
    {
        AfterSequence = afterSequence;
        PurgedThrough = purgedThrough;
    }

    /// <summary>Creates the exception.</summary>
    public ChangesPurgedException()
        : this(0, 0)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChangesPurgedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ChangesPurgedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The sequence the reader asked to read after.</summary>
    public long AfterSequence { get; }

    /// <summary>The sequence up to which deletions are no longer in the feed.</summary>
    public long PurgedThrough { get; }
}
