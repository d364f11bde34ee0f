namespace Graph.Hosting;

/// <summary>Which store of record a process uses (setting Graph:Store).</summary>
public enum StoreKind
{
    /// <summary>The embedded default: graph.db and access.db in the data folder.</summary>
    Sqlite,

    /// <summary>Neo4j over its HTTP Query API (settings Graph:Neo4j:*).</summary>
    Neo4j,
}
