namespace Graph.Bench;

/// <summary>One word searched, in every searchable kind or in some.</summary>
internal sealed record SearchRequest(string Word, string[]? Kinds)
{
    public override string ToString() => $"search for '{Word}' in {(Kinds is null ? "all kinds" : string.Join("/", Kinds))}";
}
