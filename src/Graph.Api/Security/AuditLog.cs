using System.Buffers;
using System.Text.Json;
using Graph.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Appends audit entries as JSON lines to audit.log in the data folder, and logs them; rotates the file by size and age.</summary>
internal sealed partial class AuditLog(IOptions<GraphOptions> options, IOptions<AuditOptions> rotation, TimeProvider clock, ILogger<AuditLog> logger) : IDisposable
{
    private const string RotatedPrefix = "audit-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private FileStream? _file;
    private long _written;
    private DateTimeOffset _started;
    private bool _fileFailed;

    /// <summary>The path of the audit file.</summary>
    public string Path => System.IO.Path.Combine(options.Value.DataDirectory, "audit.log");

    /// <summary>Whether a request by this caller is audited although it changes nothing: when it may read records beyond the open tier.</summary>
    public static bool IsGated(Caller caller) => caller.Role != CatalogRole.Anonymous;

    /// <summary>Writes an entry, handed to the operating system in one write before this returns (before the request answers),
    /// so nothing audited is lost when the service crashes after an answer. The write is synchronous: an append to the page
    /// cache costs microseconds, less than a hop to the thread pool and back.</summary>
    public void Write(Caller caller, string action, string? operation, IReadOnlyList<string> fields, string outcome)
    {
        var access = caller.Access;
        var datasets = access.IsEverything ? "all" : string.Join(' ', access.Tiers.Where(t => t != "open").Select(t => "tier:" + t).Concat(access.Grants.Order(StringComparer.Ordinal)));
        var now = clock.GetUtcNow();
        var entry = new AuditEntry(now, caller.Id, AccessPolicy.Name(caller.Role), action, operation, fields, datasets, outcome);
        LogAudit(entry.Caller, entry.Role, action, operation, string.Join(',', fields), outcome);
        var line = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(line))
            JsonSerializer.Serialize(json, entry, Json);
        line.Write("\n"u8);
        lock (_gate)
        {
            try
            {
                if (_file is not null && (_written + line.WrittenCount > rotation.Value.MaxFileBytes || now - _started >= rotation.Value.RollInterval))
                    Rotate(now);
                _file ??= Open(now);
                _file.Write(line.WrittenSpan);
                _written += line.WrittenCount;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A read-only or full volume: the entry is still in the service log above; the request is not failed for it.
                if (!_fileFailed)
                    LogFileFailed(e, Path);
                _fileFailed = true;
            }
        }
    }

    private FileStream Open(DateTimeOffset now)
    {
        // Unbuffered: each entry is one write(2) of the whole line.
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        _written = stream.Length;
        // A file left by the previous run keeps its age, so restarts do not keep it open for ever.
        _started = _written == 0 ? now : new DateTimeOffset(File.GetCreationTimeUtc(Path), TimeSpan.Zero);
        if (_started > now)
            _started = now;
        return stream;
    }

    private void Rotate(DateTimeOffset now)
    {
        _file!.Dispose();
        _file = null;
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        var name = $"{RotatedPrefix}{now.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}";
        var target = System.IO.Path.Combine(folder, name + ".log");
        for (var i = 1; File.Exists(target); i++)
            target = System.IO.Path.Combine(folder, $"{name}-{i}.log");
        File.Move(Path, target);
        var rotated = Directory.GetFiles(folder, RotatedPrefix + "*.log").Order(StringComparer.Ordinal).ToList();
        foreach (var old in rotated.Take(Math.Max(0, rotated.Count - Math.Max(0, rotation.Value.RetainedFiles))))
            File.Delete(old);
        LogRotated(target);
    }

    public void Dispose()
    {
        lock (_gate)
            _file?.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot write the audit file {Path}; audit entries go to the service log only")]
    private partial void LogFileFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotated the audit file to {Path}")]
    private partial void LogRotated(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {Caller} ({Role}) {Action} {Operation} [{Fields}]: {Outcome}")]
    private partial void LogAudit(string caller, string role, string action, string? operation, string fields, string outcome);
}
