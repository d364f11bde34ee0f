using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Ingest.Tests.Demo;

public sealed class DemoSeederTests : IAsyncLifetime
{
    private static readonly DemoOptions Options = new() { Patients = 300, BatchPatients = 100 };
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"graph-ingest-{Guid.NewGuid():N}.db");
    private SqliteGraphStore _store = null!;
    private GraphWriter _writer = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteGraphStore(_path);
        await _store.EnsureSchemaAsync(CancellationToken.None);
        _writer = new GraphWriter(_store, [], NullLogger<GraphWriter>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
            File.Delete(file);
    }

    [Fact]
    public async Task SeedAsync_EmptyStore_WritesTheWholeCatalogue()
    {
        var summary = await DemoSeeder.SeedAsync(_writer, Options, null, CancellationToken.None);

        var statistics = await _store.GetStatisticsAsync(CancellationToken.None);
        Assert.Equal(4, summary.Batches);
        Assert.Equal(4, summary.BatchesChanged);
        Assert.Equal(300, summary.Counts.Patients);
        Assert.Equal(300L, statistics.Nodes["Patient"]);
        Assert.Equal(36L, statistics.Nodes["Dataset"]);
        Assert.Equal(9L, statistics.Nodes["CancerType"]);
        Assert.Equal(summary.Counts.Series, statistics.Nodes["Series"]);
        Assert.Equal(summary.Counts.Studies, statistics.Nodes["Study"]);
        Assert.Equal(summary.Counts.Series, statistics.Relationships["HAS_SERIES"]);
        Assert.Equal(summary.Sequence, statistics.Sequence);
    }

    [Fact]
    public async Task SeedAsync_SameOptionsTwice_SecondRunChangesNothing()
    {
        var first = await DemoSeeder.SeedAsync(_writer, Options, null, CancellationToken.None);

        var second = await DemoSeeder.SeedAsync(_writer, Options, null, CancellationToken.None);

        Assert.True(first.Changed);
        Assert.False(second.Changed);
        Assert.Equal(0, second.BatchesChanged);
        Assert.Equal(0L, second.NodesChanged + second.EdgesChanged);
        Assert.Equal(first.Sequence, second.Sequence);
        Assert.Equal(first.Counts, second.Counts);
        foreach (var changes in DemoCatalogue.Generate(Options))
            Assert.False((await _writer.WriteAsync(changes, CancellationToken.None)).Changed);
    }

    [Fact]
    public async Task SeedAsync_WithProgress_ReportsAfterEveryBatch()
    {
        var progress = new ListProgress<SeedProgress>();

        var summary = await DemoSeeder.SeedAsync(_writer, Options, progress, CancellationToken.None);

        Assert.Equal(summary.Batches, progress.Reports.Count);
        Assert.Equal([0, 100, 200, 300], progress.Reports.Select(p => p.Patients));
        Assert.All(progress.Reports, p => Assert.Equal(4, p.BatchesTotal));
        Assert.Equal(summary.Counts.Series, progress.Reports[^1].Series);
    }

    [Fact]
    public async Task SeedAsync_Cancelled_ThrowsAndWritesNothing()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DemoSeeder.SeedAsync(_writer, Options, null, cancelled.Token));

        Assert.Equal(0L, await _store.GetSequenceAsync(CancellationToken.None));
    }
}
