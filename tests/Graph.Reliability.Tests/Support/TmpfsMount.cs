using System.Diagnostics;

namespace Graph.Reliability.Tests.Support;

/// <summary>A small tmpfs mounted on a temporary folder: a real file system that fills up, and that can be remounted read-only.</summary>
/// <remarks>Needs root (CI runs as root); a test that cannot mount fails, saying why, rather than skipping.</remarks>
internal sealed class TmpfsMount : IDisposable
{
    public TmpfsMount(int sizeKiB)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "graph-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Run("mount", "-t", "tmpfs", "-o", $"size={sizeKiB}k,mode=0777", "tmpfs", Path);
    }

    /// <summary>The mount point.</summary>
    public string Path { get; }

    /// <summary>Fills the remaining space with a file; returns its path (delete it to free the space).</summary>
    public string Fill()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var block = new byte[4096];
        using var stream = new FileStream(filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        try
        {
            while (true)
                stream.Write(block);
        }
        catch (IOException)
        {
            // ENOSPC: the file system is full, as intended.
        }

        return filler;
    }

    /// <summary>Remounts the file system read-only or read-write in place; open files stay open.</summary>
    public void Remount(bool readOnly) => Run("mount", "-o", readOnly ? "remount,ro" : "remount,rw", Path);

    public void Dispose()
    {
        try
        {
            Run("umount", "-l", Path);
            Directory.Delete(Path);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
        }
    }

    private static void Run(string command, params string[] args)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Cannot start {command}.");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{command} {string.Join(' ', args)}' failed ({process.ExitCode}): {error.Trim()}. These tests need root to mount a tmpfs.");
    }
}
