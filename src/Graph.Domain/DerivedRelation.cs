namespace Graph.Domain;

/// <summary>A field that follows a path of relationships (cancerType.patients, dataset.series, ...).</summary>
/// <param name="Owner">The node kind that carries the field.</param>
/// <param name="Field">The field name.</param>
/// <param name="Steps">The relationships walked in order, each forward or in reverse.</param>
/// <param name="Single">Whether the path leads to at most one node.</param>
/// <param name="Description">One sentence for the schema documentation.</param>
public sealed record DerivedRelation(NodeKind Owner, string Field, IReadOnlyList<RelationStep> Steps, bool Single, string Description)
{
    /// <summary>The node kind at the end of the path.</summary>
    public NodeKind Target => Steps[^1].Target;
}

/// <summary>One relationship walked forward (start to end) or in reverse.</summary>
public sealed record RelationStep(RelationKind Relation, bool Forward)
{
    /// <summary>The node kind this step leads to.</summary>
    public NodeKind Target => Forward ? Relation.To : Relation.From;

    /// <summary>The node kind this step starts from.</summary>
    public NodeKind Source => Forward ? Relation.From : Relation.To;
}
