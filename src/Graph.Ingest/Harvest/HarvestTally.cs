using Graph.Ingest.Deidentification;
using Graph.Ingest.Studies;
using Graph.Store;

namespace Graph.Ingest.Harvest;

/// <summary>What a harvest run has done so far: studies listed, unchanged, written, withdrawn and failed, their warnings, and
/// what the store changed. Failures may be counted from any thread; everything else from the run's own.</summary>
internal sealed class HarvestTally
{
    private readonly Lock _gate = new();
    private readonly Dictionary<InstanceWarnings, int> _warnings = [];
    private int _errors;
    private string? _firstError;
    private int _series;
    private int _annotations;
    private int _studiesWithWarnings;

    /// <summary>The studies listed so far, by their UID in the graph.</summary>
    public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);

    /// <summary>Listed studies whose fingerprint matched the checkpoint.</summary>
    public int Unchanged { get; private set; }

    /// <summary>Studies written.</summary>
    public int Written { get; private set; }

    /// <summary>Studies marked withdrawn.</summary>
    public int Withdrawn { get; private set; }

    /// <summary>Studies that could not be harvested.</summary>
    public int Errors
    {
        get
        {
            lock (_gate)
                return _errors;
        }
    }

    /// <summary>The reason of the first study that could not be harvested.</summary>
    public string? FirstError
    {
        get
        {
            lock (_gate)
                return _firstError;
        }
    }

    /// <summary>Nodes changed in the store.</summary>
    public long Nodes { get; private set; }

    /// <summary>Relationships changed in the store.</summary>
    public long Edges { get; private set; }

    /// <summary>The store's change sequence after the last commit; before the first, the store's when the run started.</summary>
    public long Sequence { get; set; }

    /// <summary>Counts a listed study whose fingerprint matched the checkpoint.</summary>
    public void CountUnchanged() => Unchanged++;

    /// <summary>Counts a study that could not be harvested; safe from any thread.</summary>
    public void Fail(string reason)
    {
        lock (_gate)
        {
            _errors++;
            _firstError ??= reason;
        }
    }

    /// <summary>Counts what a commit changed.</summary>
    public void Count(CommitResult result)
    {
        Nodes += result.NodesChanged;
        Edges += result.EdgesChanged;
        Sequence = result.Sequence;
    }

    /// <summary>Counts a study written, with its series, annotations and warnings.</summary>
    public void CountWritten(StudyPlan plan)
    {
        Written++;
        _series += plan.Series.Count;
        _annotations += plan.Annotations.Count;
        if (plan.Study.Warnings is var warnings and not InstanceWarnings.None)
        {
            _studiesWithWarnings++;
            foreach (var kind in WarningText.Kinds.Where(k => warnings.HasFlag(k)))
                _warnings[kind] = _warnings.GetValueOrDefault(kind) + 1;
        }
    }

    /// <summary>Counts studies marked withdrawn.</summary>
    public void CountWithdrawn(int studies) => Withdrawn += studies;

    /// <summary>Where the run is, for progress reports.</summary>
    public HarvestProgress Progress() => new(Seen.Count, Unchanged, Written, Errors);

    /// <summary>The run's summary as its HarvestRun node records it, without the store's counts.</summary>
    public HarvestSummary Summary(string runId, HarvestOptions options, HarvestStatus status, string? message) => new()
    {
        RunId = runId,
        Repository = options.Repository,
        Dataset = options.Dataset,
        Status = status,
        StudiesSeen = Seen.Count,
        StudiesUnchanged = Unchanged,
        StudiesWritten = Written,
        SeriesWritten = _series,
        AnnotationsWritten = _annotations,
        StudiesWithdrawn = Withdrawn,
        Errors = Errors,
        Warnings = new Dictionary<InstanceWarnings, int>(_warnings),
        StudiesWithWarnings = _studiesWithWarnings,
        Message = message,
    };
}
