using System.Runtime.InteropServices;

namespace Graph.Ingest.Dicom;

/// <summary>Tells a regular file from a pipe, a device or a socket, which .NET lists as files without saying so.</summary>
/// <remarks>Opening a FIFO for reading blocks until a writer comes, forever in a folder being ingested; a device never
/// ends. .NET exposes no file type, so this asks the runtime's own native shim (libSystem.Native, shipped with every
/// .NET runtime on Unix and used the same way by the dotnet CLI), whose status layout begins with flags and mode.</remarks>
internal static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    /// <summary>Whether the path, links followed, is a regular file; true on Windows, which has no such special files in folders.</summary>
    public static bool IsRegular(string path)
    {
        if (OperatingSystem.IsWindows())
            return true;
        return Stat(path, out var status) == 0 && (status.Mode & TypeMask) == Regular;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, out FileStatus output);

    // The leading fields of the shim's FileStatus; the size leaves room for the rest, which is not read.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct FileStatus
    {
        public int Flags;
        public int Mode;
    }
}
