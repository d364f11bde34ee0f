using Graph.Catalog.Storage;
using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog.Tests;

/// <summary>A small random catalogue with missing values, shared patients and deletions, built as a snapshot and kept as plain records for the reference.</summary>
internal sealed partial class RandomCatalogue
{
    public static readonly string[] Modalities = ["MR", "CT", "PT", "US"];
    public static readonly string[] BodyParts = ["PROSTATE", "BREAST", "CHEST", "Brain éé"];
    public static readonly double[] Thicknesses = [0.5, 1, 1.5, 3, 5];

    /// <summary>Series descriptions, which text search reads (words shared between some, as scanners name their protocols).</summary>
    public static readonly string[] Descriptions = ["T2 axial", "T1 axial post contrast", "DWI b1000", "Arterial phase", "T2 FLAIR coronal", "Axial"];
    public static readonly string[] Sexes = ["F", "M", "U"];

    /// <summary>Concepts of the coded fields' systems (modality DCM, bodyPart DCMBP) and of a partner's system.</summary>
    public static readonly string[] Concepts = ["DCM:MR", "DCM:CT", "DCM:PT", "DCM:US", "DCMBP:PROSTATE", "DCMBP:BREAST", "DCMBP:CHEST", "P:imaging", "P:mri", "P:pelvis", "SCTID:1", "SCTID:2"];

    public static readonly string[] MappingPredicates = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"];

    public RandomCatalogue(int seed)
    {
        var random = new Random(seed);
        var batch1 = new List<StoredNode>();
        var edges1 = new List<StoredEdge>();
        void Node(NodeKind kind, string key, params (string, object?)[] props)
        {
            var record = NodeRecord.Of(kind, key, props);
            batch1.Add(new StoredNode(record, 1, false));
            Nodes[(kind.Label, key)] = record;
            Order.Add((kind.Label, key));
        }

        void Edge(string type, NodeKind from, string fromKey, NodeKind to, string toKey)
        {
            var edge = EdgeRecord.Of(type, new NodeRef(from.Label, fromKey), new NodeRef(to.Label, toKey));
            edges1.Add(new StoredEdge(edge, 1, false));
            Edges.Add(edge);
        }

        T? Maybe<T>(T value) => random.Next(5) == 0 ? default : value;

        for (var d = 0; d < 3; d++)
            Node(GraphModel.Dataset, $"ds-{d}", ("title", $"Dataset {d}"), ("accessTier", GraphModel.AccessTiers[d]));
        var uid = 0;
        for (var p = 0; p < 30; p++)
        {
            var patient = $"P{p:D3}";
            Node(GraphModel.Patient, patient, ("sex", Maybe(Sexes[random.Next(3)])), ("ageAtDiagnosis", random.Next(4) == 0 ? null : (object)(long)random.Next(1, 90)));
            Edge("INCLUDES", GraphModel.Dataset, $"ds-{random.Next(3)}", GraphModel.Patient, patient);
            if (random.Next(6) == 0)
                Edge("INCLUDES", GraphModel.Dataset, $"ds-{random.Next(3)}", GraphModel.Patient, patient);
            for (var s = random.Next(4); s > 0; s--)
            {
                var study = $"1.2.{++uid}";
                var modalities = Enumerable.Range(0, random.Next(3)).Select(_ => Modalities[random.Next(4)]).Distinct().ToArray();
                Node(GraphModel.Study, study, ("year", (long)random.Next(2010, 2024)), ("modalitiesInStudy", modalities.Length == 0 ? null : modalities));
                Edge("HAS_STUDY", GraphModel.Patient, patient, GraphModel.Study, study);
                for (var r = random.Next(5); r > 0; r--)
                {
                    var series = $"1.3.{++uid}";
                    Node(
                        GraphModel.Series,
                        series,
                        ("modality", Modalities[random.Next(4)]),
                        ("bodyPart", Maybe(BodyParts[random.Next(4)])),
                        ("sliceThickness", random.Next(4) == 0 ? null : (object)Thicknesses[random.Next(5)]),
                        ("imageCount", (long)random.Next(1, 400)),
                        ("contrast", random.Next(3) switch { 0 => null, 1 => (object)true, _ => false }),
                        ("description", Maybe(Descriptions[random.Next(Descriptions.Length)])));
                    Edge("HAS_SERIES", GraphModel.Study, study, GraphModel.Series, series);
                }
            }
        }

        // A small concept graph with random links: BROADER, MAPS_TO with every predicate (cycles included); series are CODED_AS the concepts of their codes, derived.
        foreach (var curie in Concepts)
            Node(GraphModel.Concept, curie, ("system", curie[..curie.IndexOf(':', StringComparison.Ordinal)]), ("code", curie[(curie.IndexOf(':', StringComparison.Ordinal) + 1)..]));
        for (var i = random.Next(4, 14); i > 0; i--)
        {
            var from = Concepts[random.Next(Concepts.Length)];
            var to = Concepts[random.Next(Concepts.Length)];
            if (from == to || Edges.Any(e => e.From.Key == from && e.To.Key == to && e.From.Label == "Concept"))
                continue;
            if (random.Next(3) == 0)
            {
                Edge("BROADER", GraphModel.Concept, from, GraphModel.Concept, to);
                continue;
            }

            var edge = new EdgeRecord("MAPS_TO", new NodeRef("Concept", from), new NodeRef("Concept", to), new Dictionary<string, object?>
            {
                ["predicate"] = MappingPredicates[random.Next(MappingPredicates.Length)],
            });
            edges1.Add(new StoredEdge(edge, 1, false));
            Edges.Add(edge);
        }

        var builder = new SnapshotBuilder(CatalogSnapshot.CreateEmpty());
        batch1.ForEach(builder.Node);
        edges1.ForEach(builder.Edge);
        var first = builder.Build(1);

        // A second change: delete some series and a patient (with their relationships), update some values.
        var second = new SnapshotBuilder(first);
        foreach (var key in Nodes.Keys.Where(k => k.Label == "Series").Where((_, i) => i % 7 == 3).ToList())
            Delete(second, key);
        Delete(second, ("Patient", "P005"));
        Delete(second, ("Concept", Concepts[random.Next(Concepts.Length)]));
        foreach (var key in Nodes.Keys.Where(k => k.Label == "Series").Where((_, i) => i % 5 == 1).ToList())
        {
            var updated = NodeRecord.Of(GraphModel.Series, key.Key, ("modality", "CT"), ("sliceThickness", 2.5));
            Nodes[key] = updated;
            second.Node(new StoredNode(updated, 2, false));
        }

        Snapshot = second.Build(2);
    }

