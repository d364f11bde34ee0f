using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Graph.Reliability.Tests.Hostile;
using Graph.Reliability.Tests.Support;
using Xunit.Abstractions;

namespace Graph.Reliability.Tests;

/// <summary>Random and malicious requests never get a 500 or an internal error, never hang, and always get a well-formed answer.</summary>
/// <remarks>
/// GRAPH_HOSTILE_SEED and GRAPH_HOSTILE_REQUESTS change the seed and the number of requests (a failure prints the seed
/// and the request index, so it can be replayed). Query limits may answer a 4xx or an error with a code (such as
/// QUERY_TOO_COMPLEX or RATE_LIMITED): that is a clear refusal and passes.
/// </remarks>
public sealed class HostileInputTests(HostileServiceFactory service, ITestOutputHelper output) : IClassFixture<HostileServiceFactory>
{
    // The service stops executing after 3 s (HostileServiceFactory); the rest is parsing, validation and slack for a loaded CI machine.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Endpoint_RandomAndMaliciousRequests_AnswersWellFormedWithinBound_NeverInternalError()
    {
        var seed = int.Parse(Environment.GetEnvironmentVariable("GRAPH_HOSTILE_SEED") ?? "20261127", CultureInfo.InvariantCulture);
        var count = int.Parse(Environment.GetEnvironmentVariable("GRAPH_HOSTILE_REQUESTS") ?? "400", CultureInfo.InvariantCulture);
        var generator = new HostileGenerator(SchemaShape.Load(Path.Combine(AppContext.BaseDirectory, "graph.graphql")), seed);
        using var client = service.CreateClient();
        client.Timeout = Bound * 2;
        var failures = new List<string>();
        var kinds = new SortedDictionary<string, (int Count, double SlowestMs)>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var request = generator.Next();
            if (Environment.GetEnvironmentVariable("GRAPH_HOSTILE_TRACE") is { Length: > 0 } trace)
                await File.AppendAllTextAsync(trace, $"{i} {request.Kind} {(request.Body is null ? request.QueryString : System.Text.Encoding.UTF8.GetString(request.Body))}\n");
            var watch = Stopwatch.StartNew();
            string? problem;
            try
            {
                using var message = Message(request, i);
                using var response = await client.SendAsync(message);
                var body = await response.Content.ReadAsByteArrayAsync();
                problem = Check(response.StatusCode, body);
            }
            catch (TaskCanceledException)
            {
                problem = $"no answer within {client.Timeout.TotalSeconds} s";
            }

            watch.Stop();
            if (problem is null && watch.Elapsed > Bound)
                problem = $"answered after {watch.Elapsed.TotalSeconds:F1} s, past the {Bound.TotalSeconds} s bound";
            kinds[request.Kind] = (kinds.GetValueOrDefault(request.Kind).Count + 1, Math.Max(kinds.GetValueOrDefault(request.Kind).SlowestMs, watch.Elapsed.TotalMilliseconds));
            if (problem is not null)
                failures.Add($"seed {seed}, request {i}: {problem}\n    {request}");
        }

        var summary = string.Join(", ", kinds.Select(k => $"{k.Key} {k.Value.Count} (slowest {k.Value.SlowestMs:F0} ms)"));
        output.WriteLine($"seed {seed}, {count} requests: {summary}");
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} requests failed ({summary}):\n{string.Join("\n", failures.Take(15))}");
    }

    private static HttpRequestMessage Message(HostileRequest request, int index)
    {
        if (request.Body is null)
            return new HttpRequestMessage(HttpMethod.Get, "/graphql?" + request.QueryString);
        var message = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        if (index % 2 == 0)
            message.Headers.Accept.ParseAdd("application/graphql-response+json");
        return message;
    }

    /// <summary>Null when the answer is acceptable; otherwise what is wrong with it.</summary>
    private static string? Check(HttpStatusCode status, byte[] body)
    {
        if ((int)status >= 500)
            return $"status {(int)status}";
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return $"status {(int)status} with a body that is not JSON ({e.Message})";
        }

        using (json)
        {
            var results = json.RootElement.ValueKind == JsonValueKind.Array ? json.RootElement.EnumerateArray().ToList() : [json.RootElement];
            foreach (var result in results)
            {
                if (result.ValueKind != JsonValueKind.Object || !(result.TryGetProperty("data", out _) || result.TryGetProperty("errors", out _)))
                    return $"status {(int)status} with a result that has neither data nor errors: {Shorten(result.GetRawText())}";
                if (!result.TryGetProperty("errors", out var errors))
                    continue;
                foreach (var error in errors.EnumerateArray())
                {
                    if (!error.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String || message.GetString()!.Length == 0)
                        return $"an error without a message: {Shorten(error.GetRawText())}";
                    if (error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code))
                    {
                        if (code.ValueKind != JsonValueKind.String)
                            return $"an error code that is not a string: {Shorten(error.GetRawText())}";
                        if (code.GetString() == "INTERNAL_SERVER_ERROR")
                            return $"an internal error (a bug the request exposed; see the service log): {Shorten(error.GetRawText())}";
                    }
                }
            }
        }

        if ((int)status >= 400 && body.AsSpan().IndexOf("\"errors\""u8) < 0)
            return $"status {(int)status} without errors";
        return null;
    }

    private static string Shorten(string text) => text.Length > 400 ? text[..400] + "..." : text;
}
