namespace Graph.Testing;

/// <summary>Waits until a server answers over HTTP: the one "wait until ready" of the tests and the benchmarks.</summary>
public static class Readiness
{
    /// <summary>Polls a GET of <paramref name="probe"/> until it answers with a success status (or, with
    /// <paramref name="anyAnswer"/>, with any status below 500); false when <paramref name="gaveUp"/> says the server is gone
    /// (its process exited) or <paramref name="limit"/> is over.</summary>
    public static async Task<bool> WaitAsync(
        HttpClient client, Uri probe, TimeSpan limit, TimeSpan interval, Func<bool>? gaveUp = null, bool anyAnswer = false, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (gaveUp?.Invoke() == true)
                return false;
            try
            {
                using var response = await client.GetAsync(probe, cancellationToken);
                if (response.IsSuccessStatusCode || (anyAnswer && (int)response.StatusCode < 500))
                    return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The client's own timeout: the server is still starting.
            }

            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(interval, cancellationToken);
        }
    }

    /// <summary>Waits until the service's <c>/health/ready</c> answers 200, at most a minute (the index of a small catalogue
    /// loads in seconds, but a busy machine builds several at once).</summary>
    public static async Task WaitForServiceAsync(HttpClient client, CancellationToken cancellationToken = default)
    {
        if (!await WaitAsync(client, new Uri("/health/ready", UriKind.Relative), TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(100), cancellationToken: cancellationToken))
            throw new TimeoutException("The service did not become ready within 60 s.");
    }
}
