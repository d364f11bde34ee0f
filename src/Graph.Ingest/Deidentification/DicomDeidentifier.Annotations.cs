using Graph.Dicom;
using Graph.Domain;

namespace Graph.Ingest.Deidentification;

/// <summary>Reads the annotation of a segmentation (SEG) or RT structure set (RTSTRUCT): labels, codes and the series it annotates.</summary>
internal sealed partial class DicomDeidentifier
{
    private static readonly int MaxLabel = GraphModel.Annotation.Field("label")!.MaxLength;

    /// <summary>The annotation of an instance, or null when it is neither a SEG nor an RTSTRUCT.</summary>
    /// <remarks>
    /// SEG: one label per item of the Segment Sequence (Segment Label), codes from each item's Segmented Property Type Code
    /// Sequence, author from the Segment Algorithm Names, description from Content Description, and the source series
    /// from the Referenced Series Sequence. RTSTRUCT: one label per ROI of the Structure Set ROI Sequence (ROI Name), codes
    /// from the RT ROI Identification Code Sequence of each RT ROI Observations item, description from the Structure Set
    /// Description, Name or Label, and the source series from Referenced Frame of
    /// Reference Sequence > RT Referenced Study Sequence > RT Referenced Series Sequence. Every text is kept only when clean,
    /// as descriptions are; each dropped text counts in <paramref name="removed"/>.
    /// </remarks>
    private DeidentifiedAnnotation? Annotation(Allowed a, string ownSeries, DescriptorCleaner cleaner, ref int removed)
    {
        var sopClass = a.Text(DicomTag.SOPClassUID) ?? a.Text(DicomTag.MediaStorageSOPClassUID);
        var modality = a.Text(DicomTag.Modality);
        var isSegmentation = sopClass == AnnotationTags.SegmentationStorage || (sopClass is null && modality == "SEG");
        var isStructureSet = sopClass == AnnotationTags.RtStructureSetStorage || (sopClass is null && modality == "RTSTRUCT");
        if (!isSegmentation && !isStructureSet)
            return null;

        var sopUid = a.Text(DicomTag.SOPInstanceUID) ?? a.Text(DicomTag.MediaStorageSOPInstanceUID)!;
        var labels = new List<string>();
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        var authors = new List<string>();
        var sources = new SortedSet<string>(StringComparer.Ordinal);
        string? description;
        if (isSegmentation)
        {
            foreach (var segment in a.Items(AnnotationTags.SegmentSequence))
            {
                AddClean(labels, cleaner, segment.Text(AnnotationTags.SegmentLabel), ref removed);
                AddClean(authors, cleaner, segment.Text(AnnotationTags.SegmentAlgorithmName), ref removed);
                AddCodes(codes, cleaner, segment.Items(AnnotationTags.SegmentedPropertyTypeCodeSequence));
            }

            foreach (var series in a.Items(AnnotationTags.ReferencedSeriesSequence))
                AddSource(sources, series.Text(DicomTag.SeriesInstanceUID));
            description = Describe(cleaner, ref removed, a.Text(AnnotationTags.ContentDescription));
        }
        else
        {
            foreach (var roi in a.Items(AnnotationTags.StructureSetRoiSequence))
                AddClean(labels, cleaner, roi.Text(AnnotationTags.RoiName), ref removed);
            foreach (var observation in a.Items(AnnotationTags.RtRoiObservationsSequence))
                AddCodes(codes, cleaner, observation.Items(AnnotationTags.RtRoiIdentificationCodeSequence));
            foreach (var frame in a.Items(AnnotationTags.ReferencedFrameOfReferenceSequence))
            {
                foreach (var study in frame.Items(AnnotationTags.RtReferencedStudySequence))
                {
                    foreach (var series in study.Items(AnnotationTags.RtReferencedSeriesSequence))
                        AddSource(sources, series.Text(DicomTag.SeriesInstanceUID));
                }
            }

            description = Describe(
                cleaner, ref removed, a.Text(AnnotationTags.StructureSetDescription) ?? a.Text(AnnotationTags.StructureSetName) ?? a.Text(AnnotationTags.StructureSetLabel));
        }

        return new DeidentifiedAnnotation
        {
            AnnotationId = _uids?.Remap(sopUid) ?? sopUid,
            Series = ownSeries,
            Kind = "segmentation",
            Label = JoinLabels(labels.Distinct(StringComparer.Ordinal)),
            Author = authors.Count == 0 ? null : string.Join("; ", authors.Distinct(StringComparer.Ordinal)),
            Description = description,
            Codes = [.. codes],
            SourceSeries = [.. sources],
        };

        void AddSource(SortedSet<string> set, string? uid)
        {
            if (uid is not null && KeyRules.Check(GraphModel.Series, uid) is null)
                set.Add(_uids?.Remap(uid) ?? uid);
        }
    }

    private string? Describe(DescriptorCleaner cleaner, ref int removed, string? description)
    {
        if (!_retainCleanDescriptions)
            return null;
        (description, removed) = Clean(cleaner, description, removed);
        return description;
    }

    private static void AddCodes(SortedSet<string> codes, DescriptorCleaner cleaner, IEnumerable<Allowed> items)
    {
        foreach (var code in items)
        {
            if (AnnotationCodes.Curie(code.Text(AnnotationTags.CodingSchemeDesignator), code.Text(AnnotationTags.CodeValue)) is { } curie && cleaner.Clean(curie) is not null)
                codes.Add(curie);
        }
    }

    private static void AddClean(List<string> texts, DescriptorCleaner cleaner, string? text, ref int removed)
    {
        if (text is null)
            return;
        if (cleaner.Clean(text) is { } clean)
            texts.Add(clean);
        else
            removed++;
    }

    /// <summary>The labels joined by "; ", as many whole labels as fit the field, then "; …" when some were left out.</summary>
    private static string? JoinLabels(IEnumerable<string> labels)
    {
        var joined = new System.Text.StringBuilder();
        foreach (var label in labels)
        {
            var separator = joined.Length == 0 ? "" : "; ";
            if (joined.Length + separator.Length + label.Length > MaxLabel - 3)
                return joined.Length == 0 ? null : joined.Append("; …").ToString();
            joined.Append(separator).Append(label);
        }

        return joined.Length == 0 ? null : joined.ToString();
    }
}
