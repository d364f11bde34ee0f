using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Ingest.Mappings;
using Graph.Ingest.Records;
using Graph.Ingest.Vocabulary;
using Graph.Store;

namespace Graph.Ingest.Concepts;

/// <summary>The service's one way to change concepts and mappings: decides who may (<see cref="ConceptPermissions"/>), then checks
/// and writes under one lock, so no two changes are checked against the same snapshot.</summary>
/// <remarks>
/// Without the lock, two vocabulary imports sent at once (A broader B, B broader A) each found no cycle in the snapshot they
/// read and both were written, and two partners writing the same mapping each found it theirs. The lock is held from reading the
/// index to the end of the write; the writer brings the index up to date before it returns, so the next holder checks against
/// this write. It holds within this process: the graph command, or another replica, writes beside it (then a row that keeps its
/// links still passes over a cycle; see <see cref="VocabularyImporter"/>).
/// </remarks>
/// <param name="writer">The writer, whose listeners include the index.</param>
/// <param name="index">The index whose current snapshot each change is checked against.</param>
public sealed class ConceptEditing(GraphWriter writer, CatalogIndex index)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>How long a change waits for its turn behind others before it is refused unwritten
    /// (<see cref="WriteTurnTimeoutException"/>); no bound by default.</summary>
    public TimeSpan TurnWait { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>Links two concepts with one mapping (creating concepts the catalogue does not hold), or updates that mapping.</summary>
    /// <exception cref="ConceptChangeForbiddenException">The editor may not write it; nothing was applied.</exception>
    /// <exception cref="ArgumentException">The mapping is not valid; the message says why.</exception>
    public Task<MappingImportResult> LinkAsync(MappingRecord mapping, ConceptEditor editor, CancellationToken cancellationToken) =>
        UnderLockAsync(snapshot =>
        {
            Forbid(ConceptPermissions.OfMappings(editor, [mapping], new ConceptCreators(snapshot), Mapping(snapshot)));
            return MappingImporter.LinkAsync(writer, mapping, Exists(snapshot), editor.Id, cancellationToken);
        }, cancellationToken);

    /// <summary>Removes the mapping from one concept to another; returns whether the graph changed.</summary>
    /// <exception cref="ConceptChangeForbiddenException">The editor may not remove it; nothing was applied.</exception>
    public Task<bool> UnlinkAsync(string subject, string target, ConceptEditor editor, CancellationToken cancellationToken) =>
        UnderLockAsync(snapshot =>
        {
            Forbid(ConceptPermissions.OfUnlink(editor, subject, target, Mapping(snapshot)(subject, target), new ConceptCreators(snapshot)));
            return MappingImporter.UnlinkAsync(writer, subject, target, cancellationToken);
        }, cancellationToken);

    /// <summary>Imports a parsed SSSOM document (whole, or its good rows when <paramref name="partial"/>).</summary>
    /// <exception cref="ConceptChangeForbiddenException">The editor may not write a row of it; nothing was applied.</exception>
    public Task<MappingImportResult> ImportMappingsAsync(SssomDocument document, bool partial, ConceptEditor editor, CancellationToken cancellationToken) =>
        UnderLockAsync(snapshot =>
        {
            Forbid(ConceptPermissions.OfMappings(editor, document.Mappings, new ConceptCreators(snapshot), Mapping(snapshot)));
            return MappingImporter.ImportAsync(writer, document, partial, Exists(snapshot), editor.Id, cancellationToken);
        }, cancellationToken);

    /// <summary>Imports vocabulary rows (the editor recorded as the creator of the concepts it creates); their permission and BROADER cycle
    /// checks and the write are one step for every import of this process.</summary>
    /// <exception cref="ConceptChangeForbiddenException">The editor may not write a row of it; nothing was applied.</exception>
    public Task<VocabularyImportResult> ImportVocabularyAsync(
        RecordSet records, VocabularyFormat format, bool partial, ConceptEditor editor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(editor);
        return UnderLockAsync(snapshot =>
        {
            Forbid(ConceptPermissions.OfVocabulary(editor, records, new ConceptCreators(snapshot)));
            return VocabularyImporter.ImportAsync(writer, records, format, new ConceptCatalogue(snapshot), partial, editor.Id, cancellationToken);
        }, cancellationToken);
    }

    private async Task<T> UnderLockAsync<T>(Func<CatalogSnapshot, Task<T>> change, CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(TurnWait, cancellationToken).ConfigureAwait(false))
            throw new WriteTurnTimeoutException("changes of concepts and mappings", TurnWait, "Graph:Limits:TimeoutSeconds");
        try
        {
            return await change(index.Current).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Forbid(IReadOnlyList<string> reasons)
    {
        if (reasons.Count > 0)
            throw new ConceptChangeForbiddenException(reasons);
    }

    private static Func<string, bool> Exists(CatalogSnapshot snapshot) => curie => snapshot.Find(GraphModel.Concept, curie) is not null;

    private static Func<string, string, ConceptMapping?> Mapping(CatalogSnapshot snapshot) => (subject, target) =>
        snapshot.Find(GraphModel.Concept, subject) is { } node
            ? ConceptGraph.MappingsOf(node).FirstOrDefault(m => m.Subject.Key == subject && m.Object.Key == target)
            : null;
}
