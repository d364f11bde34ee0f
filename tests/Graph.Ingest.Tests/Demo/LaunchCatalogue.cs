using Graph.Ingest.Demo;

namespace Graph.Ingest.Tests.Demo;

/// <summary>The launch-scale catalogue (20,000 patients), generated and scanned once for every test class of its collection.</summary>
public sealed class LaunchCatalogue
{
    /// <summary>The name of the collection that shares it.</summary>
    public const string Collection = "Launch catalogue";

    internal CatalogueScan Scan { get; } = CatalogueScan.Of(DemoCatalogue.Generate(new DemoOptions()), keepRecords: true);
}
