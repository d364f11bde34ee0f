using Graph.Api.Hosting;
using Graph.Api.Security;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Graph.Api.Tests.Hardening;

/// <summary>Issue 16, point 8: audit.log grew without rotation (about 270 KB/s under load).</summary>
public sealed class AuditRotationTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Write_PastMaxBytes_RotatesAndKeepsRetainedFilesOnly()
    {
        using var audit = Create(new AuditOptions { MaxFileBytes = 2_000, RetainedFiles = 3 });
        for (var i = 0; i < 200; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            audit.Write(Researcher, "read", "Op", ["datasets"], "ok");
        }

        Assert.True(new FileInfo(audit.Path).Length <= 2_000);
        var rotated = Directory.GetFiles(_folder.Path, "audit-*.log");
        Assert.Equal(3, rotated.Length);
        Assert.All(rotated, f => Assert.InRange(new FileInfo(f).Length, 1, 2_000));
    }

    [Fact]
    public void Write_AfterRollInterval_StartsANewFile()
    {
        using var audit = Create(new AuditOptions { RollInterval = TimeSpan.FromHours(1) });
        audit.Write(Researcher, "read", "First", ["datasets"], "ok");
        _clock.Advance(TimeSpan.FromMinutes(59));
        audit.Write(Researcher, "read", "Second", ["datasets"], "ok");
        Assert.Empty(Directory.GetFiles(_folder.Path, "audit-*.log"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        audit.Write(Researcher, "read", "Third", ["datasets"], "ok");

        var rotated = Assert.Single(Directory.GetFiles(_folder.Path, "audit-*.log"));
        Assert.Equal(2, File.ReadAllLines(rotated).Length);
        Assert.Contains("Third", Assert.Single(File.ReadAllLines(audit.Path)), StringComparison.Ordinal);
    }

    private static Caller Researcher => new("key:abc", CatalogRole.Researcher, new HashSet<string>());

    private AuditLog Create(AuditOptions rotation) => new(
        Options.Create(new GraphOptions { DataDirectory = _folder.Path }), Options.Create(rotation), _clock, NullLogger<AuditLog>.Instance);

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
