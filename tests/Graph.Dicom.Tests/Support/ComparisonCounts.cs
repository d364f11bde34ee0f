using System.Globalization;

namespace Graph.Dicom.Tests.Support;

/// <summary>What a comparison with DCMTK covered: files, elements at every depth, values by VR, and what it could not compare.</summary>
internal sealed class ComparisonCounts
{
    private static readonly HashSet<string> BinaryVRs = ["OB", "OW", "UN", "??"];

    public int Files { get; set; }

    public int Elements { get; set; }

    public int NestedElements { get; set; }

    public int Items { get; set; }

    public int MaxDepth { get; set; }

    /// <summary>Values compared, by DCMTK's VR.</summary>
    public SortedDictionary<string, int> ValuesByVR { get; } = new(StringComparer.Ordinal);

    /// <summary>Elements compared, by DCMTK's VR.</summary>
    public SortedDictionary<string, int> ElementsByVR { get; } = new(StringComparer.Ordinal);

    /// <summary>Elements or values left uncompared, by reason.</summary>
    public SortedDictionary<string, int> NotCompared { get; } = new(StringComparer.Ordinal);

    /// <summary>Elements or values compared in a particular way, by how.</summary>
    public SortedDictionary<string, int> Notes { get; } = new(StringComparer.Ordinal);

    public int Values => ValuesByVR.Values.Sum();

    public static void Increment(SortedDictionary<string, int> counts, string key, int by = 1) =>
        counts[key] = counts.GetValueOrDefault(key) + by;

    public void Add(ComparisonCounts other)
    {
        Files += other.Files;
        Elements += other.Elements;
        NestedElements += other.NestedElements;
        Items += other.Items;
        MaxDepth = Math.Max(MaxDepth, other.MaxDepth);
        foreach (var (target, source) in new[] { (ValuesByVR, other.ValuesByVR), (ElementsByVR, other.ElementsByVR), (NotCompared, other.NotCompared), (Notes, other.Notes) })
        {
            foreach (var (key, count) in source)
            {
                Increment(target, key, count);
            }
        }
    }

    /// <summary>The figures as lines of text, the first a one-line summary.</summary>
    public IEnumerable<string> Lines(int mismatches)
    {
        var bytes = ValuesByVR.Where(p => BinaryVRs.Contains(p.Key)).Sum(p => p.Value);
        yield return Invariant(
            $"DCMTK comparison: {Files} files, {Elements:N0} elements ({NestedElements:N0} inside {Items:N0} items of {ElementsByVR.GetValueOrDefault("SQ"):N0} sequences, nested up to {MaxDepth} deep), {Values - bytes:N0} numbers and text values and {bytes:N0} bytes of OB/OW/UN values compared, {mismatches} mismatches");
        yield return "values compared by VR (elements): " + string.Join(", ", ValuesByVR.Select(p => Invariant($"{p.Key} {p.Value:N0} ({ElementsByVR.GetValueOrDefault(p.Key):N0})")));
        foreach (var (reason, count) in NotCompared)
        {
            yield return Invariant($"not compared: {count:N0} {reason}");
        }

        foreach (var (how, count) in Notes)
        {
            yield return Invariant($"compared: {count:N0} {how}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
