using System.Diagnostics;
using System.Diagnostics.Metrics;
using Graph.Catalog;

namespace Graph.Api.Observability;

/// <summary>The service's own meters (meter "Graph.Api"): GraphQL requests by operation and outcome, their latency, refusals by the
/// rate limits, document cache lookups, harvest runs, and the index's snapshot and change feed.</summary>
internal sealed class ServiceMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Graph.Api";

    private readonly Counter<long> _requests;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _rateLimited;
    private readonly Counter<long> _documentCache;
    private readonly Counter<long> _harvests;
    private readonly CatalogIndex _index;
    private readonly TimeProvider _clock;
    private long _seenSequence = -1;
    private long _seenAt;
    private long _lastFollowed;
    private readonly OperationLabels _operations = new();

    public ServiceMetrics(IMeterFactory meters, CatalogIndex index, TimeProvider clock)
    {
        _index = index;
        _clock = clock;
        _lastFollowed = clock.GetTimestamp();
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("graph.requests", "{request}", "GraphQL operations answered, by operation name and outcome (ok or the first error code).");
        _duration = meter.CreateHistogram<double>("graph.request.duration", "s", "Time to execute one GraphQL operation, by operation name and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _rateLimited = meter.CreateCounter<long>("graph.rate_limited", "{request}", "Requests refused with 429, by reason (requests: the per-address or per-key rate; credentials: too many refused credentials).");
        _documentCache = meter.CreateCounter<long>("graph.document_cache.lookups", "{lookup}", "Lookups of validated documents by query text, by result (hit or miss).");
        _harvests = meter.CreateCounter<long>("graph.harvest.runs", "{run}", "Scheduled DICOMweb harvests finished, by repository and outcome.");
        meter.CreateObservableGauge("graph.index.sequence", () => _index.Current.Sequence, "{change}", "The change sequence of the index's current snapshot.");
        meter.CreateObservableGauge("graph.index.snapshot.age", SnapshotAge, "s", "Time since the index published its current snapshot (seen at scrape time).");
        meter.CreateObservableGauge("graph.changefeed.lag", () => _clock.GetElapsedTime(Interlocked.Read(ref _lastFollowed)).TotalSeconds, "s",
            "Time since the index last read the store's change feed successfully (a healthy replica stays near Graph:FollowIntervalSeconds).");
    }

    /// <summary>Counts one GraphQL operation and its time (<paramref name="anonymous"/>: sent without credentials).</summary>
    public void Request(string? operation, bool anonymous, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "operation", _operations.Of(operation, anonymous) }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>Counts one request refused with 429.</summary>
    public void RateLimited(string reason) => _rateLimited.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>Counts one lookup of the document cache.</summary>
    public void DocumentCacheLookup(bool hit) => _documentCache.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>Counts one finished harvest run.</summary>
    public void HarvestRun(string repository, string outcome) =>
        _harvests.Add(1, new KeyValuePair<string, object?>("repository", repository), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Notes that the index read the change feed successfully.</summary>
    public void Followed() => Interlocked.Exchange(ref _lastFollowed, _clock.GetTimestamp());

    private double SnapshotAge()
    {
        var sequence = _index.Current.Sequence;
        if (Interlocked.Exchange(ref _seenSequence, sequence) != sequence)
            Interlocked.Exchange(ref _seenAt, _clock.GetTimestamp());
        return _clock.GetElapsedTime(Interlocked.Read(ref _seenAt)).TotalSeconds;
    }
}
