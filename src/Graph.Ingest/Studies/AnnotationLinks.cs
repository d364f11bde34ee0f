using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Store;

namespace Graph.Ingest.Studies;

/// <summary>Which series an annotation is written as annotating, and its Annotation node.</summary>
/// <remarks>
/// An annotation ANNOTATES each series it declares (Referenced Series Sequence of a SEG, RT Referenced Series Sequence of an
/// RTSTRUCT) that the catalogue holds or that is written with it. When it names none of them, it ANNOTATES its own series,
/// so it is still placed (and readable exactly when that series is); that is counted as a warning, never silent. Once a
/// source series is known and the object is read again, the link to its own series is removed and the source linked.
/// </remarks>
internal static class AnnotationLinks
{
    private static readonly RelationKind Annotates = GraphModel.Relation("ANNOTATES", GraphModel.Annotation.Label, GraphModel.Series.Label)!;

    /// <summary>The series an annotation is linked to, and whether that is its own for want of a known source.</summary>
    public static (IReadOnlyList<string> Series, bool Unlinked) Targets(DeidentifiedAnnotation annotation, Func<string, bool> known)
    {
        var sources = annotation.SourceSeries.Where(known).ToArray();
        return sources.Length > 0 ? (sources, false) : ([annotation.Series], true);
    }

    /// <summary>Adds the annotation's node and links to a ChangeSet.</summary>
    public static void AddTo(ChangeSet changes, DeidentifiedAnnotation annotation, Func<string, bool> known)
    {
        changes.Add(NodeRecord.Of(
            GraphModel.Annotation,
            annotation.AnnotationId,
            ("kind", annotation.Kind),
            ("label", annotation.Label),
            ("author", annotation.Author),
            ("description", annotation.Description),
            ("codes", annotation.Codes.Count > 0 ? annotation.Codes.ToArray() : null)));
        var (series, unlinked) = Targets(annotation, known);
        foreach (var uid in series)
            changes.Add(EdgeRecord.Of(Annotates, annotation.AnnotationId, uid));
        if (!unlinked && !series.Contains(annotation.Series, StringComparer.Ordinal))
            changes.DeletedEdges.Add(EdgeRecord.Of(Annotates, annotation.AnnotationId, annotation.Series));
    }
}
