using Graph.Ingest.Records;
using Graph.Store;

namespace Graph.Ingest.Algorithms;

/// <summary>Registers the algorithms of an import file, each record its own ChangeSet: applied whole or reported.</summary>
/// <remarks>Importing the same file again changes nothing and does not advance the change sequence.</remarks>
public static class AlgorithmImport
{
    /// <summary>The source recorded with the import's ChangeSets.</summary>
    public const string Source = "import-algorithms";

    /// <summary>Validates and writes every record of a set.</summary>
    /// <exception cref="InvalidOperationException">The set's file was refused as a whole (<see cref="RecordSet.Refusal"/>).</exception>
    /// <exception cref="GraphStoreException">The store failed; the algorithms written before it are whole.</exception>
    public static async Task<AlgorithmImportSummary> RunAsync(IGraphStore store, GraphWriter writer, RecordSet set, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(set);
        set.ThrowIfRefused();
        var catalogue = await AlgorithmCatalogue.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        var validator = new AlgorithmValidator(catalogue);
        var problems = set.Problems.ToList();
        var rejected = problems.Count(p => p.Severity == ProblemSeverity.Rejected);
        int structural = rejected, applied = 0;
        long nodes = 0, edges = 0;
        var sequence = await store.GetSequenceAsync(cancellationToken).ConfigureAwait(false);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in set.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var registration = AlgorithmRegistration.From(record);
            var errors = validator.Validate(registration).Errors.Select(e => RecordProblem.Reject(record.Line, e.PropertyName, e.ErrorMessage)).ToList();
            if (errors.Count == 0 && seen.TryGetValue(registration.Slug, out var first))
                errors.Add(RecordProblem.Reject(record.Line, "slug", $"repeats the slug of line {first}"));
            if (errors.Count == 0)
            {
                try
                {
                    var result = await writer.WriteAsync(AlgorithmRegistry.Changes(registration, catalogue, Source), cancellationToken).ConfigureAwait(false);
                    (nodes, edges, sequence) = (nodes + result.NodesChanged, edges + result.EdgesChanged, result.Sequence);
                    seen[registration.Slug] = record.Line;
                    applied++;
                    continue;
                }
                catch (ChangeSetRejectedException e)
                {
                    errors.AddRange(e.Errors.Select(error => RecordProblem.Reject(record.Line, "", error)));
                }
            }

            problems.AddRange(errors);
            rejected++;
        }

        return new AlgorithmImportSummary(set.Records.Count + structural, applied, rejected, nodes, edges, sequence, problems, set.Skipped);
    }
}