    public Dictionary<(string Label, string Key), NodeRecord> Nodes { get; } = [];

    public List<EdgeRecord> Edges { get; } = [];

    /// <summary>Keys in the order they entered (their ordinal order).</summary>
    public List<(string Label, string Key)> Order { get; } = [];

    public CatalogSnapshot Snapshot { get; private set; }

    /// <summary>The stored relationships and the ones derived from coded fields: each node of a derived kind's start to the concept SYSTEM:value of each coded field, when that concept exists.</summary>
    public IReadOnlyList<EdgeRecord> AllEdges() => _allEdges ??= [.. Edges.Concat(
        from kind in GraphModel.Relations.Where(r => r.FromCodedFields)
        from node in Nodes.Values.Where(n => n.Label == kind.From.Label)
        from field in kind.From.Fields.Where(f => f.CodeSystem is not null)
        let value = node.Properties.GetValueOrDefault(field.Name) as string
        where value is not null && Nodes.ContainsKey((kind.To.Label, field.CodeSystem + ":" + value))
        select EdgeRecord.Of(kind.Type, node.Ref, new NodeRef(kind.To.Label, field.CodeSystem + ":" + value)))];

    private List<EdgeRecord>? _allEdges;

    private void Delete(SnapshotBuilder builder, (string Label, string Key) key, long sequence = 2)
    {
        var record = Nodes[key];
        Nodes.Remove(key);
        Deleted[key] = record;
        _allEdges = null;
        builder.Node(new StoredNode(record, sequence, true));
        foreach (var edge in Edges.Where(e => (e.From.Label, e.From.Key) == key || (e.To.Label, e.To.Key) == key).ToList())
        {
            Edges.Remove(edge);
            builder.Edge(new StoredEdge(edge, sequence, true));
        }
    }
}
