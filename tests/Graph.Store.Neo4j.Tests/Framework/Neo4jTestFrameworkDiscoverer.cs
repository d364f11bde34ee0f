using Xunit.Abstractions;
using Xunit.Sdk;

namespace Graph.Store.Neo4j.Tests.Framework;

/// <summary>Discovers [Fact]s of [RequiresNeo4j] classes as skipped test cases when no Neo4j server is named.</summary>
public sealed class Neo4jTestFrameworkDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        var reason = Neo4jTestServer.SkipReason;
        if (reason is null || !testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresNeo4jAttribute)).Any())
            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
        if (!testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            return true;

        var skipped = new SkippedTestCase(
            DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason);
        return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
    }
}
