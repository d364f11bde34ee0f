using System.Collections.Concurrent;

namespace Graph.Api.Observability;

/// <summary>Operation names as metric labels: the first <see cref="Max"/> valid names get their own series, later ones and names
/// that are not GraphQL names count as "(other)", so clients cannot grow the metrics without bound.</summary>
internal sealed class OperationLabels
{
    public const int Max = 200;

    private readonly ConcurrentDictionary<string, string> _known = new(StringComparer.Ordinal);

    public string Of(string? operation)
    {
        if (string.IsNullOrEmpty(operation))
            return "(anonymous)";
        if (_known.TryGetValue(operation, out var known))
            return known;
        if (_known.Count >= Max || operation.Length > 64 || !operation.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            return "(other)";
        return _known.GetOrAdd(operation, operation);
    }
}
