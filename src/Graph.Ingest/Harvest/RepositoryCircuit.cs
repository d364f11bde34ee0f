namespace Graph.Ingest.Harvest;

/// <summary>Stops requests to a failing repository: after a number of consecutive failures it opens for a cool-down, then lets one trial through.</summary>
/// <remarks>
/// Closed: requests go. Open: requests fail at once until the cool-down has passed. Half-open, after the cool-down:
/// requests go; the first success closes the circuit, a failure opens it again for another cool-down. Thread-safe;
/// one instance per repository, kept across runs by the scheduled harvester.
/// </remarks>
public sealed class RepositoryCircuit
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private int _failures;
    private DateTimeOffset? _openUntil;

    /// <summary>Creates a closed circuit.</summary>
    public RepositoryCircuit(int failureThreshold, TimeSpan coolDown, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failureThreshold, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(coolDown, TimeSpan.Zero);
        FailureThreshold = failureThreshold;
        CoolDown = coolDown;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Consecutive failures that open the circuit.</summary>
    public int FailureThreshold { get; }

    /// <summary>How long the circuit stays open.</summary>
    public TimeSpan CoolDown { get; }

    /// <summary>Consecutive failures so far.</summary>
    public int ConsecutiveFailures
    {
        get
        {
            lock (_gate)
                return _failures;
        }
    }

    /// <summary>Until when requests are refused, or null when the circuit is closed or its cool-down has passed.</summary>
    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_gate)
                return _openUntil is { } until && _time.GetUtcNow() < until ? until : null;
        }
    }

    /// <summary>Whether a request may be sent now.</summary>
    public bool AllowsRequest => OpenUntil is null;

    /// <summary>Records a request that the repository answered.</summary>
    public void RecordSuccess()
    {
        lock (_gate)
        {
            _failures = 0;
            _openUntil = null;
        }
    }

    /// <summary>Records a request that failed after its retries; opens the circuit at the threshold, or again when half-open.</summary>
    public void RecordFailure()
    {
        lock (_gate)
        {
            _failures++;
            if (_failures >= FailureThreshold || _openUntil is not null)
                _openUntil = _time.GetUtcNow() + CoolDown;
        }
    }
}
