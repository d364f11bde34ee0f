using Graph.Catalog.Querying;

namespace Graph.Catalog.Disclosure;

/// <summary>Turns the unreadable part of a count or a size into its protected estimate, or withholds it.</summary>
/// <remarks>
/// The unit of protection is the patient: a part is withheld when it comes from fewer patients than the threshold (a hard
/// floor, so 0 and 1 to threshold - 1 look the same) or when that number plus its noise is below the threshold (so the
/// edge cannot be found by stepping a condition). A shown part is the true one plus noise whose scale is the records per
/// patient (one patient's series move a series count by their number, so that is what the noise must hide), rounded.
/// </remarks>
internal sealed class Protector(DisclosureOptions options, bool exact)
{
    public bool Exact => exact;

    public int Threshold => options.Threshold;

    /// <summary>Protects a split count, given the sum of its noise layers (standard normal each).</summary>
    /// <param name="count">The readable and unreadable parts, and the unreadable part's distinct patients.</param>
    /// <param name="noise">The sum of the count's noise layers.</param>
    /// <param name="recordsPerPatient">Records per patient to scale the noise by when the patients were counted only up to <see cref="Facets.OwnerBound"/>.</param>
    public ProtectedCount Count(SplitCount count, double noise, double? recordsPerPatient = null)
    {
        if (exact)
            return new ProtectedCount(count.Readable + count.Unreadable, 0, true, options.Threshold);
        if (Shown(count.Unreadable, count.UnreadableOwners, noise, recordsPerPatient) is not { } estimate)
            return new ProtectedCount(count.Readable, null, false, options.Threshold);
        var step = options.RoundingStep;
        var rounded = (long)Math.Round(estimate / step, MidpointRounding.AwayFromZero) * step;
        return new ProtectedCount(count.Readable, Math.Max(rounded, Math.Max(step, options.Threshold)), false, options.Threshold);
    }

    /// <summary>Protects a split size in bytes, given the unreadable part's distinct patients and the sum of its noise layers.</summary>
    public ProtectedSize Size(long readable, long unreadable, long unreadablePatients, double noise)
    {
        if (exact)
            return new ProtectedSize(readable + unreadable, 0, true);
        if (Shown(unreadable, unreadablePatients, noise, null) is not { } estimate)
            return new ProtectedSize(readable, null, false);
        return new ProtectedSize(readable, SignificantDigits(Math.Max(estimate, 1), 3), false);
    }

    private double? Shown(long unreadable, long patients, double noise, double? recordsPerPatient)
    {
        var sigma = options.NoiseScale;
        if (patients < options.Threshold || patients + (sigma * noise) < options.Threshold)
            return null;
        var perPatient = Math.Max(1, recordsPerPatient is { } bounded && patients >= Facets.OwnerBound ? bounded : unreadable / (double)patients);
        return unreadable + (sigma * perPatient * noise);
    }

    private static long SignificantDigits(double value, int digits)
    {
        var scale = Math.Pow(10, Math.Floor(Math.Log10(value)) + 1 - digits);
        return (long)(Math.Round(value / scale) * scale);
    }
}
