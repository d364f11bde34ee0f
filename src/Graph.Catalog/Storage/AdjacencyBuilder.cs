using System.Collections.Immutable;

namespace Graph.Catalog.Storage;

/// <summary>Writes the next version of a relationship kind's adjacency, sorting each touched list once.</summary>
internal sealed class AdjacencyBuilder(Adjacency source)
{
    private readonly Side _outgoing = new(source.Outgoing);
    private readonly Side _incoming = new(source.Incoming);
    private ImmutableDictionary<long, IReadOnlyDictionary<string, object?>>.Builder? _properties;

    public void Add(int from, int to, IReadOnlyDictionary<string, object?> properties)
    {
        _outgoing.Add(from, to);
        _incoming.Add(to, from);
        if (source.Kind.Properties.Count > 0)
        {
            _properties ??= source.Properties.ToBuilder();
            _properties[Adjacency.PairKey(from, to)] = properties;
        }
    }

    public void Remove(int from, int to)
    {
        _outgoing.Remove(from, to);
        _incoming.Remove(to, from);
        if (source.Kind.Properties.Count > 0)
        {
            _properties ??= source.Properties.ToBuilder();
            _properties.Remove(Adjacency.PairKey(from, to));
        }
    }

    /// <summary>Removes every relationship of a node, either end.</summary>
    public void RemoveNode(int ordinal, bool isStart, bool isEnd)
    {
        if (isStart)
        {
            foreach (var to in _outgoing.Current(ordinal))
                Remove(ordinal, to);
        }

        if (isEnd)
        {
            foreach (var from in _incoming.Current(ordinal))
                Remove(from, ordinal);
        }
    }

    /// <summary>Records the nodes whose neighbour lists this version changes, both ways.</summary>
    public void Report(SnapshotChanges.Builder changes)
    {
        changes.Side(source.Kind, true, _outgoing.Touched);
        changes.Side(source.Kind, false, _incoming.Touched);
    }

    public Adjacency Build()
    {
        var outgoing = _outgoing.Build(out var delta);
        return new(source.Kind, outgoing, _incoming.Build(out _), source.Count + delta, _properties?.ToImmutable() ?? source.Properties);
    }

    /// <summary>One direction: lists copied on first touch, additions appended, written back sorted and distinct at the end.</summary>
    private sealed class Side(ChunkedArray<int[]> source)
    {
        private readonly Dictionary<int, Pending> _touched = [];

        public IEnumerable<int> Touched => _touched.Keys;

        public void Add(int node, int neighbour)
        {
            var pending = Touch(node);
            pending.Items.Add(neighbour);
            pending.Removed?.Remove(neighbour);
        }

        public void Remove(int node, int neighbour) => (Touch(node).Removed ??= []).Add(neighbour);

        public int[] Current(int node) => _touched.TryGetValue(node, out var pending) ? pending.Finish() : Original(node);

        public ChunkedArray<int[]> Build(out int delta)
        {
            delta = 0;
            if (_touched.Count == 0)
                return source;
            var builder = new ChunkedArrayBuilder<int[]>(source, null!);
            foreach (var (node, pending) in _touched)
            {
                var list = pending.Finish();
                delta += list.Length - Original(node).Length;
                builder.Set(node, list);
            }

            return builder.Build();
        }

        private Pending Touch(int node)
        {
            if (!_touched.TryGetValue(node, out var pending))
            {
                pending = new Pending([.. Original(node)]);
                _touched[node] = pending;
            }

            return pending;
        }

        private int[] Original(int node) => node < source.Length ? source[node] ?? [] : [];
    }

    private sealed class Pending(List<int> items)
    {
        public List<int> Items { get; } = items;

        public HashSet<int>? Removed { get; set; }

        public int[] Finish()
        {
            var list = Items.ToArray();
            Array.Sort(list);
            var length = 0;
            for (var i = 0; i < list.Length; i++)
            {
                if ((length > 0 && list[length - 1] == list[i]) || (Removed?.Contains(list[i]) ?? false))
                    continue;
                list[length++] = list[i];
            }

            return length == list.Length ? list : list[..length];
        }
    }
}
