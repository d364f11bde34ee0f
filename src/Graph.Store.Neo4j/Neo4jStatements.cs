using System.Text.RegularExpressions;
using Graph.Domain;

namespace Graph.Store.Neo4j;

/// <summary>The catalogue of every Cypher statement the adapter sends, built from the graph model.</summary>
/// <remarks>
/// Nodes carry their label, their natural key under the kind's key field, their properties as native Neo4j
/// properties, and two system properties: <c>_seq</c> (the change that last touched them) and <c>_deleted</c>
/// (a tombstone). Relationships carry their properties, <c>_seq</c> and <c>_deleted</c>. A deletion leaves a tombstone, so
/// replicas following the change feed see it, and the tombstone keeps no property but the key: what was deleted is erased.
/// </remarks>
internal static partial class Neo4jStatements
{
    private static readonly Dictionary<string, object?> NoParameters = [];

    /// <summary>Locks the counter node, takes the next sequence number and finds an earlier commit of the same ChangeSet id (rolled back if it changes nothing or was committed before).</summary>
    /// <remarks>The earlier commit is looked for after the lock is taken, so a commit still in flight when a retry starts is seen.</remarks>
    public static readonly CypherStatement AllocateSequence = new(
        "AllocateSequence",
        """
        MERGE (m:GraphMeta {id: 'graph'})
        ON CREATE SET m.seq = 0
        SET m.seq = m.seq + 1, m.source = $source, m.committedAt = datetime()
        WITH m
        OPTIONAL MATCH (done:GraphChange {id: $id})
        RETURN m.seq AS seq, done.seq AS doneSeq, done.nodes AS doneNodes, done.edges AS doneEdges
        """,
        new Dictionary<string, object?> { ["source"] = "lint", ["id"] = "0" });

    /// <summary>Records a ChangeSet with its id, sequence and counts, in its own transaction, just before the commit.</summary>
    public static readonly CypherStatement RecordChange = new(
        "RecordChange",
        """
        MATCH (m:GraphMeta {id: 'graph'})
        CREATE (c:GraphChange {id: $id, seq: $seq, source: $source, committedAt: m.committedAt, nodes: $nodes, edges: $edges})
        RETURN c.seq AS seq
        """,
        new Dictionary<string, object?> { ["id"] = "0", ["seq"] = 1L, ["source"] = "lint", ["nodes"] = 1L, ["edges"] = 0L });

    /// <summary>Creates the counter node if it is missing.</summary>
    public static readonly CypherStatement EnsureMeta = new(
        "EnsureMeta",
        """
        MERGE (m:GraphMeta {id: 'graph'})
        ON CREATE SET m.seq = 0
        RETURN m.seq AS seq
        """,
        NoParameters);

    /// <summary>Reads the current sequence (0 for an empty database).</summary>
    public static readonly CypherStatement ReadSequence = new(
        "ReadSequence",
        """
        OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
        RETURN coalesce(m.seq, 0) AS seq
        """,
        NoParameters);

    /// <summary>Reads the commit time and source of the change recorded at a sequence (no row when none is).</summary>
    public static readonly CypherStatement ReadChangeMark = new(
        "ReadChangeMark",
        """
        MATCH (c:GraphChange {seq: $seq})
        RETURN toString(c.committedAt) + ' ' + c.source AS mark
        LIMIT 1
        """,
        new Dictionary<string, object?> { ["seq"] = 1L });

    /// <summary>Raises the purge horizon to the newest change committed before a time (never lowers it); returns it and how far
    /// an earlier purge got erasing.</summary>
    public static readonly CypherStatement RaisePurgeHorizon = new(
        "RaisePurgeHorizon",
        """
        MATCH (m:GraphMeta {id: 'graph'})
        OPTIONAL MATCH (c:GraphChange)
        WHERE c.committedAt < datetime($before)
        WITH m, max(c.seq) AS newest
        SET m.purgedThrough = CASE WHEN newest > coalesce(m.purgedThrough, 0) THEN newest ELSE coalesce(m.purgedThrough, 0) END
        RETURN m.purgedThrough AS through, coalesce(m.erasedThrough, 0) AS erased
        """,
        new Dictionary<string, object?> { ["before"] = "2026-01-01T00:00:00Z" });

