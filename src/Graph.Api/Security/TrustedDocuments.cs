using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Graph.Api.Schema.Execution;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Documents the operator trusts, by "sha256:HEX" id, read once from Graph:Limits:TrustedDocumentsDirectory.</summary>
internal sealed class TrustedDocuments
{
    private readonly FrozenDictionary<string, string> _byId;
    private readonly FrozenSet<string> _texts;

    public TrustedDocuments(IOptions<ServiceLimits> limits)
    {
        var directory = limits.Value.TrustedDocumentsDirectory;
        var documents = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrEmpty(directory))
        {
            if (!Directory.Exists(directory))
                throw new DirectoryNotFoundException($"Graph:Limits:TrustedDocumentsDirectory '{directory}' does not exist.");
            foreach (var file in Directory.EnumerateFiles(directory, "*.graphql", SearchOption.AllDirectories))
            {
                var text = File.ReadAllText(file);
                documents[IdOf(text)] = text;
            }
        }

        _byId = documents.ToFrozenDictionary(StringComparer.Ordinal);
        _texts = documents.Values.ToFrozenSet(StringComparer.Ordinal);
    }

    public int Count => _byId.Count;

    /// <summary>The id of a document's text: "sha256:" and the lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string IdOf(string text) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public string? Find(string id) => _byId.GetValueOrDefault(id.StartsWith("sha256:", StringComparison.Ordinal) ? id : "sha256:" + id);

    public bool IsTrusted(string text) => _texts.Contains(text);
}
