using Graph.Ingest.Records;

namespace Graph.Ingest.Vocabulary;

/// <summary>What an import of a vocabulary did.</summary>
/// <param name="Rows">Concept rows in the file, rejected ones included.</param>
/// <param name="Applied">Rows written, new, changed or unchanged (0 when rejected rows stopped a whole-file import).</param>
/// <param name="Created">Concepts the catalogue did not hold.</param>
/// <param name="Updated">Concepts the catalogue held whose system, label, synonyms, IRI or broader concepts changed.</param>
/// <param name="Unchanged">Concepts the catalogue held as the file gives them.</param>
/// <param name="BroaderAdded">BROADER links created.</param>
/// <param name="BroaderRemoved">BROADER links removed because a row lists other broader concepts.</param>
/// <param name="Rejected">Rows not applied.</param>
/// <param name="Changed">Whether the graph changed (false for a second import of the same file).</param>
/// <param name="Problems">Every rejection and warning, with line, column and reason, ordered by line.</param>
public sealed record VocabularyImportResult(
    int Rows, int Applied, int Created, int Updated, int Unchanged, int BroaderAdded, int BroaderRemoved, int Rejected, bool Changed, IReadOnlyList<RecordProblem> Problems);
