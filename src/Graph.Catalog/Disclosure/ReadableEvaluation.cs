using Graph.Catalog.Access;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Catalog.Disclosure;

/// <summary>Decides whether a filter selects the same readable records in the whole catalogue as in the caller's view.</summary>
/// <remarks>
/// The readable part of an aggregate must be what the caller can list (connections, saved cohorts), which are evaluated in the
/// caller's view. A filter that only looks at a patient's own records and at catalogue-level nodes selects the same readable
/// records either way, so the whole catalogue's evaluation serves both parts. One that walks from a catalogue-level node back to
/// patient-level records (patients of the same dataset, series of the same concept) or through annotations, which may span
/// patients, would let unreadable records decide which readable ones count: its readable part is evaluated in the view.
/// </remarks>
internal static class ReadableEvaluation
{
    /// <summary>Whether the filter's readable matches may depend on records the caller may not read.</summary>
    public static bool DependsOnOthers(NodeKind kind, Filter? filter) => filter is not null && Crosses(kind, filter, insidePatient: true);

    private static bool Crosses(NodeKind kind, Filter filter, bool insidePatient) => filter switch
    {
        AndFilter and => and.Items.Any(i => Crosses(kind, i, insidePatient)),
        OrFilter or => or.Items.Any(i => Crosses(kind, i, insidePatient)),
        NotFilter not => Crosses(kind, not.Inner, insidePatient),
        RelationFilter relation when RelationField.Find(kind, relation.Field) is { } field => Crosses(field, relation.Inner, insidePatient),
        RelationFilter => false,
        _ => false,
    };

    private static bool Crosses(RelationField field, Filter inner, bool insidePatient)
    {
        var fromRecord = IsRecord(field.Owner);
        var toRecord = IsRecord(field.Target);
        if (field.Owner == GraphModel.Annotation || field.Target == GraphModel.Annotation)
            return true;
        if (toRecord && (!fromRecord || !insidePatient))
            return true;
        return Crosses(field.Target, inner, insidePatient && toRecord);
    }

    private static bool IsRecord(NodeKind kind) => RecordAccess.PatientLevelKinds.Contains(kind);
}
