using Graph.Domain;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Store.Tests;

/// <summary>The writer, the one way into the graph, against a store that fails on demand: an invalid set never reaches the
/// store, a transient failure is retried and reported once, a lost reply is not applied twice, and the index hears of each
/// change exactly once.</summary>
public sealed class GraphWriterTests
{
    private static readonly RetryPolicy Quick = new() { MaxRetries = 3, FirstDelay = TimeSpan.FromMilliseconds(1) };

    private static (GraphWriter Writer, RecordingCommitListener Listener) WriterOver(ScriptedStore store)
    {
        var listener = new RecordingCommitListener();
        return (new GraphWriter(store, [listener], NullLogger<GraphWriter>.Instance, Quick), listener);
    }

    private static ChangeSet Study(string uid) => new ChangeSet { Source = "test" }
        .Add(NodeRecord.Of(GraphModel.Patient, "P-1", ("sex", "F")))
        .Add(NodeRecord.Of(GraphModel.Study, uid, ("year", 2020)))
        .Add(EdgeRecord.Of(GraphModel.Relations.Single(r => r.Id == "Patient-HAS_STUDY->Study"), "P-1", uid));

    [Fact]
    public async Task Write_ValidSet_ReachesTheStoreOnce_AndEveryListenerHearsOfIt()
    {
        var store = new ScriptedStore();
        var listeners = new[] { new RecordingCommitListener(), new RecordingCommitListener() };
        var writer = new GraphWriter(store, listeners, NullLogger<GraphWriter>.Instance, Quick);

        var result = await writer.WriteAsync(Study("1.2.3"), CancellationToken.None);

        Assert.Equal(1, result.Sequence);
        Assert.Equal(1, store.Attempts);
        Assert.All(listeners, l => Assert.Equal([1L], l.Sequences));
    }

