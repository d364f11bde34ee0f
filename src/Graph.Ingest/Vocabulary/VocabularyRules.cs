using Graph.Domain;
using Graph.Ingest.Mappings;
using Graph.Ingest.Records;

namespace Graph.Ingest.Vocabulary;

/// <summary>Reads one row of a vocabulary file into a concept, or says why it cannot be one; each reason names the column and the value.</summary>
public static class VocabularyRules
{
    /// <summary>Parses a row; returns null and adds the row's problems when it cannot be applied.</summary>
    /// <param name="record">The row.</param>
    /// <param name="listSeparators">The characters that separate list items ('|', and ';' for JSON, whose arrays arrive joined by ';').</param>
    /// <param name="problems">Where the row's rejections go.</param>
    public static VocabularyConcept? Parse(SourceRecord record, char[] listSeparators, List<RecordProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        void Reject(string column, string reason) => problems.Add(RecordProblem.Reject(record.Line, column, reason));

        var curie = record["curie"];
        string prefix = "", code = "";
        if (curie is null)
            Reject("curie", "curie is missing: every row needs the concept's CURIE (PREFIX:code)");
        else if (ConceptSystems.CheckCurie("curie", curie, out prefix, out code) is { } error)
            Reject("curie", error);

        var label = record["label"];
        if (label is null)
            Reject("label", "label is missing: every concept needs a preferred label");
        var system = record["system"];
        var synonyms = Split(record["synonyms"], listSeparators);
        var broader = Split(record["broader"], listSeparators);
        var iri = record["iri"];
        foreach (var (name, value) in new (string, object?)[] { ("label", label), ("system", system), ("synonyms", synonyms), ("iri", iri) })
        {
            if (value is not null && FieldRules.Check(GraphModel.Concept.Field(name)!, value) is { } fieldError)
                Reject(name, $"{name} {fieldError}");
        }

        if (iri is not null && !Uri.TryCreate(iri, UriKind.Absolute, out _))
            Reject("iri", $"iri '{iri}' is not an absolute IRI (https://example.org/onto/GBM)");
        foreach (var b in broader ?? [])
        {
            if (ConceptSystems.CheckCurie("broader", b, out _, out _) is { } error)
                Reject("broader", error);
            else if (curie is not null && ConceptSystems.SameConcept(b, curie))
                Reject("broader", $"BROADER cycle: broader '{b}' is the concept itself");
        }

        if (problems.Count > before)
            return null;
        return new VocabularyConcept(record.Line, curie!, prefix, code, label!, system, synonyms, broader, iri);
    }

    private static string[]? Split(string? value, char[] separators) =>
        value?.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray() is { Length: > 0 } items
            ? items
            : null;
}
