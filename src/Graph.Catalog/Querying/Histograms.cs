using Graph.Catalog.Storage;

namespace Graph.Catalog.Querying;

/// <summary>Distributions of numeric fields in bins of equal width.</summary>
public static class Histograms
{
    /// <summary>The most bins a histogram may have.</summary>
    public const int MaxBins = 1000;

    /// <summary>The histogram of a numeric field (own or through single relationships) over a set of nodes.</summary>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="path">A numeric, single-valued field path.</param>
    /// <param name="nodes">The nodes to count.</param>
    /// <param name="bins">The number of bins (default 10) when no width is given.</param>
    /// <param name="width">The bin width; bins then start at a multiple of it.</param>
    internal static HistogramResult Compute(CatalogSnapshot snapshot, FieldPath path, Bitset nodes, int? bins, double? width)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(nodes);
        if (!path.IsNumeric || !path.IsSingleValued)
            throw new CatalogQueryException($"'{path.Text}' is not a numeric field with one value per {path.Owner.Label}; histograms need one.");
        if (bins is < 1 or > MaxBins)
            throw new CatalogQueryException($"'bins' must be between 1 and {MaxBins}; it was {bins}.");
        if (width is { } w && (w <= 0 || double.IsNaN(w) || double.IsInfinity(w)))
            throw new CatalogQueryException($"'width' must be a positive number; it was {w}.");

        var column = (NumberColumn)path.TargetTable(snapshot).Column(path.Field)!;
        var values = new List<double>();
        var missing = 0;
        for (var node = nodes.NextFrom(0); node >= 0; node = nodes.NextFrom(node + 1))
        {
            var targets = path.Reach(snapshot, node);
            var value = targets.Length == 0 ? double.NaN : column.Value(targets[0]);
            if (double.IsNaN(value))
                missing++;
            else
                values.Add(value);
        }

        if (values.Count == 0)
            return new HistogramResult(path.Text, 0, missing, null, null, null, []);
        double min = values.Min(), max = values.Max(), sum = values.Sum(), mean = sum / values.Count;
        double start, step;
        int count;
        if (width is { } binWidth)
        {
            start = Math.Floor(min / binWidth) * binWidth;
            // Counted in double: a tiny width gives more bins than an int holds, or a first bin beyond double's range.
            var needed = double.IsFinite(start) ? Math.Floor((max - start) / binWidth) + 1 : double.PositiveInfinity;
            if (needed > MaxBins)
                throw new CatalogQueryException($"A width of {binWidth} gives {needed} bins for '{path.Text}' ({min} to {max}); at most {MaxBins} are allowed.");
            count = Math.Max(1, (int)needed);
            step = binWidth;
        }
        else
        {
            count = bins ?? 10;
            start = min;
            step = max > min ? (max - min) / count : 1;
        }

        var counts = new int[count];
        foreach (var value in values)
            counts[Math.Clamp((int)Math.Floor((value - start) / step), 0, count - 1)]++;
        var result = new HistogramBin[count];
        for (var i = 0; i < count; i++)
            result[i] = new HistogramBin(start + (i * step), i == count - 1 && width is null ? max : start + ((i + 1) * step), counts[i]);
        return new HistogramResult(path.Text, values.Count, missing, min, max, mean, result) { Sum = sum };
    }
}
