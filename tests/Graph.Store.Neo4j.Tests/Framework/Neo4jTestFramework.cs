using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: Xunit.TestFramework("Graph.Store.Neo4j.Tests.Framework.Neo4jTestFramework", "Graph.Store.Neo4j.Tests")]

namespace Graph.Store.Neo4j.Tests.Framework;

/// <summary>xunit as usual, except that tests of a [RequiresNeo4j] class are discovered as skipped, with the reason, when no server is named.</summary>
/// <remarks>The contract suite's [Fact]s live in another assembly and cannot carry a Skip; this is where the skip is decided, at discovery.</remarks>
public sealed class Neo4jTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Neo4jTestFrameworkDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Neo4jTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
