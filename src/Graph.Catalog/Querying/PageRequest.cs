namespace Graph.Catalog.Querying;

/// <summary>Relay connection arguments: at most <see cref="First"/> after a cursor, or <see cref="Last"/> before one.</summary>
public sealed record PageRequest(int? First = null, string? After = null, int? Last = null, string? Before = null)
{
    /// <summary>The page size when neither first nor last is given.</summary>
    public const int DefaultSize = 50;
}

/// <summary>One page of a connection, with what lies around it.</summary>
/// <param name="Ordinals">The nodes of the page, in order.</param>
/// <param name="HasPrevious">Whether nodes precede the page.</param>
/// <param name="HasNext">Whether nodes follow the page.</param>
/// <param name="TotalCount">The number of nodes in the whole connection.</param>
internal sealed record Page(IReadOnlyList<int> Ordinals, bool HasPrevious, bool HasNext, int TotalCount);
