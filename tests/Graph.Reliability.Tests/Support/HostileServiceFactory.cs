using Graph.Testing;

namespace Graph.Reliability.Tests.Support;

/// <summary>The service in process on a temporary store with a small demo catalogue, for the hostile-input run: it logs only
/// fatal errors and stops executing a request after 3 s.</summary>
public sealed class HostileServiceFactory() : GraphService(new GraphServiceOptions
{
    DemoPatients = 200,
    Settings = new Dictionary<string, string>
    {
        ["Serilog:MinimumLevel:Default"] = "Fatal",
        ["Graph:Limits:TimeoutSeconds"] = "3",
    },
});
