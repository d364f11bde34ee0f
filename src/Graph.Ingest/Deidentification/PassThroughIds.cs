using System.Text.RegularExpressions;

namespace Graph.Ingest.Deidentification;

/// <summary>Checks a patient id that a repository publishes as a pseudonym before it enters the graph as it is.</summary>
/// <remarks>
/// Deliberately simple and strict: 1 to 64 characters of letters, digits, '.', '_', '-' or ':'; at least one digit
/// (letters alone may be a name); compared by its letters and digits only ("X1958.07.23" is x19580723), no part of a
/// person's name in the instance (patient or staff) of three letters or more in any spelling (Müller as muller or
/// mueller), none of the instance's birth date in any order of day, month and year, other patient ids, study id or
/// accession number; not shaped as a national identity number (123-45-6789). The reasons never repeat the id.
/// </remarks>
internal static partial class PassThroughIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Returns why an id cannot pass through, or null when it can.</summary>
    public static string? Problem(string id, IEnumerable<string> nameParts, IEnumerable<string>? visitValues = null)
    {
        if (id.Length == 0)
            return "the patient id is empty";
        if (id.Length > MaxLength)
            return $"the patient id is longer than {MaxLength} characters";
        if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':'))
            return "the patient id has a character other than letters, digits, '.', '_', '-' or ':' (a space or '^' may be part of a name)";
        if (!id.Any(char.IsAsciiDigit))
            return "the patient id has no digit, so it may be a name";
        var folded = TextFold.LettersAndDigits(id.ToLowerInvariant());
        if (nameParts.SelectMany(TextFold.Spellings).Any(part => part.Length >= 3 && folded.Contains(part, StringComparison.Ordinal)))
            return "the patient id contains part of a person's name";
        if (visitValues?.SelectMany(TextFold.Spellings).Select(TextFold.LettersAndDigits).Any(value => value.Length >= 4 && folded.Contains(value, StringComparison.Ordinal)) == true)
            return "the patient id contains the birth date, another id of the patient, the study id or the accession number";
        if (NationalNumber().IsMatch(id))
            return "the patient id has the form of a national identity number";
        return null;
    }

    // A US social security number (123-45-6789) and other numbers written in groups of 3, 2 and 4 digits.
    [GeneratedRegex(@"^\d{3}-\d{2}-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex NationalNumber();
}
