namespace Graph.Store;

/// <summary>A ChangeSet failed validation and was not applied.</summary>
public sealed class ChangeSetRejectedException : Exception
{
    /// <summary>Creates the exception from the validation errors.</summary>
    public ChangeSetRejectedException(IReadOnlyList<string> errors)
        : base(Summarise(errors)) => Errors = errors;

    /// <summary>Creates the exception with one error.</summary>
    public ChangeSetRejectedException(string error)
        : this([error])
    {
    }

    /// <summary>Creates the exception with no detail.</summary>
    public ChangeSetRejectedException()
        : this("The change set was rejected.")
    {
    }

    /// <summary>Creates the exception with one error and its cause.</summary>
    public ChangeSetRejectedException(string error, Exception innerException)
        : base(error, innerException) => Errors = [error];

    /// <summary>Every reason the set was rejected, each naming the node, field and value.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The reasons naming the field and the rule but no value or key, for reports that must never repeat one
    /// (empty when the thrower did not give them).</summary>
    public IReadOnlyList<string> ErrorsWithoutValues { get; init; } = [];

    private static string Summarise(IReadOnlyList<string> errors) => errors.Count switch
    {
        0 => "The change set was rejected.",
        1 => errors[0],
        _ => $"{errors[0]} (and {errors.Count - 1} more)",
    };
}
