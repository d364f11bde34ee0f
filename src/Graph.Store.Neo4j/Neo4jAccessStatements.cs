namespace Graph.Store.Neo4j;

/// <summary>The statements of the access store: API keys as <c>(:ApiKey)</c> nodes beside the graph, never part of the catalogue.</summary>
internal static class Neo4jAccessStatements
{
    /// <summary>Adds a key unless its id is taken; says whether this call added it.</summary>
    /// <remarks>MERGE makes a retried request (its first reply lost) find the key it added, with the same hash.</remarks>
    public static readonly CypherStatement Add = new(
        "AddApiKey",
        """
        MERGE (k:ApiKey {id: $id})
        ON CREATE SET k.hash = $hash, k.role = $role, k.owner = $owner, k.grants = $grants, k.createdAt = $createdAt, k.expiresAt = $expiresAt
        RETURN k.hash = $hash AS added
        """,
        new Dictionary<string, object?>
        {
            ["id"] = "0",
            ["hash"] = "00",
            ["role"] = "researcher",
            ["owner"] = "lint",
            ["grants"] = new List<object?> { "a" },
            ["createdAt"] = "2026-01-01T00:00:00.000Z",
            ["expiresAt"] = null,
        });

    /// <summary>Reads a key by id.</summary>
    public static readonly CypherStatement Find = new(
        "FindApiKey",
        """
        MATCH (k:ApiKey {id: $id})
        RETURN k.id AS id, k.role AS role, k.owner AS owner, k.grants AS grants, k.createdAt AS createdAt, k.expiresAt AS expiresAt, k.revokedAt AS revokedAt, k.hash AS hash
        """,
        new Dictionary<string, object?> { ["id"] = "0" });

    /// <summary>Reads every key, newest first.</summary>
    public static readonly CypherStatement List = new(
        "ListApiKeys",
        """
        MATCH (k:ApiKey)
        RETURN k.id AS id, k.role AS role, k.owner AS owner, k.grants AS grants, k.createdAt AS createdAt, k.expiresAt AS expiresAt, k.revokedAt AS revokedAt
        ORDER BY createdAt DESC, id
        """,
        new Dictionary<string, object?>());

    /// <summary>Revokes a key, keeping the time of a first revocation.</summary>
    public static readonly CypherStatement Revoke = new(
        "RevokeApiKey",
        """
        MATCH (k:ApiKey {id: $id})
        SET k.revokedAt = coalesce(k.revokedAt, $now)
        RETURN k.id AS id
        """,
        new Dictionary<string, object?> { ["id"] = "0", ["now"] = "2026-01-01T00:00:00.000Z" });

    /// <summary>Adds an access request unless its id is taken; says whether this call added it.</summary>
    /// <remarks>MERGE makes a retried request (its first reply lost) find the request it added, with the same body.</remarks>
    public static readonly CypherStatement AddRequest = new(
        "AddAccessRequest",
        """
        MERGE (r:AccessRequest {id: $id})
        ON CREATE SET r.requester = $requester, r.version = $version, r.createdAt = $createdAt, r.body = $body
        RETURN r.body = $body AS added
        """,
        new Dictionary<string, object?> { ["id"] = "ar_0", ["requester"] = "key:0", ["version"] = 1L, ["createdAt"] = "2026-01-01T00:00:00.000Z", ["body"] = "{}" });

    /// <summary>Reads an access request by id.</summary>
    public static readonly CypherStatement FindRequest = new(
        "FindAccessRequest",
        """
        MATCH (r:AccessRequest {id: $id})
        RETURN r.body AS body
        """,
        new Dictionary<string, object?> { ["id"] = "ar_0" });

    /// <summary>Reads every access request, or one requester's, newest first.</summary>
    public static readonly CypherStatement ListRequests = new(
        "ListAccessRequests",
        """
        MATCH (r:AccessRequest)
        WHERE $requester IS NULL OR r.requester = $requester
        RETURN r.body AS body
        ORDER BY r.createdAt DESC, r.id
        """,
        new Dictionary<string, object?> { ["requester"] = null });

    /// <summary>Stores a changed access request if the stored one still has the version it was changed from.</summary>
    public static readonly CypherStatement ReplaceRequest = new(
        "ReplaceAccessRequest",
        """
        MATCH (r:AccessRequest {id: $id})
        WHERE r.version = $expected
        SET r.version = $version, r.body = $body
        RETURN r.id AS id
        """,
        new Dictionary<string, object?> { ["id"] = "ar_0", ["expected"] = 1L, ["version"] = 2L, ["body"] = "{}" });

    /// <summary>Every statement, for the linter.</summary>
    public static IReadOnlyList<CypherStatement> All { get; } = [Add, Find, List, Revoke, AddRequest, FindRequest, ListRequests, ReplaceRequest];
}
