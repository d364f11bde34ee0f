namespace Graph.Store.Access;

/// <summary>An access request step that cannot be taken: the code says why (as in GraphQL's <c>extensions.code</c>), the message names the input.</summary>
public sealed class AccessRequestException : Exception
{
    /// <summary>A bad input (empty purpose, unknown dataset, expiry in the past).</summary>
    public const string BadInput = "BAD_USER_INPUT";

    /// <summary>No request with that id is visible to the caller.</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>The caller may not take this step on this request.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>The step is not allowed from the request's status (approving a withdrawn request, withdrawing an approved one).</summary>
    public const string IllegalTransition = "ILLEGAL_TRANSITION";

    /// <summary>Creates the exception.</summary>
    public AccessRequestException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception with a bad-input code.</summary>
    public AccessRequestException(string message)
        : this(BadInput, message)
    {
    }

    /// <summary>Creates the exception with a bad-input code.</summary>
    public AccessRequestException()
        : this(BadInput, "The access request step is not possible.")
    {
    }

    /// <summary>Creates the exception with a bad-input code.</summary>
    public AccessRequestException(string message, Exception innerException)
        : base(message, innerException) => Code = BadInput;

    /// <summary>Why, as a code.</summary>
    public string Code { get; }
}