    /// <summary>Records that the tombstones up to a sequence are erased (never lowers it).</summary>
    public static readonly CypherStatement RecordErased = new(
        "RecordErased",
        """
        MATCH (m:GraphMeta {id: 'graph'})
        SET m.erasedThrough = CASE WHEN $through > coalesce(m.erasedThrough, 0) THEN $through ELSE m.erasedThrough END
        RETURN m.erasedThrough AS erased
        """,
        new Dictionary<string, object?> { ["through"] = 1L });

    /// <summary>Reads the purge horizon: the sequence up to which deletions are no longer in the change feed (0 when none).</summary>
    public static readonly CypherStatement ReadPurgeHorizon = new(
        "ReadPurgeHorizon",
        """
        OPTIONAL MATCH (m:GraphMeta {id: 'graph'})
        RETURN coalesce(m.purgedThrough, 0) AS through
        """,
        NoParameters);

    /// <summary>The parameters of a purge batch, for the linter.</summary>
    internal static Dictionary<string, object?> PurgeParameters => new() { ["after"] = 0L, ["through"] = 1L, ["limit"] = 1L };

    /// <summary>Waits until the indexes created at start-up are online.</summary>
    public static readonly CypherStatement AwaitIndexes = new(
        "AwaitIndexes",
        "CALL db.awaitIndexes($seconds)",
        new Dictionary<string, object?> { ["seconds"] = 300L });

    /// <summary>Counts live nodes per label.</summary>
    public static readonly CypherStatement NodeStatistics = new(
        "NodeStatistics",
        """
        MATCH (n)
        WHERE n._deleted = false
        UNWIND labels(n) AS label
        RETURN label, count(*) AS count
        """,
        NoParameters);

    /// <summary>Counts live relationships per type.</summary>
    public static readonly CypherStatement EdgeStatistics = new(
        "EdgeStatistics",
        """
        MATCH ()-[r]->()
        WHERE r._deleted = false
        RETURN type(r) AS type, count(*) AS count
        """,
        NoParameters);

    private static readonly Dictionary<string, NodeStatements> ByLabel =
        GraphModel.NodeKinds.ToDictionary(k => k.Label, k => new NodeStatements(k), StringComparer.Ordinal);

    private static readonly Dictionary<string, EdgeStatements> ByRelation =
        GraphModel.Relations.ToDictionary(r => r.Id, r => new EdgeStatements(r), StringComparer.Ordinal);

    /// <summary>The schema statements of schema/neo4j/schema.cypher.</summary>
    public static IReadOnlyList<CypherStatement> Schema { get; } =
        Neo4jSchema.Statements.Select((text, i) => new CypherStatement($"Schema[{i}]", text, NoParameters)).ToArray();

    /// <summary>Every statement the adapter can send, for the linter.</summary>
    public static IReadOnlyList<CypherStatement> All { get; } =
    [
        AllocateSequence, RecordChange, EnsureMeta, ReadSequence, ReadChangeMark, RaisePurgeHorizon, RecordErased, ReadPurgeHorizon, AwaitIndexes, NodeStatistics, EdgeStatistics, Neo4jServerCheck.Components,
        .. Neo4jAccessStatements.All,
        .. ByLabel.Values.SelectMany(s => s.All),
        .. ByRelation.Values.SelectMany(s => s.All),
        .. Schema,
    ];

    /// <summary>The statements of one node label.</summary>
    public static NodeStatements For(NodeKind kind) => ByLabel[kind.Label];

    /// <summary>The statements of one relationship kind.</summary>
    public static EdgeStatements For(RelationKind kind) => ByRelation[kind.Id];

    /// <summary>Returns a label, type or property name after checking it needs no quoting.</summary>
    internal static string Name(string name) =>
        Identifier().IsMatch(name) ? name : throw new InvalidOperationException($"'{name}' is not a plain Cypher identifier.");

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    /// <summary>Whether a stored property is the adapter's own (_seq, _deleted) rather than the model's.</summary>
    public static bool IsSystemProperty(string name) => name.StartsWith('_');
}
