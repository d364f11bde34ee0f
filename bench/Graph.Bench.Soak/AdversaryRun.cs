using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;

namespace Graph.Bench.Soak;

/// <summary>Clients the service must refuse while the good ones run: an anonymous client sending hostile documents and bodies as
/// fast as it can, and a client guessing API keys; counts their answers by status code.</summary>
internal sealed class AdversaryRun(Uri address)
{
    private static readonly string ComplexityBomb =
        "query B($n: Int) { patients(first: $n) { nodes { series(first: $n) { nodes { patient { datasets(first: $n) { nodes { patients(first: $n) { nodes { pseudonym } } } } } } } } } }";

    public ConcurrentDictionary<string, int> Statuses { get; } = new(StringComparer.Ordinal);

    public async Task RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        await Task.WhenAll(HostileAsync(stop.Token), BadKeyAsync(stop.Token));
    }

    private async Task HostileAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        var oversized = new string('x', 300 * 1024);
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            HttpContent content = (i % 4) switch
            {
                0 => JsonContent.Create(new { query = $"{{ datasets(first: 1) {{ totalCount }} }} # {oversized}" }),
                1 => new StringContent("{\"query\": \"{ datasets { totalCount } ", Encoding.UTF8, "application/json"),
                2 => JsonContent.Create(new { query = ComplexityBomb, variables = new { n = 1000 } }),
                // The bomb with n = 1 runs (and caches the document), so the next n = 1000 comes to a cached document (issue 16, point 1).
                _ => JsonContent.Create(new { query = ComplexityBomb, variables = new { n = 1 } }),
            };
            await SendAsync(client, "hostile", content, cancellationToken);
        }
    }

    private async Task BadKeyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative))
            {
                Content = JsonContent.Create(new { query = "{ datasets(first: 1) { totalCount } }" }),
            };
            request.Headers.Add("X-Api-Key", $"cig_{i % 1000:D12}_{new string('0', 64)}");
            await SendAsync(client, "bad-key", request, cancellationToken);
            try
            {
                await Task.Delay(5, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private Task SendAsync(HttpClient client, string who, HttpContent content, CancellationToken cancellationToken) =>
        SendAsync(client, who, new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = content }, cancellationToken);

    private async Task SendAsync(HttpClient client, string who, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using (request)
            using (var response = await client.SendAsync(request, cancellationToken))
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                var status = (int)response.StatusCode;
                var key = status == 200 && body.Contains("\"COMPLEXITY\"", StringComparison.Ordinal) ? "200 COMPLEXITY" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Statuses.AddOrUpdate($"{who} {key}", 1, (_, n) => n + 1);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (HttpRequestException e)
        {
            Statuses.AddOrUpdate($"{who} failed: {e.Message}", 1, (_, n) => n + 1);
        }
    }
}
