namespace Graph.Browser.Tests;

/// <summary>A running Graph service that a browser can reach over loopback HTTP.</summary>
public abstract class ServiceFixture : IAsyncLifetime
{
    private Uri? _baseUrl;

    /// <summary>The service's root URL, without a trailing slash (e.g. http://127.0.0.1:5123).</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("The service has not been started.");

    /// <summary>Starts the service.</summary>
    public async Task InitializeAsync() => _baseUrl = await StartAsync();

    /// <summary>Stops the service.</summary>
    public Task DisposeAsync() => StopAsync();

    /// <summary>Starts the service and returns its root URL.</summary>
    protected abstract Task<Uri> StartAsync();

    /// <summary>Stops the service.</summary>
    protected abstract Task StopAsync();
}
