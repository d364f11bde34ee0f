using Graph.Domain;
using Graph.Ingest.Studies;
using Graph.Store;

namespace Graph.Ingest.Harvest;

/// <summary>A study read whole from a repository, mapped and de-identified as DICOM file ingest does, with its series' instance counts.</summary>
/// <remarks>
/// The nodes come from the aggregates file ingest uses too (Studies), fed with each series' first instance; only what a file ingest
/// counts from files differs: imageCount is the repository's instance count, and sizeBytes is left as stored
/// (DICOMweb does not give it cheaply).
/// </remarks>
internal sealed record HarvestedStudy(ListedStudy Listed, StudyPlan Plan, IReadOnlyDictionary<string, int> ImageCounts)
{
    /// <summary>The ChangeSet of whole studies: their patients (included in the dataset), the studies, all their series and
    /// their annotations, linked to the series they annotate in the set or that <paramref name="knownElsewhere"/> knows.</summary>
    public static ChangeSet Build(
        IReadOnlyCollection<HarvestedStudy> studies, string dataset, string source, Func<string, bool>? knownElsewhere = null, StoredStudies? stored = null)
    {
        var changes = IngestCatalogue.Build(studies.Select(s => s.Plan).ToArray(), dataset, source, knownElsewhere, stored);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var study in studies)
        {
            foreach (var (series, count) in study.ImageCounts)
                counts[series] = count;
        }

        for (var i = 0; i < changes.Nodes.Count; i++)
        {
            var node = changes.Nodes[i];
            if (node.Label == GraphModel.Series.Label && counts.TryGetValue(node.Key, out var count))
                changes.Nodes[i] = WithCount(node, count);
        }

        return changes;
    }

    private static NodeRecord WithCount(NodeRecord series, int count)
    {
        var properties = series.Properties.Where(p => p.Key != "sizeBytes").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        properties["imageCount"] = (long)count;
        return series with { Properties = properties };
    }
}
