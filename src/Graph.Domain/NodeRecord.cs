namespace Graph.Domain;

/// <summary>A node with its properties. Values are string, long, double, bool or string[].</summary>
/// <remarks>
/// In a change, the properties are merged into the stored node: a property given replaces the stored value,
/// a property given as null removes it, a property not given is kept.
/// </remarks>
public sealed record NodeRecord(string Label, string Key, IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>The label and key of the node.</summary>
    public NodeRef Ref => new(Label, Key);

    /// <summary>Creates a record from name/value pairs, leaving out pairs whose value is null.</summary>
    public static NodeRecord Of(NodeKind kind, string key, params (string Name, object? Value)[] properties) =>
        new(kind.Label, key, properties.Where(p => p.Value is not null).ToDictionary(p => p.Name, p => PropertyValues.Normalize(p.Value)));

    /// <summary>Gets a property value, or null.</summary>
    public object? this[string name] => Properties.GetValueOrDefault(name);
}
