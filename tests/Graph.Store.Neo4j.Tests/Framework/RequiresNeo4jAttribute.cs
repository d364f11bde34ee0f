namespace Graph.Store.Neo4j.Tests.Framework;

/// <summary>Marks a test class whose every test needs the Neo4j server of GRAPH_TEST_NEO4J; without one each is reported skipped with the reason.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresNeo4jAttribute : Attribute;
