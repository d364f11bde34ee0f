namespace Graph.Store.Sqlite;

/// <summary>The tables of the SQLite store.</summary>
internal static class SqliteSchema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS changesets (
            seq INTEGER PRIMARY KEY,
            committed_at TEXT NOT NULL,
            source TEXT NOT NULL,
            nodes INTEGER NOT NULL,
            edges INTEGER NOT NULL,
            id TEXT NULL);
        CREATE TABLE IF NOT EXISTS nodes (
            label TEXT NOT NULL,
            key TEXT NOT NULL,
            props TEXT NOT NULL,
            seq INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (label, key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS nodes_by_seq ON nodes (seq);
        CREATE TABLE IF NOT EXISTS edges (
            from_label TEXT NOT NULL,
            from_key TEXT NOT NULL,
            type TEXT NOT NULL,
            to_label TEXT NOT NULL,
            to_key TEXT NOT NULL,
            props TEXT NOT NULL,
            seq INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (from_label, from_key, type, to_label, to_key)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS edges_by_seq ON edges (seq);
        CREATE INDEX IF NOT EXISTS edges_by_end ON edges (to_label, to_key);
        CREATE INDEX IF NOT EXISTS nodes_tombstones ON nodes (seq) WHERE deleted = 1;
        CREATE INDEX IF NOT EXISTS edges_tombstones ON edges (seq) WHERE deleted = 1;
        INSERT OR IGNORE INTO meta (name, value) VALUES ('schema_version', '1');
        """;

    /// <summary>The indexes of tombstones alone, by sequence, which a purge reads (created by <see cref="Create"/> in new files, and
    /// by the first purge in files made before them).</summary>
    public const string TombstoneIndexes = """
        CREATE INDEX IF NOT EXISTS nodes_tombstones ON nodes (seq) WHERE deleted = 1;
        CREATE INDEX IF NOT EXISTS edges_tombstones ON edges (seq) WHERE deleted = 1;
        """;

    /// <summary>Version 1 to 2: ChangeSet ids recorded with their sequence (run after <see cref="Create"/>; the column exists in new files).</summary>
    public const string AddChangeSetIds = "ALTER TABLE changesets ADD COLUMN id TEXT NULL;";

    /// <summary>Finishes any version: the index that finds a ChangeSet by id, and the version.</summary>
    public const string Finish = """
        CREATE UNIQUE INDEX IF NOT EXISTS changesets_by_id ON changesets (id);
        UPDATE meta SET value = '2' WHERE name = 'schema_version';
        """;
}
