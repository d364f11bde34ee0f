using System.Buffers.Text;
using System.Text;
using Graph.Domain;

namespace Graph.Api.Schema.Types;

/// <summary>Opaque global ids: the label and natural key of a node, base64url-encoded.</summary>
internal static class GlobalId
{
    public static string Encode(NodeKind kind, string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{kind.Label}:{key}"));

    /// <summary>Decodes an id into its kind and key, or returns false when it is not an id of this service.</summary>
    public static bool TryDecode(string id, out NodeKind? kind, out string key)
    {
        kind = null;
        key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 1024)
            return false;
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(id));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        kind = GraphModel.Kind(text[..colon]);
        key = text[(colon + 1)..];
        return kind is not null && key.Length > 0;
    }
}
