using System.Diagnostics;
using FluentValidation.Results;
using Graph.Ingest.Records;
using Graph.Store;

namespace Graph.Ingest.Clinical;

/// <summary>Imports clinical records (diagnoses, stage, grade, markers, vital status) for the catalogue's patients.</summary>
/// <remarks>
/// Every record is validated on its own; a bad one is reported and the others go on. A patient's vital status given twice
/// with different values is refused on the later record, so the outcome never depends on batch boundaries. Valid records are written in batches,
/// each batch one ChangeSet; when the writer refuses a batch, its records are written one by one so a record is applied
/// whole or not at all. Importing the same file again changes nothing and does not advance the change sequence.
/// </remarks>
public static class ClinicalImport
{
    /// <summary>The source recorded with the import's ChangeSets.</summary>
    public const string Source = "import-clinical";

    /// <summary>Validates and writes the records of a set against the store's catalogue; <paramref name="batch"/> records per ChangeSet.</summary>
    /// <exception cref="GraphStoreException">The store failed; the batches written before it are whole.</exception>
    public static async Task<ClinicalImportSummary> RunAsync(
        IGraphStore store, GraphWriter writer, RecordSet set, int batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var clock = Stopwatch.StartNew();
        var catalogue = await ClinicalCatalogue.ReadAsync(store, cancellationToken).ConfigureAwait(false);
        var sequence = await store.GetSequenceAsync(cancellationToken).ConfigureAwait(false);
        var summary = await RunAsync(catalogue, sequence, writer, set, batch, cancellationToken).ConfigureAwait(false);
        return summary with { Elapsed = clock.Elapsed };
    }

    /// <summary>Validates and writes the records of a set against a view of the catalogue taken at change <paramref name="sequence"/>.</summary>
    /// <exception cref="InvalidOperationException">The set's file was refused as a whole (<see cref="RecordSet.Refusal"/>).</exception>
    /// <exception cref="GraphStoreException">The store failed; the batches written before it are whole.</exception>
    public static async Task<ClinicalImportSummary> RunAsync(
        IClinicalCatalogue catalogue, long sequence, GraphWriter writer, RecordSet set, int batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        set.ThrowIfRefused();
        var clock = Stopwatch.StartNew();
        var run = new Run(writer, set.Problems.ToList(), set.Problems.Count(p => p.Severity == ProblemSeverity.Rejected)) { Sequence = sequence };
        var validator = new ClinicalRowValidator(catalogue);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var vitalStatus = new Dictionary<string, (int Line, string Value)>(StringComparer.Ordinal);
        var pending = new List<Pending>();
        foreach (var record in set.Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var errors = validator.Validate(record).Errors;
            if (errors.Count > 0)
            {
                run.Reject(record.Line, errors);
                continue;
            }

            var key = ClinicalChanges.DiagnosisKey(record);
            if (seen.TryGetValue(key, out var first))
            {
                run.Reject(record.Line, [new ValidationFailure(ClinicalColumns.Pseudonym, $"repeats the patient and diagnosis number of line {first}")]);
                continue;
            }

            var pseudonym = record[ClinicalColumns.Pseudonym]!;
            if (record[ClinicalColumns.VitalStatus] is { } text)
            {
                var vital = (string)ClinicalValues.Parse(ClinicalColumns.VitalStatus, text, out _)!;
                if (vitalStatus.TryGetValue(pseudonym, out var earlier) && earlier.Value != vital)
                {
                    run.Reject(record.Line, [new ValidationFailure(ClinicalColumns.VitalStatus,
                        $"vitalStatus '{vital}' contradicts '{earlier.Value}' given for the same patient on line {earlier.Line}")]);
                    continue;
                }

                vitalStatus.TryAdd(pseudonym, (record.Line, vital));
            }

            seen[key] = record.Line;
            var warnings = new List<RecordProblem>();
            pending.Add(new Pending(record.Line, ClinicalChanges.Build(record, catalogue, Source, warnings), warnings));
            if (pending.Count >= batch)
                await run.FlushAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        await run.FlushAsync(pending, cancellationToken).ConfigureAwait(false);
        return new ClinicalImportSummary(
            set.Records.Count + run.StructuralRejects, run.Applied, run.Rejected, run.NodesChanged, run.EdgesChanged, run.Sequence, run.Problems, clock.Elapsed,
            set.Skipped);
    }

    private sealed record Pending(int Line, ChangeSet Changes, List<RecordProblem> Warnings);

    private sealed class Run(GraphWriter writer, List<RecordProblem> problems, int structuralRejects)
    {
        public List<RecordProblem> Problems { get; } = problems;

        public int StructuralRejects { get; } = structuralRejects;

        public int Applied { get; private set; }

        public int Rejected { get; private set; } = structuralRejects;

        public long NodesChanged { get; private set; }

        public long EdgesChanged { get; private set; }

        public long Sequence { get; set; }

        public void Reject(int line, IEnumerable<ValidationFailure> failures)
        {
            Rejected++;
            foreach (var failure in failures)
                Problems.Add(RecordProblem.Reject(line, failure.PropertyName, failure.ErrorMessage));
        }

        public async Task FlushAsync(List<Pending> pending, CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
                return;
            var merged = new ChangeSet { Source = Source };
            foreach (var item in pending)
            {
                merged.Nodes.AddRange(item.Changes.Nodes);
                merged.Edges.AddRange(item.Changes.Edges);
                merged.DeletedEdges.AddRange(item.Changes.DeletedEdges);
            }

            try
            {
                Count(await writer.WriteAsync(merged, cancellationToken).ConfigureAwait(false));
                foreach (var item in pending)
                    Accept(item);
            }
            catch (ChangeSetRejectedException)
            {
                foreach (var item in pending)
                {
                    try
                    {
                        Count(await writer.WriteAsync(item.Changes, cancellationToken).ConfigureAwait(false));
                        Accept(item);
                    }
                    catch (ChangeSetRejectedException e)
                    {
                        Reject(item.Line, e.Errors.Select(error => new ValidationFailure("", error)));
                    }
                }
            }

            pending.Clear();
        }

        private void Accept(Pending item)
        {
            Applied++;
            Problems.AddRange(item.Warnings);
        }

        private void Count(CommitResult result)
        {
            NodesChanged += result.NodesChanged;
            EdgesChanged += result.EdgesChanged;
            Sequence = result.Sequence;
        }
    }
}
