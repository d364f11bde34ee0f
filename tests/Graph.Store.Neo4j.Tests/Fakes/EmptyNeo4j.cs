using System.Net;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>A Query API that answers as an empty Neo4j 5.26 database that accepts every write: reads find nothing, each
/// write statement changes every row it is given, transactions commit. Answers are the documented shapes (QueryApiJson).</summary>
internal static class EmptyNeo4j
{
    private static readonly Dictionary<string, CypherStatement> ByText =
        Neo4jStatements.All.Concat([Neo4jServerCheck.Components]).GroupBy(s => s.Text).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>Adds the rules to a fake.</summary>
    public static FakeQueryApi Serve(FakeQueryApi api)
    {
        var sequence = 0L;
        var gate = new Lock();
        return api.On(_ => true, request =>
        {
            if (request.Path.EndsWith("/query/v2/tx", StringComparison.Ordinal))
                return Ok(QueryApiJson.TransactionOpened, (QueryApiClient.AffinityHeader, QueryApiJson.Affinity));
            if (request.Path.EndsWith("/commit", StringComparison.Ordinal))
            {
                lock (gate)
                    sequence++;
                return Ok(QueryApiJson.Committed);
            }

            if (request.Method == HttpMethod.Delete)
                return new HttpResponseMessage(HttpStatusCode.Accepted);
            var name = request.Statement is { } text && ByText.TryGetValue(text, out var statement) ? statement.Name : "unknown";
            long next;
            lock (gate)
                next = sequence + 1;
            return Ok(name switch
            {
                "ServerComponents" => QueryApiJson.Components("5.26.0"),
                "ReadSequence" => QueryApiJson.Scalar("seq", QueryApiJson.Integer(next - 1)),
                "AllocateSequence" => QueryApiJson.Result(
                    ["seq", "doneSeq", "doneNodes", "doneEdges"], [QueryApiJson.Integer(next), QueryApiJson.Null, QueryApiJson.Null, QueryApiJson.Null]),
                "RecordChange" => QueryApiJson.Scalar("seq", QueryApiJson.Integer(next)),
                "AddApiKey" => QueryApiJson.Scalar("added", QueryApiJson.Boolean(true)),
                "RevokeApiKey" => QueryApiJson.Scalar("id", request.Parameter("id").GetRawText()),
                _ when name.StartsWith("Upsert", StringComparison.Ordinal) => Rows(request, "rows", withRows: true),
                _ when name.StartsWith("Delete", StringComparison.Ordinal) => Rows(request, name.StartsWith("DeleteEdges", StringComparison.Ordinal) ? "rows" : "keys", withRows: false),
                "unknown" => QueryApiJson.Error("Neo.ClientError.Statement.SyntaxError", "The fake does not know this statement."),
                _ => QueryApiJson.Result([]),
            });
        });
    }

    private static string Rows(RecordedRequest request, string parameter, bool withRows)
    {
        var count = QueryApiJson.Integer(request.Parameter(parameter).GetProperty("_value").GetArrayLength());
        return withRows ? QueryApiJson.Result(["rows", "changed"], [count, count]) : QueryApiJson.Result(["changed"], [count]);
    }

    private static HttpResponseMessage Ok(string json, params (string, string)[] headers) => FakeQueryApi.Json(HttpStatusCode.Accepted, json, headers);
}
