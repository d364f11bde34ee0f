using System.Text.Json;
using System.Text.Json.Serialization;

namespace Graph.Store.Access;

/// <summary>The one JSON form in which every adapter stores an access request.</summary>
public static class AccessRequestJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    /// <summary>The request as JSON text.</summary>
    public static string Write(AccessRequest request) => JsonSerializer.Serialize(request, Options);

    /// <summary>Reads a request written by <see cref="Write"/>.</summary>
    /// <exception cref="GraphStoreException">The text is not a stored request.</exception>
    public static AccessRequest Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AccessRequest>(json, Options) ?? throw new GraphStoreException("A stored access request is empty.");
        }
        catch (JsonException e)
        {
            throw new GraphStoreException($"A stored access request cannot be read: {e.Message}", e);
        }
    }
}
