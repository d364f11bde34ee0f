using System.Globalization;

namespace Graph.Bench.Peer;

/// <summary>What a server's processes use, from /proc: resident memory as the proportional set size (shared pages split
/// between the processes that share them, so that PostgreSQL's shared buffers are not counted once per backend), and CPU
/// time, so that each side's cost per request can be told apart from the load generator's on the same cores.</summary>
internal static class ProcessTree
{
    // /proc gives CPU times in clock ticks of USER_HZ, which Linux fixes at 100 per second on x86 and ARM.
    private const double TicksPerSecond = 100;

    /// <summary>The PSS of a process and all its descendants, in MiB.</summary>
    public static double MemoryMiB(int root)
    {
        var total = 0L;
        foreach (var pid in Tree(root))
            total += PssKiB(pid);
        return total / 1024.0;
    }

    /// <summary>The CPU time (user and system) a process and all its descendants have used so far, children that ended
    /// included (PostgreSQL's backends), in seconds.</summary>
    public static double CpuSeconds(int root)
    {
        var ticks = 0L;
        foreach (var pid in Tree(root))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                // utime, stime, cutime and cstime: fields 14 to 17 of proc_pid_stat(5), from 11 after the name (the state is 0).
                for (var i = 11; i <= 14; i++)
                    ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }

        return ticks / TicksPerSecond;
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
