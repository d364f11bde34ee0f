using Graph.Api.Schema.Execution;
using Microsoft.Extensions.Options;

namespace Graph.Api.Export;

/// <summary>How many exports run at once, in all and per caller (an address for anonymous callers, else the API key or token
/// subject). An export holds a row group in memory for as long as its client takes to read it: forty slow Parquet downloads from
/// one anonymous address held 1.6 GiB and kept another client waiting 15 s.</summary>
internal sealed class ExportGate(IOptions<ServiceLimits> limits)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _running = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>A place for one more export of <paramref name="caller"/>, or null when the caller, or the service, runs as many
    /// as it may (<c>Graph:Limits:ConcurrentExportsPerCaller</c>, <c>ConcurrentExports</c>; 0 is no limit).</summary>
    public IDisposable? TryEnter(string caller)
    {
        var (perCaller, total) = (limits.Value.ConcurrentExportsPerCaller, limits.Value.ConcurrentExports);
        lock (_gate)
        {
            var running = _running.GetValueOrDefault(caller);
            if ((perCaller > 0 && running >= perCaller) || (total > 0 && _total >= total))
                return null;
            _running[caller] = running + 1;
            _total++;
        }

        return new Place(this, caller);
    }

    private void Leave(string caller)
    {
        lock (_gate)
        {
            _total--;
            if (--_running[caller] == 0)
                _running.Remove(caller);
        }
    }

    private sealed class Place(ExportGate gate, string caller) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
                gate.Leave(caller);
        }
    }
}
