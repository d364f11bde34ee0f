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

    /// <summary>Whether relationships of this kind are derived from the start node's coded fields instead of stored.</summary>
    /// <remarks>A series with modality CT is CODED_AS the concept DCM:CT whenever the catalogue holds that concept: the field is
    /// the one source of truth, so the relationship can never disagree with it, and a concept added later links at once.</remarks>
    public bool FromCodedFields { get; init; }

    /// <summary>Identifies the kind: the type with its two labels, since CODED_AS joins several pairs.</summary>
    public string Id { get; } = $"{From.Label}-{Type}->{To.Label}";

    /// <inheritdoc />
    public override string ToString() => Id;
}
