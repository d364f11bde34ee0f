using System.Collections.Concurrent;
using Graph.Dicom;
using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;
using Graph.Store;

namespace Graph.Ingest.Dicom;

/// <summary>Reads the folder's files in parallel (bounded), de-identifies each and adds it to the catalogue, or rejects it.</summary>
/// <remarks>Every failure of one file is caught here, in one place, and becomes a reject; the other files go on.</remarks>
internal sealed class FolderReader(DicomDeidentifier deidentifier, IngestCatalogue catalogue, IngestCounters counters)
{
    // Only the header matters: no binary value is loaded, pixel data is never reached.
    private static readonly DicomReadOptions HeaderOnly = new() { MaxInlineBinaryLength = 0 };

    private readonly ConcurrentBag<IngestReject> _rejects = [];

    /// <summary>The files rejected so far.</summary>
    public IReadOnlyCollection<IngestReject> Rejects => _rejects;

    /// <summary>Reads every file, at most a number at a time.</summary>
    public Task ReadAsync(IReadOnlyList<FolderFile> files, int parallelism, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            files,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            (file, _) =>
            {
                Read(file);
                return ValueTask.CompletedTask;
            });

    private void Read(FolderFile file)
    {
        if (file.Unreadable is { } reason)
        {
            Reject(file, RejectKind.Unreadable, reason);
            return;
        }

        try
        {
            var dataset = DicomFile.Read(file.FullPath, HeaderOnly);
            if (DicomDeidentifier.IsDirectory(dataset))
            {
                counters.FileRead(skipped: true);
                return;
            }

            var instance = deidentifier.Deidentify(dataset);
            // The report names the field and the rule, never the value: it may be a name.
            var errors = GraphWriter.ValidateWithoutValues(IngestCatalogue.ForInstance(instance, file.Length, file.RelativePath));
            if (errors.Count > 0)
            {
                Reject(file, RejectKind.InvalidValue, string.Join(" ", errors));
                return;
            }

            catalogue.Add(instance, file.Length, file.RelativePath);
            counters.FileRead();
        }
        catch (DicomReadException e)
        {
            Reject(file, Classify(e), Describe(e));
        }
        catch (DeidentificationException e)
        {
            Reject(file, e.Problem == DeidentificationProblem.UnsafePatientId ? RejectKind.UnsafePatientId : RejectKind.MissingAttribute, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Only the type: an unforeseen exception's message could quote a value.
            Reject(file, RejectKind.Unexpected, $"{e.GetType().Name} while reading the file (a bug worth reporting)");
        }
    }

    private void Reject(FolderFile file, RejectKind kind, string reason)
    {
        _rejects.Add(new IngestReject(file.RelativePath, kind, reason));
        counters.FileRead(rejected: true);
    }

    private static RejectKind Classify(DicomReadException e) =>
        e.Reason.StartsWith("not a DICOM file", StringComparison.Ordinal) ? RejectKind.NotDicom
        : e.Reason.StartsWith("the file could not be opened", StringComparison.Ordinal) ? RejectKind.Unreadable
        : RejectKind.Corrupt;

    // The exception's message starts with the full path; the report names the file by its relative path already.
    private static string Describe(DicomReadException e) => (e.Tag, e.Offset) switch
    {
        ({ } tag, { } offset) => $"{e.Reason} (element {tag} at offset {offset})",
        ({ } tag, null) => $"{e.Reason} (element {tag})",
        (null, { } offset) => $"{e.Reason} (at offset {offset})",
        _ => e.Reason,
    };
}
