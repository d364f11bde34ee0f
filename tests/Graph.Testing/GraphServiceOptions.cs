using Microsoft.AspNetCore.Hosting;

namespace Graph.Testing;

/// <summary>How a <see cref="GraphService"/> is set up: its data folder, catalogue, settings and callers.</summary>
public sealed record GraphServiceOptions
{
    /// <summary>The data folder; null: a temporary one, deleted with the service.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Patients of the demo catalogue seeded on an empty store; null: no demo catalogue.</summary>
    public int? DemoPatients { get; init; }

    /// <summary>Host settings (<c>UseSetting</c>), applied after the data folder and catalogue, so they win.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>App configuration, for sections that host settings would spoil: host settings give parent sections empty
    /// values, which Serilog reads as a sink named "".</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>Whether an administrator's key is made before the start and sent by every client the service creates.</summary>
    public bool SignInAsAdmin { get; init; }

    /// <summary>Whether the service listens on a loopback port (<see cref="GraphService.BaseUrl"/>), for callers outside the
    /// process such as a browser.</summary>
    public bool OnLoopback { get; init; }

    /// <summary>The host environment (Development, Production); null: the factory's own.</summary>
    public string? Environment { get; init; }

    /// <summary>Further set-up of the host: services a test adds, or replaces.</summary>
    public Action<IWebHostBuilder>? Configure { get; init; }
}
