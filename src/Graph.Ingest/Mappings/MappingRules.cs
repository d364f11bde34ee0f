using System.Globalization;
using System.Text.RegularExpressions;
using Graph.Domain;

namespace Graph.Ingest.Mappings;

/// <summary>Checks one mapping before it enters the graph; the reason names the column and the value.</summary>
public static partial class MappingRules
{
    [GeneratedRegex("^semapv:[A-Za-z]+$")]
    private static partial Regex Justification();

    /// <summary>Why a mapping cannot be applied, or null when it can; <paramref name="curieMap"/> lists the prefixes its CURIEs may use (null: any).</summary>
    public static string? Check(MappingRecord mapping, IReadOnlyDictionary<string, string>? curieMap)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        return CheckConcept("subject_id", mapping.SubjectId, curieMap)
            ?? CheckConcept("object_id", mapping.ObjectId, curieMap)
            ?? (ConceptSystems.SameConcept(mapping.SubjectId, mapping.ObjectId)
                ? $"subject_id '{mapping.SubjectId}' and object_id '{mapping.ObjectId}' are the same concept (prefixes are compared ignoring case): a concept cannot map to itself"
                : null)
            ?? (MappingProperties.Predicates.Contains(mapping.Predicate) ? null
                : $"predicate_id 'skos:{mapping.Predicate}' is not one of {string.Join(", ", MappingProperties.Predicates.Select(p => "skos:" + p))}")
            ?? (Justification().IsMatch(mapping.Justification ?? "") && mapping.Justification!.Length <= 200 ? null
                : $"mapping_justification '{mapping.Justification}' is not a SEMAPV term such as semapv:ManualMappingCuration")
            ?? (mapping.Confidence is null or (>= 0 and <= 1) ? null
                : $"confidence {mapping.Confidence.Value.ToString(CultureInfo.InvariantCulture)} is not between 0 and 1")
            ?? CheckLength("subject_label", mapping.SubjectLabel, 500)
            ?? CheckLength("object_label", mapping.ObjectLabel, 500)
            ?? CheckLength("author", mapping.Author, 200)
            ?? (mapping.Date is null || IsDate(mapping.Date) ? null : $"mapping_date '{mapping.Date}' is not an ISO 8601 date (2024-05-31)");
    }

    /// <summary>Whether a text is an ISO 8601 date or date and time.</summary>
    public static bool IsDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || (text.Length > 10 && text[4] == '-' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));

    private static string? CheckConcept(string column, string curie, IReadOnlyDictionary<string, string>? curieMap)
    {
        if (ConceptSystems.CheckCurie(column, curie, out var prefix, out _) is { } error)
            return error;
        return curieMap is not null && !curieMap.ContainsKey(prefix)
            ? $"{column} '{curie}' uses the prefix '{prefix}', which the curie_map does not declare"
            : null;
    }

    private static string? CheckLength(string column, string? value, int max) =>
        value is not null && value.Length > max ? $"{column} has {value.Length} characters; at most {max} are accepted" : null;
}
