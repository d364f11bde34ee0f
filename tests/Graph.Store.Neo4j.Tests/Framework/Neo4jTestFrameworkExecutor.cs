using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Graph.Store.Neo4j.Tests.Framework;

/// <summary>Runs tests as xunit does, discovering with <see cref="Neo4jTestFrameworkDiscoverer"/> when asked to run them all.</summary>
public sealed class Neo4jTestFrameworkExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
    : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer() =>
        new Neo4jTestFrameworkDiscoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);
}
