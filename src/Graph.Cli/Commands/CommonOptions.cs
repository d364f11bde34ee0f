using System.CommandLine;
using System.Globalization;
using Graph.Hosting;
using Microsoft.Extensions.Configuration;

namespace Graph.Cli.Commands;

/// <summary>Options shared by the commands, and the one way a command reaches the store: the configuration the service reads.</summary>
/// <remarks>
/// Settings come, later ones winning, from appsettings.json (and appsettings.ENVIRONMENT.json) in the current folder,
/// environment variables (Graph__Store=neo4j, Graph__Neo4j__Uri=...), and the command line (--store, --data).
/// </remarks>
internal static class CommonOptions
{
    /// <summary>Which store of record to use; the service's Graph:Store. Given to the root command, so every command takes it.</summary>
    public static Option<string?> Store { get; } = CreateStore();

    public static Option<DirectoryInfo> Data() => new("--data")
    {
        Description = "The data folder: the SQLite store (graph.db, access.db) when the store is sqlite, reports and harvest checkpoints; the service's --data "
            + "(Graph:DataDirectory). Created if missing. Default: Graph:DataDirectory from the environment or appsettings.json, else ./data.",
        DefaultValueFactory = _ => new DirectoryInfo("data"),
    };

    /// <summary>Parses a whole number given as option text (digits only) and checks it lies between min and max.</summary>
    public static bool TryNumber(string? text, int min, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>Why a command that reads the catalogue cannot run: a SQLite store whose graph.db is missing (null when there is one,
    /// or the store is Neo4j). It is not created empty.</summary>
    public static string? MissingCatalogue(StoreSettings settings) =>
        settings.Kind == StoreKind.Sqlite && !File.Exists(settings.SqlitePath)
            ? $"no catalogue in {Path.GetFullPath(settings.DataDirectory)} (graph.db is missing)."
            : null;

    /// <summary>Reads the store settings a command runs with.</summary>
    /// <exception cref="ArgumentException">A setting has a value the store cannot use.</exception>
    public static StoreSettings Settings(ParseResult result, Option<DirectoryInfo> data) => StoreSettings.From(Configuration(result, data));

    /// <summary>Composes the store of the settings (as the service does), makes sure its schema exists, and returns it with its writer and keys.</summary>
    /// <exception cref="Graph.Store.GraphStoreException">The store cannot be used (bad settings, server refused); the message says why.</exception>
    public static Task<GraphSession> OpenAsync(ParseResult result, Option<DirectoryInfo> data, CancellationToken cancellationToken) =>
        GraphSession.OpenAsync(Configuration(result, data), cancellationToken);

    private static IConfiguration Configuration(ParseResult result, Option<DirectoryInfo> data)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";
        var overrides = new Dictionary<string, string?>();
        if (result.GetValue(Store) is { } store)
            overrides[StoreSettings.StoreKey] = store;

        // An explicit --data wins; its default gives way to the environment and appsettings.json.
        if (result.GetResult(data) is { Implicit: false } && result.GetValue(data) is { } folder)
            overrides[StoreSettings.DataDirectoryKey] = folder.FullName;
        var builder = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);
        return builder.Build();
    }

    private static Option<string?> CreateStore()
    {
        var option = new Option<string?>("--store")
        {
            Description = "The store of record: sqlite (graph.db in --data) or neo4j (Graph:Neo4j:* settings from the environment or appsettings.json). "
                + "Default: Graph:Store, else sqlite.",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("sqlite", "neo4j");
        return option;
    }
}
