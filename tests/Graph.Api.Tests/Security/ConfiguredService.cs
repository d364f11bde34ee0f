using Graph.Testing;

namespace Graph.Api.Tests.Security;

/// <summary>The service on its own small demo catalogue with extra settings, for tests of limits and authentication options.</summary>
public static class ConfiguredService
{
    /// <summary>A service of 40 demo patients, logging warnings and worse, with the given settings on top.</summary>
    public static GraphService Create(IReadOnlyDictionary<string, string> settings)
    {
        var all = new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Warning" };
        foreach (var (key, value) in settings)
            all[key] = value;
        return new GraphService(new GraphServiceOptions { DemoPatients = 40, Settings = all });
    }
}
