namespace Graph.Ingest.Deidentification;

/// <summary>What the catalogue keeps of a segmentation (SEG) or RT structure set (RTSTRUCT) instance: an Annotation node.</summary>
internal sealed record DeidentifiedAnnotation
{
    /// <summary>The SOP Instance UID of the object (remapped when UIDs are remapped): the annotation's id.</summary>
    public required string AnnotationId { get; init; }

    /// <summary>The series of the SEG or RTSTRUCT object itself (remapped when UIDs are remapped).</summary>
    public required string Series { get; init; }

    /// <summary>The kind (segmentation).</summary>
    public required string Kind { get; init; }

    /// <summary>The clean segment labels or ROI names, joined by "; "; null when none is clean.</summary>
    public string? Label { get; init; }

    /// <summary>The clean names of the algorithms that made the segments.</summary>
    public string? Author { get; init; }

    /// <summary>The clean content or structure set description.</summary>
    public string? Description { get; init; }

    /// <summary>The CURIEs of the segmented property types, ordered.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];

    /// <summary>The series the object declares it annotates (remapped when UIDs are remapped), ordered.</summary>
    public IReadOnlyList<string> SourceSeries { get; init; } = [];
}
