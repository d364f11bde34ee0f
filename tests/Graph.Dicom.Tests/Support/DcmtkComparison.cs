namespace Graph.Dicom.Tests.Support;

/// <summary>Compares our reading of one file with DCMTK's, element by element inside every sequence item at every depth.</summary>
/// <remarks>
/// Values are compared as the user reads them: text through <see cref="DicomDataset.GetString"/>, numbers through
/// <see cref="DicomDataset.TryGetDouble"/> and <see cref="DicomDataset.GetAttributeTag"/>, binary values through
/// <see cref="DicomDataset.GetBytes"/>; see <see cref="DcmtkValues"/> for how each VR is made comparable.
/// </remarks>
internal sealed class DcmtkComparison
{
    private readonly string _file;
    private readonly bool _decoded;

    private DcmtkComparison(string file, bool decoded)
    {
        _file = file;
        _decoded = decoded;
        Counts.Files = 1;
    }

    public ComparisonCounts Counts { get; } = new();

    /// <summary>Each difference: file, tag path, VR, DCMTK's value and ours.</summary>
    public List<string> Mismatches { get; } = [];

    /// <summary>Compares a file; decoded is DCMTK's dump with text converted to UTF-8, or null when DCMTK could not convert.</summary>
    public static DcmtkComparison Run(string file, DicomDataset ours, DcmtkDump dcmtk, DcmtkDump? decoded)
    {
        var comparison = new DcmtkComparison(file, decoded is not null);
        comparison.CompareItem(string.Empty, ours, dcmtk.Elements, decoded?.Elements, 0);
        return comparison;
    }

    private void CompareItem(string path, DicomDataset ours, IReadOnlyList<DcmtkElement> theirs, IReadOnlyList<DcmtkElement>? decoded, int depth)
    {
        // DCMTK's list stops before the top-level pixel data; we keep the first of repeated tags, as it does.
        var expectedTags = theirs.Select(e => e.Tag).Distinct().Order().ToList();
        var ourTags = ours.Select(e => e.Tag).Where(t => depth > 0 || t != DicomTag.PixelData).ToList();
        if (!expectedTags.SequenceEqual(ourTags))
        {
            Mismatch(path, "elements", string.Join(' ', expectedTags.Except(ourTags)), string.Join(' ', ourTags.Except(expectedTags)));
        }

        Counts.MaxDepth = Math.Max(Counts.MaxDepth, depth);
        foreach (var element in theirs.DistinctBy(e => e.Tag))
        {
            if (!ours.TryGetElement(element.Tag, out var mine))
            {
                continue;
            }

            Counts.Elements++;
            Counts.NestedElements += depth > 0 ? 1 : 0;
            var elementPath = path + element.Tag;
            var decodedElement = decoded?.FirstOrDefault(e => e.Tag == element.Tag);
            if (element.Items is { } items)
            {
                ComparisonCounts.Increment(Counts.ElementsByVR, "SQ");
                CompareSequence(elementPath, ours.GetSequence(element.Tag), items, decodedElement?.Items, depth);
                continue;
            }

            ComparisonCounts.Increment(Counts.ElementsByVR, DcmtkValues.Normalized(element.VR));
            CompareValue(elementPath, ours, mine, element, decodedElement?.Value);
        }
    }

    private void CompareSequence(
        string path, IReadOnlyList<DicomDataset> ours, IReadOnlyList<IReadOnlyList<DcmtkElement>> theirs, IReadOnlyList<IReadOnlyList<DcmtkElement>>? decoded, int depth)
    {
        if (ours.Count != theirs.Count)
        {
            Mismatch(path, "SQ", $"{theirs.Count} items", $"{ours.Count} items");
            return;
        }

        Counts.Items += theirs.Count;
        for (var i = 0; i < theirs.Count; i++)
        {
            CompareItem($"{path}[{i + 1}]/", ours[i], theirs[i], decoded is not null && i < decoded.Count ? decoded[i] : null, depth + 1);
        }
    }

