using Graph.Hosting;
using Graph.Ingest.Vocabulary;
using Graph.Store;
using Graph.Store.Access;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Cli.Commands;

/// <summary>What a command works with, composed exactly as the service composes it: the store, its writer and the API keys.</summary>
internal sealed class GraphSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GraphSession(ServiceProvider services)
    {
        _services = services;
        Settings = services.GetRequiredService<StoreSettings>();
        Store = services.GetRequiredService<IGraphStore>();
        Writer = services.GetRequiredService<GraphWriter>();
        Keys = services.GetRequiredService<ApiKeys>();
        AccessRequests = services.GetRequiredService<AccessRequests>();
    }

    /// <summary>The settings the store was composed from.</summary>
    public StoreSettings Settings { get; }

    /// <summary>The store of record, its schema ensured.</summary>
    public IGraphStore Store { get; }

    /// <summary>The one way into the graph (no listeners: no index runs in a command).</summary>
    public GraphWriter Writer { get; }

    /// <summary>The service's API keys, in the store of record.</summary>
    public ApiKeys Keys { get; }

    /// <summary>Researchers' access requests, in the store of record.</summary>
    public AccessRequests AccessRequests { get; }

    /// <summary>The data folder, as a full path (reports, checkpoints).</summary>
    public string DataDirectory => Path.GetFullPath(Settings.DataDirectory);

    /// <summary>Composes the store of a configuration and ensures its schema (which, for Neo4j, first checks the server).</summary>
    public static async Task<GraphSession> OpenAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection().AddLogging();
        try
        {
            services.AddGraphStore(configuration);
        }
        catch (ArgumentException e)
        {
            throw new GraphStoreException(e.Message, e);
        }

        var provider = services.BuildServiceProvider();
        try
        {
            var session = new GraphSession(provider);
            if (session.Settings.Kind == StoreKind.Sqlite)
                Directory.CreateDirectory(session.DataDirectory);
            await session.Store.EnsureSchemaAsync(cancellationToken);
            return session;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    /// <summary>The writer for an import, after adding the reference data the catalogue lacks (cancer types, seed vocabulary), which imports link to.</summary>
    public async Task<GraphWriter> ImportWriterAsync(CancellationToken cancellationToken)
    {
        await ReferenceData.EnsureAsync(Store, Writer, cancellationToken);
        return Writer;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