    [Fact]
    public async Task Write_InvalidSet_IsRejectedWithEveryError_AndNothingReachesTheStore()
    {
        var store = new ScriptedStore();
        var (writer, listener) = WriterOver(store);
        var changes = Study("1.2.3")
            .Add(NodeRecord.Of(GraphModel.Series, "1.2.3.4", ("modality", "CT"), ("sliceThickness", -2.0)))
            .Add(NodeRecord.Of(GraphModel.Patient, "P-2", ("sex", "X")));
        changes.DeletedNodes.Add(new NodeRef("Scanner", "s1"));

        var rejected = await Assert.ThrowsAsync<ChangeSetRejectedException>(() => writer.WriteAsync(changes, CancellationToken.None));

        Assert.Equal(3, rejected.Errors.Count);
        Assert.Contains(rejected.Errors, e => e.Contains("'sliceThickness': -2 is below the minimum 0", StringComparison.Ordinal));
        Assert.Contains(rejected.Errors, e => e.Contains("'sex': 'X' is not one of", StringComparison.Ordinal));
        Assert.Contains(rejected.Errors, e => e.Contains("Cannot delete Scanner 's1': unknown label", StringComparison.Ordinal));
        Assert.Equal(0, store.Attempts);
        Assert.Empty(listener.Sequences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public void Validate_RefusesAnIdTheStoreCannotRecord(string id)
    {
        var changes = new ChangeSet { Id = id }.Add(NodeRecord.Of(GraphModel.Patient, "P-1"));
        Assert.Contains(GraphWriter.Validate(changes), e => e.Contains("must have 1 to 64 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_TransientFailures_AreRetriedWithTheSameSet_AndReportedOnce()
    {
        var store = new ScriptedStore { TransientFailures = 2 };
        var (writer, listener) = WriterOver(store);
        var changes = Study("1.2.3");

        var result = await writer.WriteAsync(changes, CancellationToken.None);

        Assert.Equal(3, store.Attempts);
        Assert.Equal([changes.Id], store.AppliedIds);
        Assert.Equal([result.Sequence], listener.Sequences);
    }

    [Fact]
    public async Task Write_LostReply_ReportsTheCommitThatHappened_WithoutApplyingItTwice()
    {
        var store = new ScriptedStore { LoseReplies = 1 };
        var (writer, listener) = WriterOver(store);
        var changes = Study("1.2.3");

        var result = await writer.WriteAsync(changes, CancellationToken.None);

        Assert.True(result.Replayed);
        Assert.Equal(2, store.Attempts);
        Assert.Equal([changes.Id], store.AppliedIds);
        Assert.Equal(1, store.Sequence);
        Assert.Equal([1L], listener.Sequences);
    }

    [Fact]
    public async Task Write_MoreTransientFailuresThanRetries_FailsWithTheStoresReason_AndNobodyHearsOfIt()
    {
        var store = new ScriptedStore { TransientFailures = 10 };
        var (writer, listener) = WriterOver(store);

        var failure = await Assert.ThrowsAsync<GraphStoreException>(() => writer.WriteAsync(Study("1.2.3"), CancellationToken.None));

        Assert.True(failure.IsTransient);
        Assert.Equal(Quick.MaxRetries + 1, store.Attempts);
        Assert.Empty(store.AppliedIds);
        Assert.Empty(listener.Sequences);
    }

    [Fact]
    public async Task Write_PermanentFailure_IsNotRetried()
    {
        var store = new ScriptedStore { PermanentFailure = true };
        var (writer, _) = WriterOver(store);

        var failure = await Assert.ThrowsAsync<GraphStoreException>(() => writer.WriteAsync(Study("1.2.3"), CancellationToken.None));

        Assert.False(failure.IsTransient);
        Assert.Equal("the disk is full", failure.Reason);
        Assert.Equal(1, store.Attempts);
    }

    [Fact]
    public async Task Write_SetThatChangesNothing_IsNotAnnounced()
    {
        var store = new ScriptedStore();
        var (writer, listener) = WriterOver(store);

        await writer.WriteAsync(Study("1.2.3"), CancellationToken.None);
        var again = await writer.WriteAsync(Study("1.2.3"), CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Equal([1L], listener.Sequences);
    }

    [Fact]
    public async Task Write_CancelledWhileWaitingToRetry_StopsWithoutApplying()
    {
        var store = new ScriptedStore { TransientFailures = 10 };
        var writer = new GraphWriter(store, [], NullLogger<GraphWriter>.Instance, new RetryPolicy { MaxRetries = 5, FirstDelay = TimeSpan.FromSeconds(30) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteAsync(Study("1.2.3"), cancel.Token));

        Assert.Equal(1, store.Attempts);
        Assert.Empty(store.AppliedIds);
    }

    [Fact]
    public void RetryDelays_Double_WithAtMostAQuarterOfJitter_AndStopAtTenSeconds()
    {
        var policy = new RetryPolicy { FirstDelay = TimeSpan.FromMilliseconds(200) };
        for (var retry = 1; retry <= 4; retry++)
        {
            var expected = 200 * Math.Pow(2, retry - 1);
            var delays = Enumerable.Range(0, 200).Select(_ => policy.Delay(retry).TotalMilliseconds).ToList();
            Assert.All(delays, d => Assert.InRange(d, expected, expected * 1.25));
            Assert.True(delays.Distinct().Count() > 1, "replicas that failed together do not retry together");
        }

        Assert.Equal(10_000, policy.Delay(12).TotalMilliseconds);
    }

    /// <summary>A store that applies sets in memory by content (so the same content twice changes nothing) and by id (so a
    /// retried set reports the first commit), failing first as it is told.</summary>
    private sealed class ScriptedStore : IGraphStore
    {
        private readonly Dictionary<string, CommitResult> _byId = new(StringComparer.Ordinal);
        private readonly HashSet<string> _content = new(StringComparer.Ordinal);

        public int TransientFailures { get; set; }

        public int LoseReplies { get; set; }

        public bool PermanentFailure { get; init; }

        public int Attempts { get; private set; }

        public long Sequence { get; private set; }

        public List<string> AppliedIds { get; } = [];

        public Task<CommitResult> ApplyAsync(ChangeSet changes, CancellationToken cancellationToken)
        {
            Attempts++;
            if (PermanentFailure)
                throw new GraphStoreException("SQLite error 13: database or disk is full", false) { Reason = "the disk is full" };
            if (TransientFailures > 0)
            {
                TransientFailures--;
                throw new GraphStoreException("database is locked", true);
            }

            if (_byId.TryGetValue(changes.Id, out var earlier))
                return Task.FromResult(earlier with { Replayed = true });
            var nodes = changes.Nodes.Count(n => _content.Add($"{n.Label}:{n.Key}:{PropertyJson.Write(n.Properties)}"));
            var edges = changes.Edges.Count(e => _content.Add(e.ToString()));
            if (nodes + edges > 0)
                Sequence++;
            var result = new CommitResult(Sequence, nodes, edges);
            _byId[changes.Id] = result;
            AppliedIds.Add(changes.Id);
            if (LoseReplies > 0)
            {
                LoseReplies--;
                throw new GraphStoreException("connection reset after commit", true);
            }

            return Task.FromResult(result);
        }

        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<long> ReadAllAsync(IChangeSink sink, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> ReadAllAsync(IChangeSink sink, ReadScope scope, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<long> GetSequenceAsync(CancellationToken cancellationToken) => Task.FromResult(Sequence);

        public Task<string?> GetChangeMarkAsync(long sequence, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<PurgeResult> PurgeTombstonesAsync(DateTimeOffset committedBefore, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
