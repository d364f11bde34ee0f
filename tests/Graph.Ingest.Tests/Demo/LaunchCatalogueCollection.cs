namespace Graph.Ingest.Tests.Demo;

/// <summary>Shares one <see cref="LaunchCatalogue"/> between the test classes that read it.</summary>
[CollectionDefinition(LaunchCatalogue.Collection)]
public sealed class LaunchCatalogueCollection : ICollectionFixture<LaunchCatalogue>;
