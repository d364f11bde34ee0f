using Graph.Ingest.Studies;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Ingest.Tests.Studies;

/// <summary>StoredStudies and KnownSeries ask the store by key, once per UID (they used to read every study and series of the
/// catalogue per question: a full scan per harvest page).</summary>
public sealed class StoredStudiesTests : IAsyncLifetime
{
    private readonly TempDirectory _folder = new();
    private RecordingStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new RecordingStore(new SqliteGraphStore(_folder.File("graph.db")));
        await _store.EnsureSchemaAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task LookUp_StoredStudyAndSeries_ReadsOnlyTheUidsAsked_OncePerUid()
    {
        var (patient, study, series, elsewhere) = (Some.Patient(), Some.Study(), Some.Series(), Some.Study());
        await _store.ApplyAsync(
            new ChangeSet().Add(patient).Add(study).Add(series).Add(elsewhere)
                .Add(Some.Edge("HAS_STUDY", patient, study)).Add(Some.Edge("HAS_SERIES", study, series)).Add(Some.Edge("HAS_STUDY", patient, elsewhere)),
            CancellationToken.None);
        var stored = new StoredStudies(_store);

        await stored.LookUpAsync([study.Key, "1.2.3.4"], [series.Key], CancellationToken.None);
        await stored.LookUpAsync([study.Key], [series.Key], CancellationToken.None);

        var scope = Assert.Single(_store.Scopes);
        Assert.Equal(["1.2.3.4", study.Key, series.Key], scope.Keys!.Order(StringComparer.Ordinal));
        Assert.True(stored.HeldByAnotherPatient(study.Key, "SYN-OTHER"));
        Assert.False(stored.HeldByAnotherPatient(study.Key, patient.Key));
        Assert.True(stored.HeldByAnotherStudy(series.Key, elsewhere.Key));
        Assert.Equal(["MR"], stored.Modalities(study.Key));
        Assert.Equal((120L, 63_000_000L), stored.Counts(series.Key));
        Assert.Null(stored.Counts("1.2.3.4"));
    }

    [Fact]
    public async Task KnownSeries_LookUp_ReadsOnlyTheUidsAsked_ByKeyOnly()
    {
        var series = Some.Series();
        await _store.ApplyAsync(new ChangeSet().Add(series), CancellationToken.None);
        var known = new KnownSeries(_store);

        await known.LookUpAsync([series.Key, "1.2.3.4"], CancellationToken.None);
        await known.LookUpAsync([series.Key, "1.2.3.4"], CancellationToken.None);

        var scope = Assert.Single(_store.Scopes);
        Assert.Equal(["1.2.3.4", series.Key], scope.Keys!.Order(StringComparer.Ordinal));
        Assert.True(scope.IsKeysOnly("Series"));
        Assert.True(known.Contains(series.Key));
        Assert.False(known.Contains("1.2.3.4"));
    }

    /// <summary>A store that records the scopes it is read with.</summary>
    private sealed class RecordingStore(IGraphStore inner) : IGraphStore
    {
        public List<ReadScope> Scopes { get; } = [];

        public Task EnsureSchemaAsync(CancellationToken cancellationToken) => inner.EnsureSchemaAsync(cancellationToken);

        public Task<CommitResult> ApplyAsync(ChangeSet changes, CancellationToken cancellationToken) => inner.ApplyAsync(changes, cancellationToken);

        public Task<long> ReadAllAsync(IChangeSink sink, CancellationToken cancellationToken) => throw new InvalidOperationException("read everything");

        public Task<long> ReadAllAsync(IChangeSink sink, ReadScope scope, CancellationToken cancellationToken)
        {
            Scopes.Add(scope);
            return inner.ReadAllAsync(sink, scope, cancellationToken);
        }

        public Task<long> ReadChangesAsync(long afterSequence, IChangeSink sink, CancellationToken cancellationToken) => inner.ReadChangesAsync(afterSequence, sink, cancellationToken);

        public Task<long> GetSequenceAsync(CancellationToken cancellationToken) => inner.GetSequenceAsync(cancellationToken);

        public Task<string?> GetChangeMarkAsync(long sequence, CancellationToken cancellationToken) => inner.GetChangeMarkAsync(sequence, cancellationToken);

        public Task<PurgeResult> PurgeTombstonesAsync(DateTimeOffset committedBefore, CancellationToken cancellationToken) => inner.PurgeTombstonesAsync(committedBefore, cancellationToken);

        public Task<StoreStatistics> GetStatisticsAsync(CancellationToken cancellationToken) => inner.GetStatisticsAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
