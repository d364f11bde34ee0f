using Graph.Store.Access;
using Graph.Store.Sqlite.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Store.Sqlite;

/// <summary>Registers the SQLite store of record: graph.db and access.db in a data folder.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>Adds <see cref="IGraphStore"/>, <see cref="IAccessStore"/> and <see cref="IAccessRequestStore"/> over the files of a data folder.</summary>
    public static IServiceCollection AddSqliteGraphStore(this IServiceCollection services, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        services.AddSingleton<IGraphStore>(_ => new SqliteGraphStore(Path.Combine(dataDirectory, "graph.db")));
        services.AddSingleton(_ => SqliteAccessStore.InDataDirectory(dataDirectory));
        services.AddSingleton<IAccessStore>(sp => sp.GetRequiredService<SqliteAccessStore>());
        services.AddSingleton<IAccessRequestStore>(sp => sp.GetRequiredService<SqliteAccessStore>());
        return services;
    }
}
