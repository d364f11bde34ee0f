using System.Buffers;
using System.Text.Json;
using Graph.Domain;

namespace Graph.Store;

/// <summary>Writes property sets as canonical JSON (keys sorted) and reads them back with the types their fields declare.</summary>
public static class PropertyJson
{
    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    /// <summary>Serialises properties with keys in ordinal order, leaving out nulls, so equal sets give equal text.</summary>
    public static string Write(IReadOnlyDictionary<string, object?> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties.Where(p => p.Value is not null).OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case string s: writer.WriteStringValue(s); break;
                    case long l: writer.WriteNumberValue(l); break;
                    case int i: writer.WriteNumberValue(i); break;
                    case double d: writer.WriteNumberValue(d); break;
                    case bool b: writer.WriteBooleanValue(b); break;
                    case string[] list:
                        writer.WriteStartArray();
                        foreach (var item in list)
                            writer.WriteStringValue(item);
                        writer.WriteEndArray();
                        break;
                    default: throw new ArgumentException($"Property '{name}' has unsupported type {value!.GetType().Name}.", nameof(properties));
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads properties, typing numbers by the field definitions (fields not found are read as long or double).</summary>
    public static IReadOnlyDictionary<string, object?> Read(string json, Func<string, FieldDef?> fields)
    {
        if (json.Length <= 2)
            return Empty;
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            result[name] = ReadValue(ref reader, fields(name));
        }

        return result;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, FieldDef? field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            case JsonTokenType.Number:
                if (field?.Type == ValueKind.Float)
                    return reader.GetDouble();
                return reader.TryGetInt64(out var l) ? (object)l : reader.GetDouble();
            case JsonTokenType.StartArray:
                var list = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    list.Add(reader.GetString() ?? "");
                return list.ToArray();
            default:
                throw new JsonException($"Unexpected {reader.TokenType} in a property set.");
        }
    }

    /// <summary>Merges changes into stored properties: a given value replaces, a null removes, an absent one is kept.</summary>
    public static Dictionary<string, object?> Merge(IReadOnlyDictionary<string, object?>? stored, IReadOnlyDictionary<string, object?> changes)
    {
        var merged = stored is null ? new Dictionary<string, object?>(StringComparer.Ordinal) : new Dictionary<string, object?>(stored, StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            if (value is null)
                merged.Remove(name);
            else
                merged[name] = PropertyValues.Normalize(value);
        }

        return merged;
    }

    /// <summary>Finds the field definitions of a node label.</summary>
    public static Func<string, FieldDef?> NodeFields(string label) =>
        GraphModel.Kind(label) is { } kind ? kind.Field : _ => null;

    /// <summary>Finds the property definitions of a relationship.</summary>
    public static Func<string, FieldDef?> EdgeFields(string type, string fromLabel, string toLabel) =>
        GraphModel.Relation(type, fromLabel, toLabel) is { } kind ? name => kind.Properties.FirstOrDefault(p => p.Name == name) : _ => null;
}
