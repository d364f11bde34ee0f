namespace Graph.Ingest.Mappings;

/// <summary>A mapping that was not applied: the line of the file it came from (0 for a single mapping) and why.</summary>
public sealed record MappingRejection(int Line, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"line {Line}: {Reason}" : Reason;
}
