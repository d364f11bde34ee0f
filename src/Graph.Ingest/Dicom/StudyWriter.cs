using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;
using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Dicom;

/// <summary>Writes studies through the writer in batches, each study whole in one ChangeSet; a study the writer refuses is
/// reported with its files and the others go on.</summary>
internal sealed class StudyWriter(
    GraphWriter writer, DicomIngestOptions options, IngestCounters counters, KnownSeries known, StoredStudies stored, ILogger logger)
{
    private readonly List<IngestReject> _rejects = [];

    /// <summary>One line per refused study.</summary>
    public IReadOnlyList<IngestReject> Rejects => _rejects;

    /// <summary>The UIDs of refused studies.</summary>
    public HashSet<string> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Annotations written without a known source series (linked to their own series instead).</summary>
    public int UnlinkedAnnotations { get; private set; }

    /// <summary>Files of refused studies.</summary>
    public int RefusedFiles { get; private set; }

    /// <summary>ChangeSets written.</summary>
    public int Batches { get; private set; }

    /// <summary>ChangeSets that changed the graph.</summary>
    public int BatchesChanged { get; private set; }

    /// <summary>Nodes changed.</summary>
    public long NodesChanged { get; private set; }

    /// <summary>Relationships changed.</summary>
    public long EdgesChanged { get; private set; }

    /// <summary>The store's change sequence after the last ChangeSet.</summary>
    public long Sequence { get; private set; }

    /// <summary>Counts the result of a ChangeSet written elsewhere.</summary>
    public void Count(CommitResult result)
    {
        Batches++;
        BatchesChanged += result.Changed ? 1 : 0;
        NodesChanged += result.NodesChanged;
        EdgesChanged += result.EdgesChanged;
        Sequence = result.Sequence;
    }

    /// <summary>Writes every study.</summary>
    public async Task WriteAsync(IReadOnlyList<StudyPlan> plans, CancellationToken cancellationToken)
    {
        var batches = (plans.Count + options.BatchStudies - 1) / options.BatchStudies;
        var number = 0;
        foreach (var batch in plans.Chunk(options.BatchStudies))
        {
            number++;
            try
            {
                var unlinked = batch.Select(p => IngestCatalogue.Unlinked(p, batch, known.Contains)).ToArray();
                var result = await writer.WriteAsync(IngestCatalogue.Build(batch, options.Dataset, options.Source, known.Contains, stored), cancellationToken).ConfigureAwait(false);
                Count(result);
                for (var i = 0; i < batch.Length; i++)
                    Written(batch[i], unlinked[i]);
                DicomIngestLog.Batch(logger, number, batches, batch.Length, result.NodesChanged, result.EdgesChanged, result.Sequence);
            }
            catch (ChangeSetRejectedException) when (batch.Length > 1)
            {
                DicomIngestLog.BatchRefused(logger, batch.Length);
                foreach (var plan in batch)
                    await WriteAloneAsync(plan, cancellationToken).ConfigureAwait(false);
            }
            catch (ChangeSetRejectedException e)
            {
                Refuse(batch[0], e);
            }

            counters.Written(batch.Length);
        }
    }

    private async Task WriteAloneAsync(StudyPlan plan, CancellationToken cancellationToken)
    {
        try
        {
            var unlinked = IngestCatalogue.Unlinked(plan, [plan], known.Contains);
            Count(await writer.WriteAsync(IngestCatalogue.Build([plan], options.Dataset, options.Source, known.Contains, stored), cancellationToken).ConfigureAwait(false));
            Written(plan, unlinked);
        }
        catch (ChangeSetRejectedException e)
        {
            Refuse(plan, e);
        }
    }

    /// <summary>Notes a study written: its series are known from now on, and its annotations without a source are counted.</summary>
    private void Written(StudyPlan plan, int unlinked)
    {
        known.Written(plan.Series.Select(s => s.Uid));
        if (unlinked == 0)
            return;
        UnlinkedAnnotations += unlinked;
        plan.Study.Warn(InstanceWarnings.AnnotationSourceUnknown);
    }

    private void Refuse(StudyPlan plan, ChangeSetRejectedException e)
    {
        var files = plan.Files;
        DicomIngestLog.StudyRefused(logger, files, e.Errors.Count);
        _rejects.Add(new IngestReject(plan.Path, RejectKind.InvalidValue, $"The study of this file was not written, with its {files} files: {Reasons(e)}"));
        Refused.Add(plan.Study.Uid);
        RefusedFiles += files;
        counters.Refused(files);
    }

    // The report names fields and rules, never a value: a value may be a name.
    private static string Reasons(ChangeSetRejectedException e) =>
        e.ErrorsWithoutValues.Count > 0 ? string.Join(" ", e.ErrorsWithoutValues) : $"{e.Errors.Count} values were refused by the catalogue's model.";
}
