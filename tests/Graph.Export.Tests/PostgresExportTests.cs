using System.Globalization;
using Graph.Domain;
using Graph.Export.Postgres;
using Graph.Ingest.Demo;
using Graph.Store;
using Graph.Store.Sqlite;
using Graph.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Graph.Export.Tests;

/// <summary>Exports catalogues and loads them into a real PostgreSQL started here; fails when PostgreSQL is not installed.</summary>
public sealed class PostgresExportTests : IAsyncLifetime
{
    private static readonly TimeSpan ServerLifetime = TimeSpan.FromMinutes(15);
    private readonly TempDirectory _folder = new();
    private SqliteGraphStore _store = null!;
    private PostgresServer _server = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteGraphStore(_folder.File("graph.db"));
        await _store.EnsureSchemaAsync(CancellationToken.None);
        _server = await PostgresServer.StartAsync(ServerLifetime);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _store.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Export_DemoCatalogue_LoadsWithRowsPerTableMatchingTheCatalogue()
    {
        var writer = new GraphWriter(_store, [], NullLogger<GraphWriter>.Instance);
        await DemoSeeder.SeedAsync(writer, new DemoOptions { Patients = 120, BatchPatients = 60 }, null, CancellationToken.None);
        var statistics = await _store.GetStatisticsAsync(CancellationToken.None);

        var summary = await LoadAsync();

        Assert.Empty(summary.Rejected);
        foreach (var kind in GraphModel.NodeKinds)
        {
            var expected = statistics.Nodes.GetValueOrDefault(kind.Label);
            Assert.Equal(expected, await CountAsync($"SELECT count(*) FROM \"{PgTable(kind.Label)}\""));
        }

        Assert.Equal(statistics.Relationships["HAS_SERIES"], await CountAsync("SELECT count(study_id) FROM series"));
        Assert.Equal(statistics.Relationships["HAS_STUDY"], await CountAsync("SELECT count(patient_id) FROM study"));
        Assert.Equal(statistics.Relationships["HAS_DIAGNOSIS"], await CountAsync("SELECT count(patient_id) FROM diagnosis"));
        Assert.Equal(statistics.Relationships["OF_TYPE"], await CountAsync("SELECT count(cancer_type_id) FROM diagnosis"));
        Assert.Equal(statistics.Relationships["HOSTS"], await CountAsync("SELECT count(repository_id) FROM dataset"));
        Assert.Equal(statistics.Relationships["INCLUDES"], await CountAsync("SELECT count(*) FROM dataset_includes_patient"));
        Assert.Equal(statistics.Relationships["COVERS"], await CountAsync("SELECT count(*) FROM dataset_covers_cancer_type"));
        Assert.True(statistics.Nodes["Series"] > 100);
    }

    [Fact]
    public async Task Export_TextsWithQuotesCommasNewlinesAndLists_ReadBackUnchanged()
    {
        const string description = "T2 \"fat-sat\", axial\nsecond line \\ with a backslash; l'été";
        var patient = Some.Patient("SYN-QUOTE-1");
        var study = NodeRecord.Of(GraphModel.Study, "1.2.3.4", ("year", 2020), ("modalitiesInStudy", new[] { "MR", "S\"R", "a,b", "" }), ("description", ""));
        var series = NodeRecord.Of(GraphModel.Series, "1.2.3.4.5", ("modality", "MR"), ("description", description), ("sliceThickness", 0.1), ("contrast", true), ("sizeBytes", 9_000_000_000L));
        var changes = new ChangeSet { Source = "test" }.Add(patient).Add(study).Add(series)
            .Add(Some.Edge("HAS_STUDY", patient, study)).Add(Some.Edge("HAS_SERIES", study, series));
        await new GraphWriter(_store, [], NullLogger<GraphWriter>.Instance).WriteAsync(changes, CancellationToken.None);

        var summary = await LoadAsync();

        Assert.Empty(summary.Rejected);
        Assert.Equal(description, await _server.PsqlAsync("SELECT description FROM series"));
        Assert.Equal("0.1|t|9000000000|1.2.3.4", await _server.PsqlAsync("SELECT s.slice_thickness, s.contrast, s.size_bytes, t.study_instance_uid FROM series s JOIN study t ON t.id = s.study_id"));
        Assert.Equal("4|MR|S\"R|a,b||t|f", await _server.PsqlAsync(
            "SELECT cardinality(modalities_in_study), modalities_in_study[1], modalities_in_study[2], modalities_in_study[3], modalities_in_study[4], description = '', description IS NULL FROM study"));
        Assert.Equal("1|SYN-QUOTE-1", await _server.PsqlAsync("SELECT count(*), min(p.pseudonym) FROM patient p JOIN study s ON s.patient_id = p.id"));
    }

    [Fact]
    public async Task Export_LoadedTables_HaveForeignKeysAndIndexesOnTheQueriedColumns()
    {
        await LoadAsync();

        var foreignKeys = await _server.PsqlAsync("SELECT conrelid::regclass || '.' || conname FROM pg_constraint WHERE contype = 'f' ORDER BY 1");
        Assert.Contains("series.series_study_id_fkey", foreignKeys, StringComparison.Ordinal);
        Assert.Contains("diagnosis.diagnosis_cancer_type_id_fkey", foreignKeys, StringComparison.Ordinal);
        var indexes = await _server.PsqlAsync("SELECT indexdef FROM pg_indexes WHERE tablename = 'series'");
        Assert.Contains("(study_id)", indexes, StringComparison.Ordinal);
        Assert.Contains("(modality)", indexes, StringComparison.Ordinal);
        Assert.Contains("gin (description gin_trgm_ops)", indexes, StringComparison.Ordinal);
        Assert.Contains("UNIQUE", indexes, StringComparison.Ordinal);
    }

    private async Task<PostgresExportSummary> LoadAsync()
    {
        var target = Path.Combine(_folder.Path, "export");
        var summary = await PostgresExporter.ExportAsync(_store, target, CancellationToken.None);
        await _server.PsqlFileAsync(PostgresExporter.LoadScript, target);
        return summary;
    }

    private async Task<long> CountAsync(string sql) => long.Parse(await _server.PsqlAsync(sql), CultureInfo.InvariantCulture);

    private static string PgTable(string label) => PostgresExporter.Tables.Single(t => t.Replace("_", "", StringComparison.Ordinal) == label.ToLowerInvariant());
}
