namespace Graph.Store;

/// <summary>A change that waited longer than it may for its turn to be checked and written (other changes held it); nothing of it
/// was written.</summary>
public sealed class WriteTurnTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a change that waited <paramref name="waited"/> behind others of its kind.</summary>
    /// <param name="what">What kind of change waited (for example "cohort saves").</param>
    /// <param name="waited">How long it waited.</param>
    /// <param name="setting">The setting that bounds the wait.</param>
    public WriteTurnTimeoutException(string what, TimeSpan waited, string setting)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Other {what} held the writer for {waited.TotalSeconds:0.###} s ({setting}); nothing of this change was written: try again."))
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public WriteTurnTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public WriteTurnTimeoutException()
        : base("Other changes held the writer; nothing of this change was written: try again.")
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public WriteTurnTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
