using Graph.Domain;

namespace Graph.Export.Postgres;

/// <summary>A relationship with a single end, held as a column of the other end's table that references the single end's id.</summary>
/// <param name="Relation">The relationship kind.</param>
/// <param name="Column">The referencing column.</param>
/// <param name="Target">The referenced table.</param>
/// <param name="OwnerIsFrom">Whether the column is on the relationship's start node (as OF_TYPE) rather than its end node (as HAS_SERIES).</param>
internal sealed record PgForeignKey(RelationKind Relation, string Column, PgNodeTable Target, bool OwnerIsFrom);
