using Graph.Catalog.Storage;
using Graph.Domain;
using Graph.Store;

namespace Graph.Catalog.Tests;

/// <summary>Random commits on top of the random catalogue, applied as the index applies the change feed (each a new snapshot
/// built on the current one), and the same records loaded from scratch.</summary>
internal sealed partial class RandomCatalogue
{
    private int _added;

    /// <summary>Deleted nodes, which a later commit may write again (they keep their ordinals).</summary>
    public Dictionary<(string Label, string Key), NodeRecord> Deleted { get; } = [];

    /// <summary>Applies a commit of a few random changes: new studies (of existing or new patients), changed values, deletions,
    /// nodes written again after deletion, series moved between studies, dataset and concept links added and removed.</summary>
    /// <returns>What the commit did, for failure messages.</returns>
    /// <param name="random">The source of the changes.</param>
    /// <param name="only">One kind of change to make once (0: a new study; 2: a changed series), instead of one to three random ones.</param>
    public string Commit(Random random, int? only = null)
    {
        var sequence = Snapshot.Sequence + 1;
        var builder = new SnapshotBuilder(Snapshot);
        var done = new List<string>();
        for (var step = only is null ? random.Next(1, 4) : 1; step > 0; step--)
            done.Add(Change(random, builder, sequence, only));
        _allEdges = null;
        Snapshot = builder.Build(sequence);
        return string.Join("; ", done);
    }

    /// <summary>Saves the snapshot to an index file and goes on from the snapshot read back, as a restart does.</summary>
    public string Restart(string path)
    {
        SnapshotFile.Write(Snapshot, "mark", path);
        Snapshot = SnapshotFile.Read(path);
        return "restart from the index file";
    }

    /// <summary>A snapshot of the same live records built from an empty one, as a fresh load would.</summary>
    public CatalogSnapshot FromScratch()
    {
        var builder = new SnapshotBuilder(CatalogSnapshot.CreateEmpty());
        foreach (var key in Order.Distinct().Where(Nodes.ContainsKey))
            builder.Node(new StoredNode(Nodes[key], 1, false));
        foreach (var edge in Edges)
            builder.Edge(new StoredEdge(edge, 1, false));
        return builder.Build(Snapshot.Sequence);
    }

