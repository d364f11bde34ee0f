using Graph.Testing;

namespace Graph.Ingest.Tests.Deidentification;

/// <summary>The service over an existing data folder, without the demo catalogue, logging everything to a file, signed in as
/// an administrator: ingested datasets have no access tier, so only a curator or administrator reads their records.</summary>
/// <remarks>Its tests run one at a time (<see cref="Collection"/>): the service's logger is process-wide, so two services at
/// once would write into each other's log files.</remarks>
internal static class ServiceOverStore
{
    /// <summary>The collection of the tests that start one.</summary>
    public const string Collection = "service over a store";

    public static GraphService Create(string dataDirectory, string logFile) => new(new GraphServiceOptions
    {
        DataDirectory = dataDirectory,
        SignInAsAdmin = true,
        Settings = new Dictionary<string, string> { ["Graph:FollowIntervalSeconds"] = "0.2" },
        Configuration = new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:Using:0"] = "Serilog.Sinks.File",
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = logFile,
        },
    });
}

/// <summary>Runs the tests that start a service over a store one at a time.</summary>
[CollectionDefinition(ServiceOverStore.Collection)]
public sealed class ServiceOverStoreCollection;
