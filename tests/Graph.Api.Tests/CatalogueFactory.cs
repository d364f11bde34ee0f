using Graph.Testing;

namespace Graph.Api.Tests;

/// <summary>The service on a temporary SQLite store seeded with a small demo catalogue, shared by the API tests; every client
/// it creates sends an administrator's key, so tests of the catalogue see every record.</summary>
public sealed class CatalogueFactory() : GraphService(new GraphServiceOptions
{
    DemoPatients = Patients,
    SignInAsAdmin = true,
    Settings = new Dictionary<string, string>
    {
        ["Graph:FollowIntervalSeconds"] = "0.2",
        ["Serilog:MinimumLevel:Default"] = "Warning",
        ["Graph:Limits:RequestsPerSecondPerAddress"] = "0",
        ["Graph:Limits:RequestsPerSecondPerKey"] = "0",
    },
})
{
    public const int Patients = 300;
}

[CollectionDefinition(Name)]
public sealed class CatalogueCollection : ICollectionFixture<CatalogueFactory>
{
    public const string Name = "catalogue";
}
