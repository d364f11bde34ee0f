using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Domain;

namespace Graph.Ingest.Clinical;

/// <summary>Parses the text of a clinical column into the value stored in the graph, or says why it cannot.</summary>
public static partial class ClinicalValues
{
    // Beyond 2^53 a double no longer holds every whole number, so a float there may not be the number written.
    private const double MaxExactWhole = 9_007_199_254_740_992;

    [GeneratedRegex(@"^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$")]
    private static partial Regex Icd10();

    [GeneratedRegex(@"^[89][0-9]{3}/[0-369]$")]
    private static partial Regex IcdO3Morphology();

    [GeneratedRegex(@"^(?:yp|yc|c|p|r|a)?T(?:X|0|a|is|1mi|[1-4][a-e]?)$")]
    private static partial Regex TnmT();

    [GeneratedRegex(@"^(?:yp|yc|c|p)?N(?:X|0|[1-3][a-c]?)(?:\((?:sn|f|i\+|i-|mol\+|mol-)\))?$")]
    private static partial Regex TnmN();

    [GeneratedRegex(@"^(?:yp|yc|c|p)?M(?:X|0|1[a-d]?)$")]
    private static partial Regex TnmM();

    [GeneratedRegex(@"^(?:(?:0|0is|0a|I|II|III|IV)(?:[A-C][1-3]?)?|L1|L2|M|MS)$")]
    private static partial Regex Stage();

    [GeneratedRegex(@"^(?:G[1-4X]|GG[1-5]|WHO [1-4])$")]
    private static partial Regex Grade();

    [GeneratedRegex(@"^([1-5])\s*\+\s*([1-5])$")]
    private static partial Regex GleasonSum();

    /// <summary>Parses a Diagnosis or Patient column; returns the stored value, or null with a reason naming the column and value in <paramref name="error"/>.</summary>
    public static object? Parse(string column, string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        object? value = column switch
        {
            "icd10" => Match(Icd10(), text.ToUpperInvariant(), "is not an ICD-10 code (a letter, two digits, then optionally '.' and up to 4 characters, as C50.9 or C61)", ref error),
            "icdO3Morphology" => Match(IcdO3Morphology(), text, "is not an ICD-O-3 morphology code (four digits from 8000, '/', a behaviour digit 0-3, 6 or 9, as 8500/3)", ref error),
            "tnmT" => Match(TnmT(), text, "is not a TNM T category (TX, T0, Tis, T1mi, T1 to T4 with an optional a-e, optionally prefixed c, p, yc, yp, r or a)", ref error),
            "tnmN" => Match(TnmN(), text, "is not a TNM N category (NX, N0, N1 to N3 with an optional a-c, optionally prefixed c, p, yc or yp)", ref error),
            "tnmM" => Match(TnmM(), text, "is not a TNM M category (MX, M0, M1 with an optional a-d, optionally prefixed c, p, yc or yp)", ref error),
            "stage" => Match(Stage(), text, "is not a stage group (0, 0is, I to IV with an optional A-C and 1-3, or the INRG stages L1, L2, M, MS)", ref error),
            "grade" => Match(Grade(), text, "is not a grade (G1 to G4, GX, grade groups GG1 to GG5, or WHO 1 to WHO 4)", ref error),
            "er" or "pr" or "her2" or "vitalStatus" => text.ToLowerInvariant(),
            "psa" => Number(text, ref error),
            "ki67" => Number(text.EndsWith('%') ? text[..^1].TrimEnd() : text, ref error),
            "gleasonScore" => GleasonSum().Match(text) is { Success: true } sum
                ? long.Parse(sum.Groups[1].Value, CultureInfo.InvariantCulture) + long.Parse(sum.Groups[2].Value, CultureInfo.InvariantCulture)
                : Whole(text, ref error),
            "ageAtDiagnosis" or "year" or "diagnosis" => Whole(text, ref error),
            _ => text,
        };
        if (error is not null)
        {
            error = $"{column} {PropertyValues.Describe(text)} {error}";
            return null;
        }

        var field = column == "vitalStatus" ? GraphModel.Patient.Field(column) : GraphModel.Diagnosis.Field(column);
        if (column == "diagnosis")
            error = value is long n and >= 1 and <= 99 ? null : $"diagnosis {PropertyValues.Describe(text)} must be a whole number from 1 to 99";
        else if (field is not null && FieldRules.Check(field, value) is { } rule)
            error = $"{column}: {rule}";
        return error is null ? value : null;
    }

    private static string? Match(Regex regex, string text, string reason, ref string? error)
    {
        if (regex.IsMatch(text))
            return text;
        error = reason;
        return null;
    }

    private static object? Number(string text, ref string? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return number;
        error = "is not a number (use '.' for decimals)";
        return null;
    }

    // A number whose value is whole is accepted however it is written: pandas writes an integer column that holds a missing
    // value as floats (64.0, 2021.0), and JSON writers may use an exponent (1e2).
    private static object? Whole(string text, ref string? error)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return number;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real)
            && real == Math.Floor(real) && Math.Abs(real) < MaxExactWhole)
            return (long)real;
        error = "is not a whole number";
        return null;
    }
}
