namespace Graph.Store.Neo4j.Tests;

/// <summary>Options from a URL, as GRAPH_TEST_NEO4J and the benchmark give them.</summary>
public sealed class Neo4jStoreOptionsTests
{
    [Fact]
    public void FromUrl_CredentialsAndDatabase_AreSplitOut()
    {
        var options = Neo4jStoreOptions.FromUrl("http://neo4j:p%40ss:word@localhost:7474/catalogue");

        Assert.Equal(new Uri("http://localhost:7474/"), options.Uri);
        Assert.Equal("neo4j", options.User);
        Assert.Equal("p@ss:word", options.Password);
        Assert.Equal("catalogue", options.Database);
    }

    [Fact]
    public void FromUrl_NoPath_KeepsDefaultDatabase()
    {
        Assert.Equal("neo4j", Neo4jStoreOptions.FromUrl("https://xxxx.databases.neo4j.io").Database);
    }

    [Fact]
    public void FromUrl_NotHttp_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Neo4jStoreOptions.FromUrl("bolt://localhost:7687"));
    }

    [Fact]
    public void Endpoint_CredentialsInUri_AreUsedButNeverPrinted()
    {
        var endpoint = new QueryApiEndpoint(new Neo4jStoreOptions { Uri = new Uri("http://neo4j:hunter2@db.example:7474/") });

        Assert.Equal("http://db.example:7474 (database 'neo4j')", endpoint.ToString());
        Assert.Equal("user 'neo4j'", endpoint.Principal);
        Assert.Equal("http://db.example:7474/db/neo4j/query/v2", endpoint.QueryPath);
        Assert.NotNull(endpoint.Authorization);
    }
}
