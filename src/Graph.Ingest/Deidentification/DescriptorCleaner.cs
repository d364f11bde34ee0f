using System.Text.RegularExpressions;
using Graph.Dicom;

namespace Graph.Ingest.Deidentification;

/// <summary>The Clean Descriptors Option of PS3.15 Annex E, simply: a description is kept only if it carries none of
/// the instance's identifying values and no date.</summary>
/// <remarks>
/// The identifying values are those of <see cref="AnnexEProfile.Identifying"/> (names, ids, institution, station,
/// device), whole, with each component of a person's name of three letters or more and each word of a place's name
/// of four or more, and the birth date; they are compared ignoring case. Erring on the side of removal
/// is intended: a description that is dropped costs a facet value, one that is kept with a name costs a patient.
/// </remarks>
internal sealed partial class DescriptorCleaner
{
    private static readonly char[] Separators = ['^', '=', ' ', ',', '-', '/'];

    private static readonly HashSet<DicomTag> PlaceAttributes =
        [DicomTag.InstitutionName, DicomTag.InstitutionAddress, DicomTag.InstitutionalDepartmentName, DicomTag.StationName];

    private readonly List<string> _values = [];
    private readonly List<string> _nameParts = [];

    private DescriptorCleaner(DicomDataset dataset)
    {
        foreach (var attribute in AnnexEProfile.Identifying)
        {
            var isName = dataset.TryGetElement(attribute, out var element) && element.VR == DicomVR.PN;
            var isPlace = PlaceAttributes.Contains(attribute);
            foreach (var value in dataset.GetStrings(attribute))
            {
                Add(value, 3);
                if (!isName && !isPlace)
                    continue;
                foreach (var part in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // A name's every component counts; of a place's name, words long enough not to be "of" or "St".
                    if (Add(part, isName ? 3 : 4) && isName)
                        _nameParts.Add(part);
                }
            }
        }

        if (dataset.GetDate(DicomTag.PatientBirthDate) is { } birth)
        {
            Add(birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), 8);
            Add(birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 10);
        }
    }

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
        foreach (var value in _values)
        {
            if (description.Contains(value, StringComparison.OrdinalIgnoreCase))
                return null;
        }

        return description.Trim();
    }

    private bool Add(string value, int minimumLength)
    {
        value = value.Trim();
        if (value.Length < minimumLength)
            return false;
        _values.Add(value);
        return true;
    }

    // 20040119, 2004-01-19, 19.01.2004, 1/19/04: any of them may date the patient's visit.
    [GeneratedRegex(@"\b(?:(?:19|20)\d{2}[-./]?[01]\d[-./]?[0-3]\d|[0-3]?\d[-./][01]?\d[-./](?:\d{4}|\d{2}))\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateLike();
}
