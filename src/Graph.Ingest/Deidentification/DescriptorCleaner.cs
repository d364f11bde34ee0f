using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>The Clean Descriptors Option of PS3.15 Annex E, simply: a description is kept only if it carries none of
/// the instance's identifying values and no date.</summary>
/// <remarks>
/// The identifying values are those of <see cref="AnnexEProfile.Identifying"/> (names, ids, addresses, institution,
/// station, device) and the birth date. Description and values are compared in every spelling <see cref="TextFold"/>
/// gives (fullwidth, decomposed, soft hyphens, Ø, Ł, Æ, ß, Müller as Muller and Mueller, katakana as hiragana). Ids,
/// numbers and places are compared by their letters and digits only, so "MRN 998877" matches MRN998877: each whole
/// value of three or more, each word of a place's name of four or more, each run of four or more digits of the others.
/// Names are compared by word: the family, given and middle names of every component group of a person's name, and
/// each component's words written together ("vanderberg", "obrien"), match from five letters anywhere in a word
/// ("Zorbulak2", "DrZorbulak"), with four letters at the start of a word, with two or three letters as a whole word or
/// followed by digits ("Li", "LI2", never "Liver"), and inside a standard term of descriptions (<see cref="DescriptionTerms"/>:
/// THORAX, POSTERIOR) only as the whole word; written in ideographs, kana or Hangul, whose names are one or two
/// characters ("小明"), anywhere in the text. The words of an address, region of residence or responsible organisation
/// are compared as names from four letters. Erring on the side of removal is intended: a description that is dropped
/// costs a facet value, one that is kept with a name costs a patient.
/// </remarks>
internal sealed partial class DescriptorCleaner
{
    private static readonly HashSet<DicomTag> PlaceAttributes =
        [DicomTag.InstitutionName, DicomTag.InstitutionAddress, DicomTag.InstitutionalDepartmentName, DicomTag.StationName];

    // Where the patient lives or who answers for them: their words are compared as names are, so a street's "Lane"
    // does not drop "3-PLANE LOC".
    private static readonly HashSet<DicomTag> AddressAttributes =
        [new(0x0010, 0x1040), new(0x0010, 0x2152), new(0x0010, 0x2299)]; // Patient's Address, Region of Residence, Responsible Organization

    // The birth date as digits, as a description might write it (its separators are folded away).
    private static readonly string[] BirthDateForms = ["yyyyMMdd", "ddMMyyyy", "MMddyyyy", "yyMMdd", "ddMMyy", "MMddyy"];

    private readonly List<string> _values = [];
    private readonly List<string> _nameParts = [];
    private readonly HashSet<string> _nameWords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _scriptNames = new(StringComparer.Ordinal);
    private readonly List<string> _visitValues = [];

    private DescriptorCleaner(DicomDataset dataset)
    {
        foreach (var attribute in AnnexEProfile.Identifying)
        {
            var isName = dataset.TryGetElement(attribute, out var element) && element.VR == DicomVR.PN;
            var isPlace = PlaceAttributes.Contains(attribute);
            var isAddress = AddressAttributes.Contains(attribute);
            foreach (var value in dataset.GetStrings(attribute))
            {
                Add(value, 3);
                if (isName)
                {
                    AddName(value);
                }
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
                    if (isAddress)
                        AddNameWords(Words(value).Where(w => w.Length >= 4 && !w.Any(char.IsDigit)), 4);
                }
            }
        }

        if (dataset.GetDate(DicomTag.PatientBirthDate) is { } birth)
        {
            foreach (var form in BirthDateForms)
            {
                var digits = birth.ToString(form, CultureInfo.InvariantCulture);
                Add(digits, 6);
                _visitValues.Add(digits);
            }
        }

        foreach (var attribute in (ReadOnlySpan<DicomTag>)[DicomTag.OtherPatientIDs, DicomTag.StudyID, DicomTag.AccessionNumber])
            _visitValues.AddRange(dataset.GetStrings(attribute).Select(v => v.Trim()).Where(v => v.Length > 0));
    }

    /// <summary>The birth date in every form, the patient's other ids, the study id and the accession number, for checking
    /// pass-through ids.</summary>
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
        foreach (var spelling in TextFold.Spellings(description))
        {
            if (!IsClean(spelling))
                return null;
        }

        return description.Trim();
    }

    private bool IsClean(string spelling)
    {
        if (WrittenDates.In(spelling))
            return false;
        var folded = TextFold.LettersAndDigits(spelling);
        foreach (var value in _values)
        {
            if (folded.Contains(value, StringComparison.Ordinal))
                return false;
        }

        foreach (var name in _scriptNames)
        {
            if (spelling.Contains(name, StringComparison.Ordinal))
                return false;
        }

        foreach (var word in Words(spelling))
        {
            foreach (var name in _nameWords)
            {
                if (IsNameIn(word, name))
                    return false;
            }
        }

        return true;
    }

    // From five letters anywhere in a word ("Zorbulaks"), from four at its start, shorter ones only as the whole word
    // or followed by digits ("LI2"): "Li" is in "Liver", "Bo" in "Bone". Inside a standard term of descriptions only as
    // the whole word: "Thora" is in THORAX whoever is scanned.
    private static bool IsNameIn(string word, string name) => word == name || (!DescriptionTerms.Contains(word) && name.Length switch
    {
        >= 5 => word.Contains(name, StringComparison.Ordinal),
        4 => word.StartsWith(name, StringComparison.Ordinal),
        _ => word.StartsWith(name, StringComparison.Ordinal) && word.AsSpan(name.Length).IndexOfAnyExceptInRange('0', '9') < 0,
    });

    // Family, given and middle name of each component group (alphabetic, ideographic, phonetic), and each one's words
    // written together; prefixes and suffixes ("Mr", "Dr", "III") name no one.
    private void AddName(string value)
    {
        foreach (var group in value.Split('='))
        {
            foreach (var component in group.Split('^').Take(3))
            {
                var words = Words(component).ToArray();
                _nameParts.AddRange(words.Where(w => w.Length >= 2 || w.Any(IsScriptOfShortNames)));
                AddNameWords(words, 2);
                if (words.Length > 1)
                    AddNameWords([string.Concat(words)], 2);
            }
        }
    }

    private void AddNameWords(IEnumerable<string> words, int minimumLength)
    {
        foreach (var word in words)
        {
            foreach (var spelling in TextFold.Spellings(word))
            {
                if (spelling.Any(IsScriptOfShortNames))
                    _scriptNames.Add(spelling);
                else if (spelling.Length >= minimumLength)
                    _nameWords.Add(spelling);
            }
        }
    }

    private void Add(string value, int minimumLength)
    {
        foreach (var spelling in TextFold.Spellings(value))
        {
            var folded = TextFold.LettersAndDigits(spelling);
            if (folded.Length >= minimumLength)
                _values.Add(folded);
        }
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text).Select(m => m.Value);

    // CJK ideographs, kana and Hangul: a name in them is one or two characters, often written without a space.
    private static bool IsScriptOfShortNames(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\u1100' and <= '\u11FF' or >= '\u3130' and <= '\u318F' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF'
            or >= '\uFF66' and <= '\uFF9F';

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
