using System.Globalization;
using Graph.Catalog.Storage;
using Graph.Domain;

namespace Graph.Catalog.Querying;

/// <summary>The counter behind every facet: value ids per node (own column or through relationships), their texts and labels.</summary>
public static partial class Facets
{
    /// <summary>For a coded field, the label of the concept a value codes (modality MR: Magnetic Resonance), when the catalogue holds it.</summary>
    private static Func<int, string?> ConceptLabel(CatalogSnapshot? snapshot, FieldDef definition, Func<int, string> text) =>
        snapshot is null || definition.CodeSystem is not { } system
            ? _ => null
            : value => snapshot.Find(GraphModel.Concept, system + ":" + text(value))?["label"] as string;

    /// <summary>Value ids by node (-1 when missing), each below <paramref name="Count"/>.</summary>
    private sealed record Coded(ChunkedArray<int> Ids, int Count);

    /// <summary>Collects value ids of target nodes and turns them back into text and labels.</summary>
    private sealed class Counter
    {
        private readonly Action<int, HashSet<int>> _collect;
        private readonly Func<int, string> _text;
        private readonly Func<int, string?> _label;

        private Counter(Action<int, HashSet<int>> collect, Func<int, string> text, Func<int, string?> label, Func<int, int>? single = null, Coded? coded = null)
        {
            Single = single;
            Codes = coded;
            _collect = collect;
            _text = text;
            _label = label;
        }

        private int[] _dense = new int[64];

        /// <summary>The value id of a target node (-1 when missing), for fields with at most one value.</summary>
        public Func<int, int>? Single { get; }

        /// <summary>The value ids of <see cref="Single"/> as a column (text codes, number ids), when they are one.</summary>
        public Coded? Codes { get; }

        public IEnumerable<KeyValuePair<int, int>> Counts =>
            Enumerable.Range(0, _dense.Length).Where(i => _dense[i] > 0).Select(i => new KeyValuePair<int, int>(i, _dense[i]));

        public void Add(int value, int count = 1)
        {
            if (value >= _dense.Length)
                Array.Resize(ref _dense, Math.Max(value + 1, _dense.Length * 2));
            _dense[value] += count;
        }

        public void Collect(int target, HashSet<int> seen) => _collect(target, seen);

        /// <summary>Fills <paramref name="seen"/> with the value ids of a node: its own, or those of the targets it reaches.</summary>
        public void CollectOf(int node, ChunkedArray<int[]>? targets, HashSet<int> seen)
        {
            seen.Clear();
            if (targets is null)
            {
                _collect(node, seen);
                return;
            }

            foreach (var target in targets[node])
                _collect(target, seen);
        }

        public string Text(int value) => _text(value);

        public string? Label(int value) => _label(value);

        public static Counter For(NodeTable table, FieldPath path, CatalogSnapshot? snapshot = null)
        {
            if (path.Definition is null)
            {
                var labelColumn = table.Column("name") ?? table.Column("title") ?? table.Column("label");
                return new Counter((t, seen) => seen.Add(t), table.Key, t => labelColumn?.Get(t) as string, t => t);
            }

            switch (table.Column(path.Field))
            {
                case NumberColumn number when snapshot is not null:
                    var numbers = NumberIdsOf(snapshot, table, number, path.Definition.Type != ValueKind.Float);
                    var (numberIds, numberTexts) = (numbers.Ids, numbers.Texts);
                    return new Counter((t, seen) => { if (numberIds[t] >= 0) seen.Add(numberIds[t]); }, id => numberTexts[id], _ => null, t => numberIds[t], new Coded(numberIds, numberTexts.Length));
                case StringColumn text:
                    return new Counter(
                        (t, seen) => { if (text.Code(t) is var c and >= 0) seen.Add(c); },
                        c => text.Values[c],
                        ConceptLabel(snapshot, path.Definition, c => text.Values[c]),
                        text.Code,
                        new Coded(text.Codes, text.Values.Count));
                case StringListColumn list:
                    return new Counter((t, seen) => { foreach (var c in list.CodesOf(t) ?? []) seen.Add(c); }, c => list.Values[c], _ => null);
                case BoolColumn flag:
                    return new Counter((t, seen) => { if (flag.Value(t) is var v and >= 0) seen.Add(v); }, v => v == 1 ? "true" : "false", _ => null, t => flag.Value(t));
                case NumberColumn number:
                    var values = new List<double>();
                    var ids = new Dictionary<double, int>();
                    var whole = path.Definition.Type != ValueKind.Float;
                    int IdOf(int t)
                    {
                        var v = number.Value(t);
                        if (double.IsNaN(v))
                            return -1;
                        if (!ids.TryGetValue(v, out var id))
                        {
                            id = values.Count;
                            values.Add(v);
                            ids[v] = id;
                        }

                        return id;
                    }

                    return new Counter(
                        (t, seen) => { if (IdOf(t) is var id and >= 0) seen.Add(id); },
                        id => whole ? ((long)values[id]).ToString(CultureInfo.InvariantCulture) : values[id].ToString("R", CultureInfo.InvariantCulture),
                        _ => null,
                        IdOf);
                default:
                    throw new CatalogQueryException($"'{path.Text}' cannot be counted as a facet.");
            }
        }
    }
}