    private string Change(Random random, SnapshotBuilder builder, long sequence, int? only)
    {
        void Put(NodeRecord record)
        {
            var key = (record.Label, record.Key);
            if (!Nodes.ContainsKey(key) && !Deleted.Remove(key))
                Order.Add(key);
            Nodes[key] = record;
            builder.Node(new StoredNode(record, sequence, false));
        }

        void Link(EdgeRecord edge)
        {
            if (!Nodes.ContainsKey((edge.From.Label, edge.From.Key)) || !Nodes.ContainsKey((edge.To.Label, edge.To.Key))
                || Edges.Any(e => e.Type == edge.Type && e.From == edge.From && e.To == edge.To))
                return;
            Edges.Add(edge);
            builder.Edge(new StoredEdge(edge, sequence, false));
        }

        void Unlink(EdgeRecord edge)
        {
            // The same link may have been added twice at the start: the store holds it once.
            Edges.RemoveAll(e => e.Type == edge.Type && e.From == edge.From && e.To == edge.To);
            builder.Edge(new StoredEdge(edge, sequence, true));
        }

        (string Label, string Key)? Pick(NodeKind kind)
        {
            var live = Nodes.Keys.Where(k => k.Label == kind.Label).ToList();
            return live.Count == 0 ? null : live[random.Next(live.Count)];
        }

        NodeRecord Series(string key) => NodeRecord.Of(
            GraphModel.Series,
            key,
            ("modality", random.Next(8) == 0 ? "XA" : Modalities[random.Next(4)]),
            ("bodyPart", random.Next(4) == 0 ? null : BodyParts[random.Next(4)]),
            ("sliceThickness", random.Next(3) == 0 ? null : (object)(Thicknesses[random.Next(5)] + random.Next(2))),
            ("imageCount", (long)random.Next(1, 400)),
            ("contrast", random.Next(3) switch { 0 => null, 1 => (object)true, _ => false }),
            ("description", random.Next(4) == 0 ? null : Descriptions[random.Next(Descriptions.Length)]));

        switch (only ?? random.Next(10))
        {
            case 0:
            case 1:
                {
                    // A new study with its series, of an existing patient or of a new one.
                    var patient = random.Next(3) > 0 ? Pick(GraphModel.Patient)?.Key : null;
                    if (patient is null)
                    {
                        patient = $"N{++_added:D3}";
                        Put(NodeRecord.Of(GraphModel.Patient, patient, ("sex", Sexes[random.Next(3)]), ("ageAtDiagnosis", (long)random.Next(1, 90))));
                        Link(EdgeRecord.Of("INCLUDES", new NodeRef("Dataset", $"ds-{random.Next(3)}"), new NodeRef("Patient", patient)));
                    }

                    var study = $"9.2.{++_added}";
                    Put(NodeRecord.Of(GraphModel.Study, study, ("year", (long)random.Next(2010, 2024)), ("modalitiesInStudy", new[] { Modalities[random.Next(4)] })));
                    Link(EdgeRecord.Of("HAS_STUDY", new NodeRef("Patient", patient), new NodeRef("Study", study)));
                    for (var s = random.Next(1, 4); s > 0; s--)
                    {
                        var series = $"9.3.{++_added}";
                        Put(Series(series));
                        Link(EdgeRecord.Of("HAS_SERIES", new NodeRef("Study", study), new NodeRef("Series", series)));
                    }

                    return $"new study {study} of {patient}";
                }

            case 2:
                {
                    if (Pick(GraphModel.Series) is not { } series)
                        return "nothing";
                    Put(Series(series.Key));
                    return $"changed series {series.Key}";
                }

            case 3:
                {
                    if (Pick(GraphModel.Patient) is not { } patient)
                        return "nothing";
                    Put(NodeRecord.Of(GraphModel.Patient, patient.Key, ("sex", random.Next(4) == 0 ? null : Sexes[random.Next(3)]), ("ageAtDiagnosis", (long)random.Next(1, 90))));
                    return $"changed patient {patient.Key}";
                }

            case 4:
                {
                    var kind = new[] { GraphModel.Series, GraphModel.Study, GraphModel.Patient, GraphModel.Dataset }[random.Next(4)];
                    if (Pick(kind) is not { } node)
                        return "nothing";
                    Delete(builder, node, sequence);
                    return $"deleted {node}";
                }

            case 5:
                {
                    // A deleted node written again: same key, same ordinal, live again (without its old relationships).
                    if (Deleted.Count == 0)
                        return "nothing";
                    var (key, record) = Deleted.ElementAt(random.Next(Deleted.Count));
                    Put(key.Label == "Series" ? Series(key.Key) : record);
                    if (key.Label == "Series" && Pick(GraphModel.Study) is { } study)
                        Link(EdgeRecord.Of("HAS_SERIES", new NodeRef("Study", study.Key), new NodeRef("Series", key.Key)));
                    return $"wrote {key} again";
                }

            case 6:
                {
                    // A series moved to another study.
                    if (Pick(GraphModel.Series) is not { } series || Pick(GraphModel.Study) is not { } study)
                        return "nothing";
                    foreach (var edge in Edges.Where(e => e.Type == "HAS_SERIES" && e.To.Key == series.Key).ToList())
                        Unlink(edge);
                    Link(EdgeRecord.Of("HAS_SERIES", new NodeRef("Study", study.Key), new NodeRef("Series", series.Key)));
                    return $"moved {series.Key} to {study.Key}";
                }

            case 7:
                {
                    // A patient added to or taken out of a dataset.
                    if (Pick(GraphModel.Patient) is not { } patient || Pick(GraphModel.Dataset) is not { } dataset)
                        return "nothing";
                    var existing = Edges.FirstOrDefault(e => e.Type == "INCLUDES" && e.From.Key == dataset.Key && e.To.Key == patient.Key);
                    if (existing is not null)
                        Unlink(existing);
                    else
                        Link(EdgeRecord.Of("INCLUDES", new NodeRef("Dataset", dataset.Key), new NodeRef("Patient", patient.Key)));
                    return $"{(existing is null ? "included" : "excluded")} {patient.Key} in {dataset.Key}";
                }

            case 8:
                {
                    // A concept link added or removed, or a concept deleted or written again.
                    var from = Concepts[random.Next(Concepts.Length)];
                    var to = Concepts[random.Next(Concepts.Length)];
                    if (random.Next(3) == 0)
                    {
                        if (Nodes.ContainsKey(("Concept", from)))
                        {
                            Delete(builder, ("Concept", from), sequence);
                            return $"deleted concept {from}";
                        }

                        Put(NodeRecord.Of(GraphModel.Concept, from, ("system", from[..from.IndexOf(':', StringComparison.Ordinal)]), ("code", from[(from.IndexOf(':', StringComparison.Ordinal) + 1)..])));
                        return $"wrote concept {from}";
                    }

                    if (from == to || !Nodes.ContainsKey(("Concept", from)) || !Nodes.ContainsKey(("Concept", to)))
                        return "nothing";
                    var link = Edges.FirstOrDefault(e => e.Type == "BROADER" && e.From.Key == from && e.To.Key == to);
                    if (link is not null)
                        Unlink(link);
                    else
                        Link(EdgeRecord.Of("BROADER", new NodeRef("Concept", from), new NodeRef("Concept", to)));
                    return $"{(link is null ? "linked" : "unlinked")} {from} broader {to}";
                }

            default:
                {
                    // A study's metadata changed (its year and modalities).
                    if (Pick(GraphModel.Study) is not { } study)
                        return "nothing";
                    Put(NodeRecord.Of(GraphModel.Study, study.Key, ("year", (long)random.Next(2010, 2024)), ("modalitiesInStudy", random.Next(3) == 0 ? null : new[] { Modalities[random.Next(4)] })));
                    return $"changed study {study.Key}";
                }
        }
    }
}
