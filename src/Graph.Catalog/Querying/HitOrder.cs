namespace Graph.Catalog.Querying;

/// <summary>The order of text search hits: highest score first, then by kind in search order, then by row.</summary>
internal sealed class HitOrder(bool bestFirst) : IComparer<Hit>
{
    public static HitOrder Best { get; } = new(bestFirst: true);

    public static HitOrder Worst { get; } = new(bestFirst: false);

    public int Compare(Hit x, Hit y)
    {
        var order = y.Score.CompareTo(x.Score);
        if (order == 0)
            order = x.KindOrder.CompareTo(y.KindOrder);
        if (order == 0)
            order = x.Ordinal.CompareTo(y.Ordinal);
        return bestFirst ? order : -order;
    }
}
