namespace Graph.Domain;

/// <summary>A relationship type between two node kinds, with the field names that traverse it each way.</summary>
/// <param name="Type">The relationship type (HOSTS, HAS_SERIES, ...).</param>
/// <param name="From">The start node kind.</param>
/// <param name="To">The end node kind.</param>
/// <param name="ForwardField">The field on <paramref name="From"/> that lists the end nodes.</param>
/// <param name="ForwardSingle">Whether a start node has at most one end node.</param>
/// <param name="ReverseField">The field on <paramref name="To"/> that lists the start nodes.</param>
/// <param name="ReverseSingle">Whether an end node has at most one start node.</param>
/// <param name="Description">One sentence for the schema documentation.</param>
public sealed record RelationKind(
    string Type,
    NodeKind From,
    NodeKind To,
    string ForwardField,
    bool ForwardSingle,
    string ReverseField,
    bool ReverseSingle,
    string Description)
{
    /// <summary>The properties a relationship of this kind may carry.</summary>
    public IReadOnlyList<FieldDef> Properties { get; init; } = [];

    /// <summary>Identifies the kind: the type with its two labels, since CODED_AS joins several pairs.</summary>
    public string Id { get; } = $"{From.Label}-{Type}->{To.Label}";

    /// <inheritdoc />
    public override string ToString() => Id;
}
