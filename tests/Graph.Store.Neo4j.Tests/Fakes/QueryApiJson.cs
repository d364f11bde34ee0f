using System.Globalization;
using System.Text.Json;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>Query API bodies as Neo4j's documentation shows them (neo4j/docs-query-api: transactions.adoc, typed-json.adoc,
/// authentication-authorization.adoc, endpoints.adoc), written as literal JSON text: never by the adapter's own encoder,
/// so a misreading of the format cannot cancel out between the adapter's writing and its reading.</summary>
internal static class QueryApiJson
{
    /// <summary>The bookmark of the documentation's examples.</summary>
    public const string Bookmark = "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q";

    /// <summary>The transaction id of the documentation's examples.</summary>
    public const string TransactionId = "lyU";

    /// <summary>The cluster affinity header value of the documentation's examples.</summary>
    public const string Affinity = "MTAuOC41Ljc6MTc0NzQ=";

    /// <summary>The answer to opening a transaction with an empty body (transactions.adoc, "Create a transaction"; no statement, so no data).</summary>
    public const string TransactionOpened = """
        {
          "data": {
            "fields": [],
            "values": []
          },
          "bookmarks": [],
          "transaction": {
            "id": "lyU",
            "expires": "2024-10-22T15:48:29Z"
          }
        }
        """;

    /// <summary>The answer to a commit without a final statement (transactions.adoc, "Commit a transaction").</summary>
    public const string Committed = """
        {
          "data": {
            "fields": [],
            "values": []
          },
          "bookmarks": [
            "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"
          ]
        }
        """;

    /// <summary>The 401 answer to a wrong password (authentication-authorization.adoc, "Incorrect authentication").</summary>
    public const string Unauthorized = """
        {
          "errors" : [ {
            "code" : "Neo.ClientError.Security.Unauthorized",
            "message" : "Invalid username or password."
          } ]
        }
        """;

    /// <summary>The answer to a request in an expired transaction (transactions.adoc, "Transaction expiration and keep alive").</summary>
    public const string TransactionExpired = """
        {
          "errors": [ {
            "code": "Neo.ClientError.Request.Invalid",
            "message": "Transaction with Id: \"lyU\" was not found. It may have timed out and therefore rolled back or the routing header 'neo4j-cluster-affinity' was not provided."
          } ]
        }
        """;

    /// <summary>The discovery document of a server (endpoints.adoc, "Discovery API"), with the version the example shows.</summary>
    public static string Discovery(string version = "5.19.0") => $$"""
        {
          "bolt_routing": "neo4j://localhost:7687",
          "query": "http://localhost:7474/db/{databaseName}/query/v2",
          "dbms/cluster": "http://localhost:7474/dbms/cluster",
          "db/cluster": "http://localhost:7474/db/{databaseName}/cluster",
          "transaction": "http://localhost:7474/db/{databaseName}/tx",
          "bolt_direct": "bolt://localhost:7687",
          "neo4j_version": "{{version}}",
          "neo4j_edition": "enterprise",
          "auth_config": {
            "oidc_providers": []
          }
        }
        """;

    /// <summary>An error answer in the documented shape.</summary>
    public static string Error(string code, string message) => $$"""
        {
          "errors": [ {
            "code": {{Text(code)}},
            "message": {{Text(message)}}
          } ]
        }
        """;

    /// <summary>A result: fields and rows of typed values (each already typed JSON text), in the documented shape.</summary>
    public static string Result(string[] fields, params string[][] rows) => $$"""
        {
          "data": {
            "fields": [{{string.Join(", ", fields.Select(Text))}}],
            "values": [{{string.Join(", ", rows.Select(r => "[" + string.Join(", ", r) + "]"))}}]
          },
          "bookmarks": [
            "{{Bookmark}}"
          ]
        }
        """;

    /// <summary>A one-row, one-column result.</summary>
    public static string Scalar(string field, string value) => Result([field], [value]);

    /// <summary>The answer of dbms.components() for a server version.</summary>
    public static string Components(string version, string edition = "community") =>
        Result(["name", "versions", "edition"], [String("Neo4j Kernel"), List(String(version)), String(edition)]);

    /// <summary>Null, as the type mapping shows it.</summary>
    public const string Null = """{"$type": "Null", "_value": null}""";

    /// <summary>A Boolean.</summary>
    public static string Boolean(bool value) => $$"""{"$type": "Boolean", "_value": {{(value ? "true" : "false")}}}""";

    /// <summary>An Integer: its decimal text in a string.</summary>
    public static string Integer(long value) => $$"""{"$type": "Integer", "_value": "{{value.ToString(CultureInfo.InvariantCulture)}}"}""";

    /// <summary>A Float, given as the text Neo4j writes ("4.56", "3.2E9", "NaN").</summary>
    public static string Float(string text) => $$"""{"$type": "Float", "_value": "{{text}}"}""";

    /// <summary>A String.</summary>
    public static string String(string value) => $$"""{"$type": "String", "_value": {{Text(value)}}}""";

    /// <summary>A List of typed values.</summary>
    public static string List(params string[] items) => $$"""{"$type": "List", "_value": [{{string.Join(", ", items)}}]}""";

    /// <summary>A Map of typed values.</summary>
    public static string Map(params (string Name, string Value)[] entries) =>
        "{\"$type\": \"Map\", \"_value\": {" + string.Join(", ", entries.Select(e => $"{Text(e.Name)}: {e.Value}")) + "}}";

    /// <summary>A JSON string literal.</summary>
    public static string Text(string value) => JsonSerializer.Serialize(value);

    /// <summary>Removes the whitespace between JSON tokens (not inside strings), so an expected request body can be written readably and compared byte for byte.</summary>
    public static string Compact(string json)
    {
        var result = new System.Text.StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                result.Append(c);
                if (c == '\\')
                    result.Append(json[++i]);
                else if (c == '"')
                    inString = false;
            }
            else if (c == '"')
            {
                inString = true;
                result.Append(c);
            }
            else if (!char.IsWhiteSpace(c))
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
