using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>The Clean Descriptors Option of PS3.15 Annex E, simply: a description is kept only if it carries none of
/// the instance's identifying values and no date.</summary>
/// <remarks>
/// The identifying values are those of <see cref="AnnexEProfile.Identifying"/> (names, ids, institution, station,
/// device) and the birth date. They are compared by their letters and digits only, ignoring case, so "MRN 998877"
/// matches MRN998877: each whole value of three or more, each word of a place's name of four or more, each run of four
/// or more digits of the others (ids, numbers). The family, given and middle names of every component group of a
/// person's name are compared as whole words from two letters ("Li", "Bo"), or anywhere in the text when written in
/// ideographs, kana or Hangul, whose names are one or two characters ("小明"). Erring on the side of removal is
/// intended: a description that is dropped costs a facet value, one that is kept with a name costs a patient.
/// </remarks>
internal sealed partial class DescriptorCleaner
{
    private static readonly HashSet<DicomTag> PlaceAttributes =
        [DicomTag.InstitutionName, DicomTag.InstitutionAddress, DicomTag.InstitutionalDepartmentName, DicomTag.StationName];

    // The birth date as digits, as a description might write it (its separators are folded away).
    private static readonly string[] BirthDateForms = ["yyyyMMdd", "ddMMyyyy", "MMddyyyy", "yyMMdd", "ddMMyy", "MMddyy"];

    private readonly List<string> _values = [];
    private readonly List<string> _nameParts = [];
    private readonly HashSet<string> _nameWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _scriptNames = [];
    private readonly List<string> _visitValues = [];

    private DescriptorCleaner(DicomDataset dataset)
    {
        foreach (var attribute in AnnexEProfile.Identifying)
        {
            var isName = dataset.TryGetElement(attribute, out var element) && element.VR == DicomVR.PN;
            var isPlace = PlaceAttributes.Contains(attribute);
            foreach (var value in dataset.GetStrings(attribute))
            {
                Add(value, 3);
                if (isName)
                    AddName(value);
                else if (isPlace)
                {
                    // Of a place's name, words long enough not to be "of" or "St".
                    foreach (var word in Words(value))
                        Add(word, 4);
                }
                else
                {
                    foreach (var digits in DigitRun().EnumerateMatches(value))
                        Add(value.Substring(digits.Index, digits.Length), 4);
                }
            }
        }

        if (dataset.GetDate(DicomTag.PatientBirthDate) is { } birth)
        {
            foreach (var form in BirthDateForms)
                Add(birth.ToString(form, CultureInfo.InvariantCulture), 6);
            _visitValues.Add(birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            _visitValues.Add(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        _visitValues.AddRange(dataset.GetStrings(DicomTag.AccessionNumber).Select(a => a.Trim()));
    }

    /// <summary>The birth date and accession number of the data set, for checking pass-through ids.</summary>
    public IReadOnlyList<string> VisitValues => _visitValues;

    /// <summary>The components of every person name of the data set (patient, staff), for checking pass-through ids.</summary>
    public IReadOnlyList<string> NameParts => _nameParts;

    /// <summary>Collects the identifying values of a data set.</summary>
    public static DescriptorCleaner For(DicomDataset dataset) => new(dataset);

    /// <summary>The description when it is clean, else null.</summary>
    public string? Clean(string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
            return null;
        if (DateLike().IsMatch(description))
            return null;
        var folded = Fold(description);
        foreach (var value in _values)
        {
            if (folded.Contains(value, StringComparison.Ordinal))
                return null;
        }

        foreach (var name in _scriptNames)
        {
            if (description.Contains(name, StringComparison.Ordinal))
                return null;
        }

        foreach (var word in Words(description))
        {
            if (_nameWords.Contains(word))
                return null;
        }

        return description.Trim();
    }

    // Family, given and middle name of each component group (alphabetic, ideographic, phonetic); prefixes and
    // suffixes ("Mr", "Dr", "III") name no one.
    private void AddName(string value)
    {
        foreach (var group in value.Split('='))
        {
            foreach (var component in group.Split('^').Take(3))
            {
                foreach (var part in Words(component))
                {
                    if (part.Any(IsScriptOfShortNames))
                        _scriptNames.Add(part);
                    else if (part.Length >= 2)
                        _nameWords.UnionWith(Spellings(part));
                    else
                        continue;
                    _nameParts.Add(part);
                }
            }
        }
    }

    // Müller is written Muller and MUELLER too.
    private static IEnumerable<string> Spellings(string name)
    {
        yield return name;
        var decomposed = name.Normalize(NormalizationForm.FormD);
        yield return new string(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
        yield return name.ToUpperInvariant().Replace("Ä", "AE", StringComparison.Ordinal).Replace("Ö", "OE", StringComparison.Ordinal)
            .Replace("Ü", "UE", StringComparison.Ordinal).Replace("ß", "SS", StringComparison.Ordinal);
    }

    private void Add(string value, int minimumLength)
    {
        var folded = Fold(value);
        if (folded.Length >= minimumLength)
            _values.Add(folded);
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    private static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
                folded.Append(char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }

    // CJK ideographs, kana and Hangul: a name in them is one or two characters, often written without a space.
    private static bool IsScriptOfShortNames(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF66' and <= '\uFF9F';

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();

    // English month names and their abbreviations, as a whole word or before digits ("15MAR2023").
    private const string Month = "(?<!\\p{L})(?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?)(?!\\p{L})";

    // 20040119, 2004-01-19, 2004/1/19, 19.01.2004, 1/19/04, 19 Jan 2004, 19JAN2004, January 19, 2004, Jan 2004: any of
    // them may date the patient's visit or birth.
    [GeneratedRegex(
        $$"""
        \b(?:19|20)\d{2}[-./]?[01]\d[-./]?[0-3]\d\b
        | \b(?:19|20)\d{2}[-./][01]?\d[-./][0-3]?\d\b
        | \b[0-3]?\d[-./][0-3]?\d[-./](?:\d{4}|\d{2})\b
        | (?<!\d)[0-3]?\d[\s.-]*{{Month}}\.?[\s.,-]*(?:\d{4}|\d{2})(?!\d)
        | {{Month}}\.?\s*[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}(?!\d)
        | {{Month}}\.?[\s,-]*(?:19|20)\d{2}(?!\d)
        | \b(?:19|20)\d{2}[\s.-]*{{Month}}\.?[\s.-]*[0-3]?\d(?!\d)
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DateLike();
}
