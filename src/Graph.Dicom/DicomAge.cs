using System.Globalization;

namespace Graph.Dicom;

/// <summary>An Age String (AS) value such as "045Y".</summary>
/// <param name="Value">The number, 0 to 999.</param>
/// <param name="Unit">The unit of the number.</param>
public readonly record struct DicomAge(int Value, DicomAgeUnit Unit)
{
    /// <summary>The age in years, counting a year as 365.25 days, a month as a twelfth of a year and a week as 7 days.</summary>
    public double TotalYears => Unit switch
    {
        DicomAgeUnit.Years => Value,
        DicomAgeUnit.Months => Value / 12.0,
        DicomAgeUnit.Weeks => Value * 7 / 365.25,
        _ => Value / 365.25,
    };

    /// <summary>Parses "nnnD", "nnnW", "nnnM" or "nnnY" (surrounding spaces allowed).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DicomAge age)
    {
        age = default;
        text = text.Trim();
        if (text.Length is < 2 or > 4)
        {
            return false;
        }

        DicomAgeUnit? unit = char.ToUpperInvariant(text[^1]) switch
        {
            'D' => DicomAgeUnit.Days,
            'W' => DicomAgeUnit.Weeks,
            'M' => DicomAgeUnit.Months,
            'Y' => DicomAgeUnit.Years,
            _ => null,
        };
        if (unit is null || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        age = new DicomAge(value, unit.Value);
        return true;
    }

    /// <summary>Formats the age as DICOM writes it, e.g. "045Y".</summary>
    public override string ToString()
    {
        var letter = Unit switch
        {
            DicomAgeUnit.Days => 'D',
            DicomAgeUnit.Weeks => 'W',
            DicomAgeUnit.Months => 'M',
            _ => 'Y',
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Value:D3}{letter}");
    }
}
