using System.Text.Json;
using Graph.Api.Hosting;
using Microsoft.Extensions.Options;

namespace Graph.Api.Security;

/// <summary>Appends audit entries as JSON lines to audit.log in the data folder, and logs them.</summary>
internal sealed partial class AuditLog(IOptions<GraphOptions> options, ILogger<AuditLog> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StreamWriter? _writer;
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
        var entry = new AuditEntry(DateTimeOffset.UtcNow, caller.Id, AccessPolicy.Name(caller.Role), action, operation, fields, datasets, outcome);
        LogAudit(entry.Caller, entry.Role, action, operation, string.Join(',', fields), outcome);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        await _gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            // One open file, each entry flushed to the operating system before the request answers.
            _writer ??= new StreamWriter(new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
            await _writer.WriteAsync(line).ConfigureAwait(false);
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

    public void Dispose()
    {
        _writer?.Dispose();
        _gate.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot write the audit file {Path}; audit entries go to the service log only")]
    private partial void LogFileFailed(Exception exception, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit {Caller} ({Role}) {Action} {Operation} [{Fields}]: {Outcome}")]
    private partial void LogAudit(string caller, string role, string action, string? operation, string fields, string outcome);
}
