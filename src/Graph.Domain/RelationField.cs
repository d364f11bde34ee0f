namespace Graph.Domain;

/// <summary>A field of a node kind that leads to related nodes through one or more relationships.</summary>
/// <param name="Owner">The kind that carries the field.</param>
/// <param name="Name">The field name.</param>
/// <param name="Steps">The relationships walked, in order.</param>
/// <param name="Single">Whether the field leads to at most one node.</param>
/// <param name="Description">One sentence for the schema documentation.</param>
public sealed record RelationField(NodeKind Owner, string Name, IReadOnlyList<RelationStep> Steps, bool Single, string Description)
{
    /// <summary>The kind the field leads to.</summary>
    public NodeKind Target => Steps[^1].Target;

    /// <summary>Whether the field walks one relationship (not a derived path).</summary>
    public bool IsDirect => Steps.Count == 1;

    /// <summary>Every relationship field of a kind: direct ones both ways, then derived paths.</summary>
    public static IReadOnlyList<RelationField> Of(NodeKind kind) => Cache[kind.Label];

    /// <summary>Finds a relationship field of a kind by name.</summary>
    public static RelationField? Find(NodeKind kind, string name) => Cache[kind.Label].FirstOrDefault(f => f.Name == name);

    private static readonly Dictionary<string, IReadOnlyList<RelationField>> Cache = GraphModel.NodeKinds.ToDictionary(
        k => k.Label,
        k => (IReadOnlyList<RelationField>)Build(k),
        StringComparer.Ordinal);

    private static List<RelationField> Build(NodeKind kind)
    {
        var fields = new List<RelationField>();
        foreach (var relation in GraphModel.Relations)
        {
            if (relation.From == kind)
                fields.Add(new RelationField(kind, relation.ForwardField, [new RelationStep(relation, true)], relation.ForwardSingle, relation.Description));
            if (relation.To == kind)
                fields.Add(new RelationField(kind, relation.ReverseField, [new RelationStep(relation, false)], relation.ReverseSingle, relation.Description));
        }

        foreach (var derived in GraphModel.DerivedRelations.Where(d => d.Owner == kind))
            fields.Add(new RelationField(kind, derived.Field, derived.Steps, derived.Single, derived.Description));

        var duplicate = fields.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{kind.Label} has two relationship fields named '{duplicate.Key}'.");
        return fields;
    }
}
