namespace Graph.Browser.Tests;

/// <summary>Shares one browser and one running service among the browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>, ICollectionFixture<GraphServiceFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Browser";
}
