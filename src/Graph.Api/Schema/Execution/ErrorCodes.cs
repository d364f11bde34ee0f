using GraphQL;

namespace Graph.Api.Schema.Execution;

/// <summary>The codes of expected failures, in <c>extensions.code</c>.</summary>
internal static class ErrorCodes
{
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string Unauthenticated = "UNAUTHENTICATED";
    public const string Internal = "INTERNAL_SERVER_ERROR";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";
    public const string QueryTooComplex = "QUERY_TOO_COMPLEX";
    public const string Timeout = "TIMEOUT";

    public static ExecutionError BadInput(string message) => new(message) { Code = BadUserInput };
}
