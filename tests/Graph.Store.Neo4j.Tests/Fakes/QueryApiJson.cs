using System.Text;
using System.Text.Json;

namespace Graph.Store.Neo4j.Tests.Fakes;

/// <summary>Response bodies shaped as the Query API documents them, values in typed JSON.</summary>
internal static class QueryApiJson
{
    /// <summary>A result: fields and rows of typed values.</summary>
    public static string Result(string[] fields, params object?[][] rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteStartObject();
            writer.WritePropertyName("fields");
            JsonSerializer.Serialize(writer, fields);
            writer.WritePropertyName("values");
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (var value in row)
                    TypedJson.Write(writer, value);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WritePropertyName("bookmarks");
            JsonSerializer.Serialize(writer, new[] { "FB:kcwQ/wTfJf8rS1WY+GiIKXsCXgmQ" });
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>A one-row, one-column result.</summary>
    public static string Scalar(string field, object? value) => Result([field], [value]);

    /// <summary>The answer to opening a transaction.</summary>
    public static string Transaction(string id) =>
        $$$"""{"transaction": {"id": "{{{id}}}", "expires": "2024-10-22T15:48:29Z"}}""";

    /// <summary>The answer to a commit.</summary>
    public const string Committed = """{"bookmarks": ["FB:kcwQ/wTfJf8rS1WY+GiIKXsCXg6Q"]}""";

    /// <summary>An error answer.</summary>
    public static string Error(string code, string message) =>
        JsonSerializer.Serialize(new { errors = new[] { new { code, message } } });
}
