using System.Globalization;

namespace Graph.Bench.Peer;

/// <summary>Resident memory of processes from /proc: the proportional set size (shared pages split between the processes
/// that share them), so that a server of several processes (PostgreSQL) is not counted twice for its shared buffers.</summary>
internal static class ProcessMemory
{
    /// <summary>The PSS of a process and all its descendants, in MiB.</summary>
    public static double TreeMiB(int root)
    {
        var total = 0L;
        foreach (var pid in Tree(root))
            total += PssKiB(pid);
        return total / 1024.0;
    }

    private static IEnumerable<int> Tree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), CultureInfo.InvariantCulture, out var pid))
                continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                    children[parent] = list = [];
                list.Add(pid);
            }
            catch (IOException)
            {
            }
        }

        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            yield return pid;
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
                queue.Enqueue(child);
        }
    }

    private static long PssKiB(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
