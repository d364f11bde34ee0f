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

    /// <summary>The answer to opening a transaction, as <see cref="TransactionOpened"/> with another id (a server gives each transaction its own).</summary>
    public static string TransactionOpenedAs(string id) => TransactionOpened.Replace("\"lyU\"", Text(id), StringComparison.Ordinal);

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

    /// <summary>A value of a stored graph as typed JSON: null, string, bool, long, double, a list or a map of them.</summary>
    public static string Encode(object? value) => value switch
    {
        null => Null,
        string text => String(text),
        bool flag => Boolean(flag),
        long whole => Integer(whole),
        double real => Float(FloatText(real)),
        IReadOnlyList<object?> list => List(list.Select(Encode).ToArray()),
        IReadOnlyDictionary<string, object?> map => Map(map.Select(e => (e.Key, Encode(e.Value))).ToArray()),
        _ => throw new ArgumentException($"A {value.GetType().Name} is no value the fake stores.", nameof(value)),
    };

    /// <summary>A Float's text as Neo4j (Java's Double.toString) writes it: "3.0", "4.56", "1.0E10", "NaN".</summary>
    public static string FloatText(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return value > 0 ? "Infinity" : "-Infinity";
        var magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            var plain = value.ToString("R", CultureInfo.InvariantCulture);
            return plain.Contains('.', StringComparison.Ordinal) ? plain : plain + ".0";
        }

        var exponent = (int)Math.Floor(Math.Log10(magnitude));
        var mantissa = (value / Math.Pow(10, exponent)).ToString("R", CultureInfo.InvariantCulture);
        return (mantissa.Contains('.', StringComparison.Ordinal) ? mantissa : mantissa + ".0") + "E" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a typed value of a request's parameters strictly as the type mapping documents it (typed-json.adoc):
    /// an object with "$type" and "_value", Integer and Float values as text. Anything else is a format error.</summary>
    /// <exception cref="FormatException">The value is not in the documented shape.</exception>
    public static object? Decode(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("$type", out var type) || type.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("_value", out var value) || element.EnumerateObject().Count() != 2)
            throw new FormatException($"{element.GetRawText()} is not a typed value ({{\"$type\": ..., \"_value\": ...}}).");
        return (type.GetString(), value.ValueKind) switch
        {
            ("Null", JsonValueKind.Null) => null,
            ("Boolean", JsonValueKind.True) => true,
            ("Boolean", JsonValueKind.False) => false,
            ("String", JsonValueKind.String) => value.GetString(),
            ("Integer", JsonValueKind.String) when long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole,
            ("Float", JsonValueKind.String) => value.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
                _ => throw new FormatException($"{element.GetRawText()} is not a Float."),
            },
            ("List", JsonValueKind.Array) => value.EnumerateArray().Select(Decode).ToList(),
            ("Map", JsonValueKind.Object) => value.EnumerateObject().ToDictionary(p => p.Name, p => Decode(p.Value), StringComparer.Ordinal),
            _ => throw new FormatException($"{element.GetRawText()} is not a typed value the Query API documents."),
        };
    }

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
