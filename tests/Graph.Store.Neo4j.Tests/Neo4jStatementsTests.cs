using Graph.Domain;

namespace Graph.Store.Neo4j.Tests;

/// <summary>The statement catalogue and the schema file cover the whole graph model.</summary>
public sealed class Neo4jStatementsTests
{
    [Fact]
    public void All_Names_AreUnique()
    {
        var duplicates = Neo4jStatements.All.GroupBy(s => s.Name).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_EveryLabelAndRelationshipKind_HasItsStatements()
    {
        // 12 global (sequence, change record, change mark, purge horizon and erasure, statistics, server check), 4 of API keys, 4 of
        // access requests, 7 per label, 7 per relationship kind (the keyed reads and the purge among them), and the schema file.
        Assert.Equal(12 + 4 + 4 + (7 * GraphModel.NodeKinds.Count) + (7 * GraphModel.Relations.Count) + Neo4jStatements.Schema.Count, Neo4jStatements.All.Count);
    }

    [Fact]
    public void Schema_EveryLabel_HasKeyConstraintAndSequenceIndex()
    {
        foreach (var kind in GraphModel.NodeKinds)
        {
            Assert.Contains(Neo4jStatements.Schema, s => s.Text.Contains($"FOR (n:{kind.Label}) REQUIRE n.{kind.KeyField} IS UNIQUE", StringComparison.Ordinal));
            Assert.Contains(Neo4jStatements.Schema, s => s.Text.Contains($"FOR (n:{kind.Label}) ON (n._seq)", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Schema_EveryRelationshipType_HasSequenceIndex()
    {
        foreach (var type in GraphModel.Relations.Select(r => r.Type).Distinct())
            Assert.Contains(Neo4jStatements.Schema, s => s.Text.Contains($"FOR ()-[r:{type}]-() ON (r._seq)", StringComparison.Ordinal));
    }

    [Fact]
    public void Schema_EveryStatement_IsIdempotent()
    {
        Assert.All(Neo4jStatements.Schema, s => Assert.Contains("IF NOT EXISTS", s.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Split_CommentsAndLineBreaks_GiveOneStatementEach()
    {
        var statements = Neo4jSchema.Split("// a comment\nCREATE INDEX a IF NOT EXISTS\n  FOR (n:Series) ON (n.modality);\n\nCREATE INDEX b IF NOT EXISTS FOR (n:Study) ON (n.year);\n");

        Assert.Equal(["CREATE INDEX a IF NOT EXISTS FOR (n:Series) ON (n.modality)", "CREATE INDEX b IF NOT EXISTS FOR (n:Study) ON (n.year)"], statements);
    }
}
