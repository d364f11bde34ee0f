using System.Security.Cryptography;
using System.Text;
using Graph.Domain;
using Graph.Ingest.Demo;
using Graph.Store;

namespace Graph.Ingest.Tests.Demo;

/// <summary>What one pass over a generated catalogue saw: counts, validation errors, broken links, distributions and a digest.</summary>
internal sealed class CatalogueScan
{
    public CatalogueCounts Counts { get; private set; } = new();

    public int ChangeSets { get; private set; }

    public List<string> Errors { get; } = [];

    /// <summary>Relationships with an end node in neither their own ChangeSet nor the first; and series, studies,
    /// diagnoses and patients without their parent relationship in their own ChangeSet.</summary>
    public List<string> Broken { get; } = [];

    /// <summary>Patients by cancer type of their first diagnosis.</summary>
    public Dictionary<string, List<NodeRecord>> PatientsByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Series by cancer type of their patient's first diagnosis.</summary>
    public Dictionary<string, List<NodeRecord>> SeriesByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Every study with the modalities of its series.</summary>
    public List<(NodeRecord Study, HashSet<string> SeriesModalities)> Studies { get; } = [];

    /// <summary>The datasets that cover each cancer type.</summary>
    public Dictionary<string, List<string>> DatasetsByType { get; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 of every node in order, properties as the store writes them, then of every relationship in order;
    /// where ChangeSets begin and end makes no difference.</summary>
    public string Digest { get; private set; } = "";

    public static CatalogueScan Of(IEnumerable<ChangeSet> changeSets, bool keepRecords = false)
    {
        var scan = new CatalogueScan();
        using var nodeHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var edgeHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var catalogue = new HashSet<NodeRef>();
        foreach (var set in changeSets)
        {
            scan.ChangeSets++;
            scan.Counts = scan.Counts.Add(set);
            scan.Errors.AddRange(GraphWriter.Validate(set));
            Hash(nodeHash, edgeHash, set);
            var nodes = set.Nodes.Select(n => n.Ref).ToHashSet();
            if (scan.ChangeSets == 1)
                catalogue = nodes;
            scan.Check(set, nodes, catalogue);
            if (keepRecords)
                scan.Keep(set);
        }

        scan.Digest = Convert.ToHexString(nodeHash.GetHashAndReset()) + Convert.ToHexString(edgeHash.GetHashAndReset());
        return scan;
    }

    private static void Hash(IncrementalHash nodeHash, IncrementalHash edgeHash, ChangeSet set)
    {
        var text = new StringBuilder();
        foreach (var node in set.Nodes)
            text.Append(node.Label).Append('|').Append(node.Key).Append('|').Append(PropertyJson.Write(node.Properties)).Append('\n');
        nodeHash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
        text.Clear();
        foreach (var edge in set.Edges)
            text.Append(edge).Append('\n');
        edgeHash.AppendData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private void Check(ChangeSet set, HashSet<NodeRef> nodes, HashSet<NodeRef> catalogue)
    {
        var children = new HashSet<NodeRef>();
        foreach (var edge in set.Edges)
        {
            if (!nodes.Contains(edge.From) && !catalogue.Contains(edge.From))
                Broken.Add($"{edge}: no start node in ChangeSet {ChangeSets}");
            if (!nodes.Contains(edge.To) && !catalogue.Contains(edge.To))
                Broken.Add($"{edge}: no end node in ChangeSet {ChangeSets}");
            if (edge.Type is "INCLUDES" or "HAS_DIAGNOSIS" or "HAS_STUDY" or "HAS_SERIES")
                children.Add(edge.To);
            if (edge.Type == "COVERS")
                Add(DatasetsByType, edge.To.Key, edge.From.Key);
        }

        foreach (var node in set.Nodes)
        {
            if (node.Label is "Patient" or "Diagnosis" or "Study" or "Series" && !children.Contains(node.Ref))
                Broken.Add($"{node.Ref}: no parent in ChangeSet {ChangeSets}");
        }
    }

    private void Keep(ChangeSet set)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var patientType = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var edge in set.Edges)
        {
            if (edge.Type is "HAS_STUDY" or "HAS_SERIES")
                parent[edge.To.Key] = edge.From.Key;
            if (edge.Type == "OF_TYPE" && edge.From.Key.EndsWith("/1", StringComparison.Ordinal))
                patientType[edge.From.Key[..^2]] = edge.To.Key;
        }

        var studyModalities = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var node in set.Nodes)
        {
            if (node.Label == "Patient")
                Add(PatientsByType, patientType[node.Key], node);
            if (node.Label != "Series")
                continue;
            var study = parent[node.Key];
            Add(SeriesByType, patientType[parent[study]], node);
            if (!studyModalities.TryGetValue(study, out var modalities))
                studyModalities[study] = modalities = new HashSet<string>(StringComparer.Ordinal);
            modalities.Add((string)node["modality"]!);
        }

        foreach (var node in set.Nodes)
        {
            if (node.Label == "Study")
                Studies.Add((node, studyModalities.GetValueOrDefault(node.Key) ?? []));
        }
    }

    private static void Add<T>(Dictionary<string, List<T>> lists, string key, T item)
    {
        if (!lists.TryGetValue(key, out var list))
            lists[key] = list = [];
        list.Add(item);
    }
}
