using System.Text.Json;
using System.Text.Json.Nodes;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>Saves cohort criteria (the parsed where-inputs) as JSON and reads them back as the same dictionaries.</summary>
internal static class CriteriaJson
{
    public static string Write(IDictionary<string, object?> criteria) => JsonSerializer.Serialize(criteria);

    public static IDictionary<string, object?> Read(string json) =>
        (JsonNode.Parse(json) is JsonObject root ? ToValue(root) : null) as IDictionary<string, object?> ?? new Dictionary<string, object?>();

    private static object? ToValue(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => ToValue(p.Value)),
        JsonArray list => list.Select(ToValue).ToList(),
        JsonValue value when value.TryGetValue<long>(out var l) => l,
        JsonValue value when value.TryGetValue<double>(out var d) => d,
        JsonValue value when value.TryGetValue<bool>(out var b) => b,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };
}
