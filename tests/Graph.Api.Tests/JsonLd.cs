using System.Text.Json.Nodes;

namespace Graph.Api.Tests;

/// <summary>Just enough JSON-LD expansion for the DCAT tests: compact IRIs in keys, @type and @id are expanded with the document's @context prefixes.</summary>
internal static class JsonLd
{
    public static JsonNode? Expand(JsonNode? node, IReadOnlyDictionary<string, string> prefixes) => node switch
    {
        JsonObject o => ExpandObject(o, prefixes),
        JsonArray a => new JsonArray(a.Select(item => Expand(item, prefixes)).ToArray()),
        _ => node?.DeepClone(),
    };

    public static Dictionary<string, string> Prefixes(JsonObject document) =>
        document["@context"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    public static string Iri(string compact, IReadOnlyDictionary<string, string> prefixes)
    {
        var colon = compact.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && prefixes.TryGetValue(compact[..colon], out var ns) && !compact.AsSpan(colon + 1).StartsWith("//") ? ns + compact[(colon + 1)..] : compact;
    }

    /// <summary>The values of a property as a list, whether the property holds one value or an array.</summary>
    public static List<JsonNode> Values(JsonNode node, string iri) => node[iri] switch
    {
        null => [],
        JsonArray array => array.Select(v => v!).ToList(),
        var one => [one],
    };

    /// <summary>The text of a literal, plain or as a value object.</summary>
    public static string Text(JsonNode value) => value is JsonObject o ? (string)o["@value"]! : (string)value!;

    private static JsonObject ExpandObject(JsonObject o, IReadOnlyDictionary<string, string> prefixes)
    {
        var expanded = new JsonObject();
        foreach (var (key, value) in o)
        {
            if (key == "@context")
                continue;
            expanded[key.StartsWith('@') ? key : Iri(key, prefixes)] = key switch
            {
                "@type" when value is JsonValue v => Iri((string)v!, prefixes),
                "@type" when value is JsonArray a => new JsonArray(a.Select(t => (JsonNode)Iri((string)t!, prefixes)).ToArray()),
                "@id" => Iri((string)value!, prefixes),
                _ => Expand(value, prefixes),
            };
        }

        return expanded;
    }
}
