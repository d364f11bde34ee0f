using Graph.Ingest.Records;

namespace Graph.Ingest.Vocabulary;

/// <summary>The columns of a vocabulary file.</summary>
public static class VocabularyColumns
{
    /// <summary>Every column the importer reads; <c>source</c> is accepted and not stored (concepts have no field for it).</summary>
    public static readonly IReadOnlyList<string> All = ["curie", "label", "system", "synonyms", "broader", "iri", "source"];

    /// <summary>The columns a file must have.</summary>
    public static readonly IReadOnlyList<string> Required = ["curie", "label"];

    /// <summary>The columns as a file is read with them: a header without curie and label refuses the file.</summary>
    public static readonly RecordColumns Import = new(All, Required);
}
