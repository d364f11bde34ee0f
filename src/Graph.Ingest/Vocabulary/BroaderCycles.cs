namespace Graph.Ingest.Vocabulary;

/// <summary>Finds the cycles of a BROADER graph: its strongly connected components with more than one concept (Tarjan's algorithm, without recursion).</summary>
internal static class BroaderCycles
{
    /// <summary>The components with a cycle among the concepts reachable from <paramref name="starts"/>, each as its curies.</summary>
    public static List<HashSet<string>> Find(IEnumerable<string> starts, Func<string, IReadOnlyList<string>> broader)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var result = new List<HashSet<string>>();
        foreach (var start in starts)
        {
            if (index.ContainsKey(start))
                continue;
            var work = new Stack<(string Node, int Next)>();
            Enter(start);
            work.Push((start, 0));
            while (work.Count > 0)
            {
                var (node, next) = work.Pop();
                var targets = broader(node);
                if (next < targets.Count)
                {
                    work.Push((node, next + 1));
                    var target = targets[next];
                    if (!index.TryGetValue(target, out var targetIndex))
                    {
                        Enter(target);
                        work.Push((target, 0));
                    }
                    else if (onStack.Contains(target))
                    {
                        low[node] = Math.Min(low[node], targetIndex);
                    }

                    continue;
                }

                if (low[node] == index[node])
                {
                    var component = new HashSet<string>(StringComparer.Ordinal);
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        component.Add(member);
                    }
                    while (member != node);
                    if (component.Count > 1 || targets.Contains(node))
                        result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[node]);
                }
            }
        }

        return result;

        void Enter(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
        }
    }

    /// <summary>A shortest cycle from a concept back to itself within its component, as "A -> B -> A".</summary>
    public static string Path(string from, HashSet<string> component, Func<string, IReadOnlyList<string>> broader)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in broader(node))
            {
                if (next == from)
                {
                    var path = new List<string> { from, node };
                    for (var at = node; at != from; at = parent[at])
                        path.Add(parent[at]);
                    path.Reverse();
                    // path now runs from -> ... -> node -> from, with 'from' at both ends.
                    return string.Join(" -> ", path);
                }

                if (component.Contains(next) && next != from && parent.TryAdd(next, node))
                    queue.Enqueue(next);
            }
        }

        return from;
    }
}
