using System.Text.Json;
using Graph.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Appends audit entries as JSON lines to audit.log in the data folder, and logs them; rotates the file by size and age.</summary>
internal sealed partial class AuditLog(IOptions<GraphOptions> options, IOptions<AuditOptions> rotation, TimeProvider clock, ILogger<AuditLog> logger) : IDisposable
{
    private const string RotatedPrefix = "audit-";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StreamWriter? _writer;
    private long _written;
    private DateTimeOffset _started;
    private bool _fileFailed;

    /// <summary>The path of the audit file.</summary>
    public string Path => System.IO.Path.Combine(options.Value.DataDirectory, "audit.log");

    /// <summary>Whether a request by this caller is audited although it changes nothing: when it may read records beyond the open tier.</summary>
    public static bool IsGated(Caller caller) => caller.Role != CatalogRole.Anonymous;

    /// <summary>Writes an entry; the request waits for it, so nothing audited is lost on a crash after the answer.</summary>
    public async Task WriteAsync(Caller caller, string action, string? operation, IReadOnlyList<string> fields, string outcome)
    {
        var access = caller.Access;
        var datasets = access.IsEverything ? "all" : string.Join(' ', access.Tiers.Where(t => t != "open").Select(t => "tier:" + t).Concat(access.Grants.Order(StringComparer.Ordinal)));
        var now = clock.GetUtcNow();
        var entry = new AuditEntry(now, caller.Id, AccessPolicy.Name(caller.Role), action, operation, fields, datasets, outcome);
        LogAudit(entry.Caller, entry.Role, action, operation, string.Join(',', fields), outcome);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            // One open file, each entry flushed to the operating system before the request answers.
            var bytes = System.Text.Encoding.UTF8.GetByteCount(line);
            if (_writer is not null && (_written + bytes > rotation.Value.MaxFileBytes || now - _started >= rotation.Value.RollInterval))
                Rotate(now);
            _writer ??= Open(now);
            await _writer.WriteAsync(line).ConfigureAwait(false);
            _written += bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only or full volume: the entry is still in the service log above; the request is not failed for it.
            if (!_fileFailed)
                LogFileFailed(e, Path);
            _fileFailed = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private StreamWriter Open(DateTimeOffset now)
    {
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _written = stream.Length;
        // A file left by the previous run keeps its age, so restarts do not keep it open for ever.
        _started = _written == 0 ? now : new DateTimeOffset(File.GetCreationTimeUtc(Path), TimeSpan.Zero);
        if (_started > now)
            _started = now;
        return new StreamWriter(stream) { AutoFlush = true };
    }

    private void Rotate(DateTimeOffset now)
    {
        _writer!.Dispose();
        _writer = null;
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
        _writer?.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot write the audit file {Path}; audit entries go to the service log only")]
    private partial void LogFileFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rotated the audit file to {Path}")]
    private partial void LogRotated(string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {Caller} ({Role}) {Action} {Operation} [{Fields}]: {Outcome}")]
    private partial void LogAudit(string caller, string role, string action, string? operation, string fields, string outcome);
}
