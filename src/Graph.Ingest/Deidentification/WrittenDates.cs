using System.Text.RegularExpressions;

namespace Graph.Ingest.Deidentification;

/// <summary>Finds a full date (day or month with the year) written in a description, in numbers, with a month's name or in CJK form.</summary>
/// <remarks>
/// 20040119, 2004-01-19, 2004/1/19, 19.01.2004, 1/19/04, 19 Jan 2004, 19JAN2004, January 19, 2004, Jan 2004, 23. Juli 1958,
/// 15 de marzo de 2023, 2023年3月15日, 2023년 3월 15일: any of them may date the patient's visit or birth. Month names are
/// English, German, French, Spanish, Italian, Dutch, Portuguese, Scandinavian and Finnish, with their abbreviations, and
/// are matched on a text folded by <see cref="TextFold"/> (März is marz or maerz, février fevrier, août aout, março marco).
/// </remarks>
internal static partial class WrittenDates
{
    /// <summary>Whether a folded text holds a date.</summary>
    public static bool In(string folded) => DateLike().IsMatch(folded);

    private const string Month =
        "(?<!\\p{L})(?:"
        + "jan(?:uary?|uari|eiro|v(?:ier)?)?|jaen?ner|janner|ene(?:ro)?|genn?(?:aio)?|"
        + "feb(?:ruary?|ruari|rero|braio)?|feber|fevr?(?:ier|ereiro)?|"
        + "mar(?:ch|s|ts|zo|co)?|ma?e?rz|maart|mrt|"
        + "apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|"
        + "may|mayo|mai|maio|maj|mei|mag(?:gio)?|"
        + "june?|juni|juin|jun(?:io|ho)|giu(?:gno)?|"
        + "july?|juli|juil(?:let)?|jul(?:io|ho)|lug(?:lio)?|"
        + "aug(?:ust|usti|ustus)?|aout|ago(?:sto)?|"
        + "sept?(?:ember|embre|iembre)?|set(?:iembre|tembre|embro)?|"
        + "oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|out(?:ubro)?|"
        + "nov(?:ember|embre|iembre|embro)?|"
        + "dec(?:ember|embre)?|dez(?:ember|embro)?|dic(?:iembre|embre)?|des(?:ember)?|"
        + "(?:tammi|helmi|maalis|huhti|touko|kesa|kesae|heina|heinae|elo|syys|loka|marras|joulu)kuu(?:ta)?"
        + ")(?!\\p{L})";

    // "15 de marzo de 2023", "marzo del 2023", "15 di marzo".
    private const string Of = "(?:(?:de|del|di)\\s+)?";

    [GeneratedRegex(
        $$"""
        \b(?:19|20)\d{2}[-./]?[01]\d[-./]?[0-3]\d\b
        | \b(?:19|20)\d{2}[-./][01]?\d[-./][0-3]?\d\b
        | \b[0-3]?\d[-./][0-3]?\d[-./](?:\d{4}|\d{2})\b
        | (?<!\d)[0-3]?\d[\s.-]*{{Of}}{{Month}}\.?[\s.,-]*{{Of}}(?:\d{4}|\d{2})(?!\d)
        | {{Month}}\.?\s*[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}(?!\d)
        | {{Month}}\.?[\s,-]*{{Of}}(?:19|20)\d{2}(?!\d)
        | \b(?:19|20)\d{2}[\s.-]*{{Month}}\.?[\s.-]*[0-3]?\d(?!\d)
        | (?<!\d)(?:19|20)?\d{2}\s*[年년]\s*[01]?\d\s*[月월]
        | (?<!\d)[01]?\d\s*[月월]\s*[0-3]?\d\s*[日일]
        """,
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex DateLike();
}
