using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>Keeps the year of dates and turns ages and birth dates into whole years, so no full date enters the graph.</summary>
internal static class YearOnly
{
    /// <summary>The oldest age accepted, in years; an older one is taken as a wrong date and left out.</summary>
    public const int MaxAge = 130;

    /// <summary>The year of the first date that is known, or null.</summary>
    public static int? Year(params ReadOnlySpan<DateOnly?> dates)
    {
        foreach (var date in dates)
        {
            if (date is { } known)
                return known.Year;
        }

        return null;
    }

    /// <summary>An Age String (AS) in whole years, or null when out of range.</summary>
    public static int? Years(DicomAge age)
    {
        var years = age.Unit switch
        {
            DicomAgeUnit.Years => age.Value,
            DicomAgeUnit.Months => age.Value / 12,
            DicomAgeUnit.Weeks => age.Value * 7 / 365,
            _ => age.Value / 365,
        };
        return years is >= 0 and <= MaxAge ? years : null;
    }

    /// <summary>The age in whole years on a date of someone born on another, or null when the dates make no sense.</summary>
    public static int? AgeAt(DateOnly birth, DateOnly date)
    {
        var years = date.Year - birth.Year;
        if (date.Month < birth.Month || (date.Month == birth.Month && date.Day < birth.Day))
            years--;
        return years is >= 0 and <= MaxAge ? years : null;
    }
}
