using System.Collections.Concurrent;

namespace Graph.Api.Observability;

/// <summary>Operation names as metric labels: the first <see cref="Max"/> valid names get their own series, later ones and names
/// that are not GraphQL names count as "(other)", so clients cannot grow the metrics without bound. Callers without credentials
/// may name at most <see cref="MaxAnonymous"/> of them: 210 anonymous requests named Squat0 … Squat209 took every label, so a
/// researcher's operations counted as "(other)" until the service restarted.</summary>
internal sealed class OperationLabels
{
    public const int Max = 200;

    public const int MaxAnonymous = 50;

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _anonymous;

    public string Of(string? operation, bool anonymous = false)
    {
        if (string.IsNullOrEmpty(operation))
            return "(anonymous)";
        if (_known.TryGetValue(operation, out var known))
            return known;
        if (operation.Length > 64 || !operation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return "(other)";
        lock (_gate)
        {
            if (_known.TryGetValue(operation, out known))
                return known;
            if (_known.Count >= Max || (anonymous && _anonymous >= MaxAnonymous))
                return "(other)";
            _anonymous += anonymous ? 1 : 0;
            return _known[operation] = operation;
        }
    }
}
