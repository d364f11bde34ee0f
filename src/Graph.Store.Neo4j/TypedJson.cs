using System.Buffers;
using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Graph.Store.Neo4j;

/// <summary>The Query API's typed JSON: every value an object with "$type" and "_value" (Integer and Float as text).</summary>
internal static class TypedJson
{
    public const string MediaType = "application/vnd.neo4j.query";

    /// <summary>Writes a request body: the statement and its parameters as typed values.</summary>
    public static byte[] Request(string? statement, IReadOnlyDictionary<string, object?>? parameters)
    {
        var buffer = new ArrayBufferWriter<byte>(statement is null ? 16 : 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (statement is not null)
            {
                writer.WriteString("statement", statement);
                writer.WritePropertyName("parameters");
                writer.WriteStartObject();
                foreach (var (name, value) in parameters ?? new Dictionary<string, object?>())
                {
                    writer.WritePropertyName(name);
                    Write(writer, value);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes one value: string, whole number, floating-point number, bool, list, map or null.</summary>
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case null:
                writer.WriteString("$type", "Null");
                writer.WriteNull("_value");
                break;
            case string text:
                writer.WriteString("$type", "String");
                writer.WriteString("_value", text);
                break;
            case bool flag:
                writer.WriteString("$type", "Boolean");
                writer.WriteBoolean("_value", flag);
                break;
            case long or int or short or byte or uint:
                writer.WriteString("$type", "Integer");
                writer.WriteString("_value", Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case double or float or decimal:
                writer.WriteString("$type", "Float");
                writer.WriteString("_value", FloatText(Convert.ToDouble(value, CultureInfo.InvariantCulture)));
                break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteString("$type", "Map");
                writer.WritePropertyName("_value");
                writer.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteString("$type", "List");
                writer.WritePropertyName("_value");
                writer.WriteStartArray();
                foreach (var item in list)
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {value.GetType().Name} cannot be sent to Neo4j.", nameof(value));
        }

        writer.WriteEndObject();
    }

    // Always with a decimal point or an exponent, so no reader can take a Float for an Integer.
    private static string FloatText(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.IsFinite(value) && !text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal) ? text + ".0" : text;
    }

    /// <summary>Reads one value, typed or plain: null, string, long, double, bool, a list or a map.</summary>
    public static object? Read(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.Number: return element.TryGetInt64(out var whole) ? (object)whole : element.GetDouble();
            case JsonValueKind.Array: return ReadList(element);
            default:
                if (element.TryGetProperty("$type", out var type) && element.TryGetProperty("_value", out var value))
                    return ReadTyped(type.GetString(), value);
                return ReadMap(element);
        }
    }

    private static object? ReadTyped(string? type, JsonElement value) => type switch
    {
        "Null" => null,
        "Boolean" => (object)(value.ValueKind == JsonValueKind.True),
        "Integer" => (object)(value.ValueKind == JsonValueKind.Number ? value.GetInt64() : long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)),
        "Float" => (object)(value.ValueKind == JsonValueKind.Number ? value.GetDouble() : ParseFloat(value.GetString()!)),
        "List" => ReadList(value),
        "Map" => ReadMap(value),
        "String" => value.GetString(),

        // Temporal, spatial and other types are not stored by this adapter; keep their text.
        _ => value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(),
    };

    private static double ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static List<object?> ReadList(JsonElement array)
    {
        var list = new List<object?>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
            list.Add(Read(item));
        return list;
    }

    private static Dictionary<string, object?> ReadMap(JsonElement map)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
            result[property.Name] = Read(property.Value);
        return result;
    }
}
