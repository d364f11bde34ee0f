using Graph.Domain;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Dicom;
using Graph.Store.Sqlite;
using Graph.Testing;

namespace Graph.Ingest.Tests.Dicom.Support;

/// <summary>A folder to ingest and an empty SQLite store, both temporary, with the ingest's logs collected.</summary>
internal sealed class IngestScenario : StoreScenario
{
    public const string Repository = "test-repo";
    public const string Dataset = "test-dataset";

    public static readonly DeidentificationKey Key = DeidentificationKey.FromSecret("a deployment secret for the ingest tests only");

    public IngestScenario()
        : base("data") => Directory.CreateDirectory(Input);

    public string Root => Folder.Path;

    /// <summary>The folder to ingest.</summary>
    public string Input => Folder.File("in");

    public CollectingLogger Log { get; } = new();

    /// <summary>The pseudonym the test key gives a patient id.</summary>
    public static string Pseudonym(string patientId, string? issuer = null) => new PatientPseudonyms(Key).Create(issuer, patientId);

    /// <summary>Writes a file into the folder to ingest.</summary>
    public string Write(string relativePath, TestDicomFile file) => file.WriteTo(Path.Combine(Input, relativePath));

    /// <summary>Writes bytes into the folder to ingest.</summary>
    public string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(Input, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public DicomIngestOptions Options(bool passThroughIds = false, bool remapUids = false, int batch = 100, int parallelism = 2) => new()
    {
        Folder = Input,
        Repository = Repository,
        Dataset = Dataset,
        Key = Key,
        PassThroughIds = passThroughIds,
        RemapUids = remapUids,
        BatchStudies = batch,
        Parallelism = parallelism,
    };

    public async Task<DicomIngestSummary> IngestAsync(DicomIngestOptions? options = null, IProgress<DicomIngestProgress>? progress = null)
    {
        await Store.EnsureSchemaAsync(CancellationToken.None);
        return await DicomFolderIngest.RunAsync(Store, Writer, options ?? Options(), progress, Log, CancellationToken.None);
    }

    /// <summary>The stored node of a kind with a key.</summary>
    public async Task<NodeRecord> NodeAsync(NodeKind kind, string key) =>
        (await ReadAllAsync()).Nodes.Single(n => n.Node.Label == kind.Label && n.Node.Key == key).Node;
}
