namespace Graph.Export.Postgres;

/// <summary>What an export to PostgreSQL wrote: rows per table, the change sequence it reflects, and what it left out and why.</summary>
/// <param name="Sequence">The catalogue change sequence the export reflects.</param>
/// <param name="Rows">Rows written per table, node tables first.</param>
/// <param name="Rejected">One line per node or relationship left out, with the reason.</param>
public sealed record PostgresExportSummary(long Sequence, IReadOnlyList<KeyValuePair<string, int>> Rows, IReadOnlyList<string> Rejected);
