using System.Net;

namespace Graph.Store.Neo4j;

/// <summary>Turns what the Query API answered into a GraphStoreException with the Neo4j code and message, never a password.</summary>
internal static class QueryApiErrors
{
    // Client errors that a later attempt may not meet: a cluster member that is no longer the leader, an expired transaction.
    private static readonly HashSet<string> RetriableClientCodes = new(StringComparer.Ordinal)
    {
        "Neo.ClientError.Cluster.NotALeader",
        "Neo.ClientError.Cluster.Routing",
        "Neo.ClientError.Transaction.TransactionNotFound",
    };

    /// <summary>The key of <see cref="Exception.Data"/> under which a failure carries the Neo4j status code.</summary>
    public const string CodeKey = "Neo4j.Code";

    /// <summary>The key of <see cref="Exception.Data"/> under which a failure carries the HTTP status of the answer.</summary>
    public const string StatusKey = "Neo4j.HttpStatus";

    /// <summary>The Neo4j status code a failure carries, if any.</summary>
    public static string? Code(Exception exception) => exception.Data[CodeKey] as string;

    /// <summary>The HTTP status of the answer a failure came with, if there was an answer.</summary>
    public static HttpStatusCode? Status(Exception exception) => exception.Data[StatusKey] as HttpStatusCode?;

    /// <summary>Whether a failure with this HTTP status and Neo4j code may pass if retried.</summary>
    public static bool IsTransient(HttpStatusCode status, string? code)
    {
        if (code is null)
            return (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        if (code.StartsWith("Neo.TransientError.", StringComparison.Ordinal) || RetriableClientCodes.Contains(code))
            return true;
        return code.StartsWith("Neo.DatabaseError.", StringComparison.Ordinal) && (int)status >= 500;
    }

    /// <summary>The exception for an error response.</summary>
    public static GraphStoreException Response(QueryApiEndpoint endpoint, string operation, HttpStatusCode status, string? code, string? message)
    {
        var exception = Describe(endpoint, operation, status, code, message);
        exception.Data[CodeKey] = code;
        exception.Data[StatusKey] = status;
        return exception;
    }

    private static GraphStoreException Describe(QueryApiEndpoint endpoint, string operation, HttpStatusCode status, string? code, string? message)
    {
        var detail = code is null ? $"HTTP {(int)status} {status}" : $"{code}: {message}";
        if (status == HttpStatusCode.Unauthorized || code is "Neo.ClientError.Security.Unauthorized")
            return new GraphStoreException($"Neo4j at {endpoint} refused the credentials of {endpoint.Principal} ({detail}).", false);
        if (status == HttpStatusCode.Forbidden || code is "Neo.ClientError.Security.Forbidden")
            return new GraphStoreException($"Neo4j at {endpoint} forbade {operation} to {endpoint.Principal} ({detail}).", false);
        var transient = IsTransient(status, code);
        return new GraphStoreException($"Neo4j at {endpoint}, {operation} failed: {detail}.", transient);
    }

    /// <summary>The exception for a request that did not get an answer in time.</summary>
    public static GraphStoreException Timeout(QueryApiEndpoint endpoint, string operation, TimeSpan timeout, Exception cause) =>
        new($"Neo4j at {endpoint}, {operation} timed out after {timeout.TotalSeconds:0.#} s.", true, cause);

    /// <summary>The exception for a connection that could not be made or broke.</summary>
    public static GraphStoreException Connection(QueryApiEndpoint endpoint, string operation, Exception cause) =>
        new($"Neo4j at {endpoint}, {operation} failed: the connection could not be made or broke ({cause.Message}).", true, cause);

    /// <summary>The exception for an answer that is not the Query API's JSON.</summary>
    public static GraphStoreException Malformed(QueryApiEndpoint endpoint, string operation, HttpStatusCode status, Exception? cause)
    {
        var exception = new GraphStoreException(
            $"Neo4j at {endpoint}, {operation}: HTTP {(int)status} with a body that is not Query API JSON; is this a Neo4j {Neo4jServerCheck.MinimumVersionText}+ Query API?", (int)status >= 500, cause);
        exception.Data[StatusKey] = status;
        return exception;
    }
}
