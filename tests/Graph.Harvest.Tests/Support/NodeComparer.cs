using Graph.Domain;

namespace Graph.Harvest.Tests.Support;

/// <summary>Compares nodes by label, key and property values (records compare dictionaries by reference).</summary>
internal sealed class NodeComparer : IEqualityComparer<NodeRecord>
{
    public static NodeComparer Instance { get; } = new();

    public bool Equals(NodeRecord? x, NodeRecord? y) => x is not null && y is not null && Text(x) == Text(y);

    public int GetHashCode(NodeRecord obj) => Text(obj).GetHashCode(StringComparison.Ordinal);

    private static string Text(NodeRecord node) =>
        $"{node.Label} {node.Key} " + string.Join("; ", node.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={PropertyValues.Describe(p.Value)}"));
}