    private void CompareValue(string path, DicomDataset ours, DicomElement mine, DcmtkElement theirs, string? decodedValue)
    {
        var vr = DcmtkValues.Normalized(theirs.VR);
        var ourVR = mine.VR.ToString();
        if (mine.VR == DicomVR.SQ && vr == "UN")
        {
            ComparisonCounts.Increment(Counts.NotCompared, "explicit UN values of sequence attributes: we read their items (CP-246, as pydicom does), DCMTK keeps the bytes");
            return;
        }

        if (mine.VR == DicomVR.SQ)
        {
            Mismatch(path, vr, $"a value ({theirs.Value})", "a sequence");
            return;
        }

        if (theirs.Value is null || !mine.IsValueLoaded)
        {
            ComparisonCounts.Increment(
                Counts.NotCompared,
                theirs.Value is null ? "values DCMTK did not load (over 16 KiB)" : "values we skip unloaded (bulk data, binary over 16 KiB)");
            return;
        }

        var bytes = ours.GetBytes(mine.Tag).ToArray();
        IReadOnlyList<string>? expected;
        IReadOnlyList<string> actual;
        if (vr == ourVR || (DcmtkValues.IsBinary(vr) && DcmtkValues.IsBinary(ourVR)))
        {
            expected = DcmtkValues.FromPrinted(vr, DcmtkValues.UsesCharacterSet(vr) ? TextFor(theirs.Value, decodedValue) : theirs.Value);
            actual = DcmtkValues.FromOurs(vr, ours, mine.Tag, bytes);
        }
        else if (vr is "UN" or "??")
        {
            // DCMTK prints the bytes of an explicit UN element; we give a known attribute its dictionary VR.
            var theirBytes = DcmtkValues.BytesOf(theirs.Value);
            expected = DcmtkValues.FromBytes(ourVR, theirBytes);
            actual = DcmtkValues.FromOurs(ourVR, ours, mine.Tag, bytes);
            vr = ourVR;
            ComparisonCounts.Increment(Counts.Notes, "elements DCMTK reads as UN, their bytes read with our dictionary's VR");
        }
        else if (ourVR == "UN")
        {
            // An implicit VR element our dictionary lacks: its bytes, decoded with the VR DCMTK's dictionary gives it.
            expected = DcmtkValues.FromPrinted(vr, DcmtkValues.UsesCharacterSet(vr) ? TextFor(theirs.Value, decodedValue) : theirs.Value);
            actual = DcmtkValues.FromBytes(vr, bytes);
            ComparisonCounts.Increment(Counts.Notes, "elements our dictionary lacks (UN to us), their bytes read with DCMTK's VR");
        }
        else
        {
            Mismatch(path, "VR", vr, ourVR);
            return;
        }

        if (expected is not null && DcmtkValues.IsBinary(vr) && actual.Count % 2 == 1 && expected.Count == actual.Count + 1 && expected[^1] == "00")
        {
            // DCMTK pads an odd-length value to even length with a zero byte when it loads it; we keep the bytes as written.
            expected = expected.Take(actual.Count).ToList();
            ComparisonCounts.Increment(Counts.Notes, "odd-length binary values DCMTK pads with a zero byte, compared without it");
        }

        if (expected is null)
        {
            ComparisonCounts.Increment(Counts.NotCompared, "non-ASCII text in a character set DCMTK cannot convert (iconv lacks it)");
            return;
        }

        if (!DcmtkValues.Same(vr, expected, actual, out var approximate))
        {
            Mismatch(path, vr, string.Join('\\', expected), string.Join('\\', actual));
            return;
        }

        if (approximate > 0)
        {
            ComparisonCounts.Increment(Counts.Notes, "FD values equal only within DCMTK's printing error (to 16 units in the last place)", approximate);
        }

        if (DcmtkValues.UsesCharacterSet(vr) && _decoded && decodedValue is not null && !DcmtkValues.IsAscii(decodedValue))
        {
            ComparisonCounts.Increment(Counts.Notes, "non-ASCII text values compared with DCMTK's own conversion to UTF-8", expected.Count);
        }

        ComparisonCounts.Increment(Counts.ValuesByVR, vr, expected.Count);
    }

    // Text in a specific character set: DCMTK's UTF-8 conversion when it made one, else only ASCII.
    private string? TextFor(string printed, string? decoded) =>
        _decoded && decoded is not null ? decoded : DcmtkValues.IsAscii(printed) ? printed : null;

    private void Mismatch(string path, string vr, string dcmtk, string ours) =>
        Mismatches.Add($"{_file} {path} {vr}: DCMTK '{dcmtk}', we '{ours}'");
}
