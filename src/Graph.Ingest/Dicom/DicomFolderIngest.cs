using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;
using Graph.Store;
using Microsoft.Extensions.Logging;

namespace Graph.Ingest.Dicom;

/// <summary>Ingests a folder of DICOM files: reads every header in parallel, de-identifies, groups instances into series,
/// studies and patients, and writes whole studies through the writer.</summary>
/// <remarks>
/// Every value is computed from the whole folder before anything is written (image counts over each series'
/// distinct instances, fields from each series' first-ranked instance), and ChangeSets hold whole studies, so an
/// ingest killed half-way and run again ends as an uninterrupted one would, and running it again changes nothing.
/// A bad file is rejected and the others go on. Logs hold counts only: no path, no identifier.
/// </remarks>
public static class DicomFolderIngest
{
    /// <summary>Ingests the folder.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="ArgumentException">An option is out of range, a slug is malformed, or the dataset belongs to another repository.</exception>
    /// <exception cref="DeidentificationException">A key is needed and none was given.</exception>
    /// <exception cref="GraphStoreException">The store failed; the studies written before stay written.</exception>
    public static async Task<DicomIngestSummary> RunAsync(
        IGraphStore store,
        GraphWriter writer,
        DicomIngestOptions options,
        IProgress<DicomIngestProgress>? progress,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(logger);
        Check(options);
        var deidentifier = options.Deidentifier();

        var files = FolderFiles.List(options.Folder);
        DicomIngestLog.Starting(logger, files.Count, options.Dataset, options.Repository, options.Parallelism);
        var catalogue = new IngestCatalogue();
        var counters = new IngestCounters(files.Count, catalogue, progress);
        var reader = new FolderReader(deidentifier, catalogue, counters);
        counters.Report();
        await reader.ReadAsync(files, options.Parallelism, cancellationToken).ConfigureAwait(false);
        var readTime = counters.Elapsed;
        counters.Report();
        // A study or series the catalogue holds under another patient or study is refused, not given a second one.
        var stored = new StoredStudies(store);
        var (studyUids, seriesUids) = catalogue.Uids();
        await stored.LookUpAsync(studyUids, seriesUids, cancellationToken).ConfigureAwait(false);
        var plans = catalogue.Plan(stored);
        var conflicts = catalogue.Rejects.Select(r => new IngestReject(r.Path, RejectKind.Conflict, r.Reason)).ToArray();
        counters.Refused(conflicts.Length);
        var instances = catalogue.Instances;
        var patients = plans.Select(p => p.Patient.Pseudonym).Distinct(StringComparer.Ordinal).Count();
        DicomIngestLog.Read(
            logger, files.Count, (long)readTime.TotalMilliseconds, instances, catalogue.SeriesCount, plans.Count, patients, counters.Rejected, counters.Skipped);
        foreach (var group in reader.Rejects.Concat(conflicts).GroupBy(r => r.Kind).OrderBy(g => g.Key))
            DicomIngestLog.Rejected(logger, group.Count(), RejectsReport.Kind(group.Key));
        if (catalogue.Conflicts > 0)
            DicomIngestLog.Conflicts(logger, catalogue.Conflicts);
        if (catalogue.DescriptionsRemoved > 0)
            DicomIngestLog.DescriptionsRemoved(logger, catalogue.DescriptionsRemoved);

        var home = await CatalogueHome.EnsureAsync(store, writer, options.Repository, options.Dataset, options.Source, cancellationToken).ConfigureAwait(false);
        // Annotations may name series of the catalogue that are not in the folder: the store is asked about those only.
        var known = new KnownSeries(store);
        await known.LookUpAsync(catalogue.ForeignSources(), cancellationToken).ConfigureAwait(false);
        var writing = new StudyWriter(writer, options, counters, known, stored, logger);
        writing.Count(home);
        counters.StartWriting(plans.Count);
        await writing.WriteAsync(plans, cancellationToken).ConfigureAwait(false);
        counters.Report();

        var rejects = reader.Rejects.Concat(conflicts).Concat(writing.Rejects).OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Kind).ToArray();
        var written = plans.Where(p => !writing.Refused.Contains(p.Study.Uid)).ToArray();
        DicomIngestLog.Finished(logger, (long)counters.Elapsed.TotalMilliseconds, writing.NodesChanged, writing.EdgesChanged, writing.Sequence);
        return new DicomIngestSummary
        {
            Files = files.Count,
            Accepted = counters.FilesRead - counters.Rejected - counters.Skipped,
            Rejected = counters.Rejected,
            Skipped = counters.Skipped,
            Instances = instances,
            Patients = written.Select(p => p.Patient.Pseudonym).Distinct(StringComparer.Ordinal).Count(),
            Studies = written.Length,
            Series = written.Sum(p => p.Series.Count),
            Batches = writing.Batches,
            BatchesChanged = writing.BatchesChanged,
            NodesChanged = writing.NodesChanged,
            EdgesChanged = writing.EdgesChanged,
            Sequence = writing.Sequence,
            DescriptionsRemoved = catalogue.DescriptionsRemoved,
            Conflicts = catalogue.Conflicts,
            Annotations = written.Sum(p => p.Annotations.Count),
            Warnings = WithAnnotations(catalogue.Warnings, writing.UnlinkedAnnotations),
            StudiesWithWarnings = written.Count(p => p.Study.Warnings != InstanceWarnings.None),
            UnknownPatients = written.Where(p => !p.Patient.IdentityKnown).Select(p => p.Patient.Pseudonym).Distinct(StringComparer.Ordinal).Count(),
            ReadTime = readTime,
            Elapsed = counters.Elapsed,
            Rejects = rejects,
        };
    }

    private static Dictionary<InstanceWarnings, int> WithAnnotations(IReadOnlyDictionary<InstanceWarnings, int> warnings, int unlinked) =>
        new(warnings) { [InstanceWarnings.AnnotationSourceUnknown] = unlinked };

    private static void Check(DicomIngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Directory.Exists(options.Folder))
            throw new DirectoryNotFoundException($"The folder {options.Folder} does not exist.");
        options.CheckSlugs();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchStudies, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options));
    }
}
