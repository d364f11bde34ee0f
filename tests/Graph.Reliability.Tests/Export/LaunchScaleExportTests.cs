using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using Graph.Testing;

namespace Graph.Reliability.Tests.Export;

/// <summary>
/// GET /export at launch scale (20,000 patients, about 200,000 series) from the service as a process: CSV and Parquet stream
/// with flat memory, and an independent reader (DuckDB) reads the Parquet file to the same row count and column sum as GraphQL.
/// </summary>
public sealed class LaunchScaleExportTests : IAsyncLifetime
{
    private const string Document = """
        { series { nodes { seriesInstanceUid modality bodyPart manufacturer sliceThickness imageCount sizeBytes contrast study { studyInstanceUid year } patient { pseudonym sex } } } }
        """;

    private readonly TempDirectory _data = new();
    private ServiceProcess? _service;
    private string? _admin;

    public async Task InitializeAsync()
    {
        _admin = await TestKeys.CreateAsync(_data.Path, "admin");
        _service = await ServiceProcess.StartAsync(_data.Path, 20_000);
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
            await _service.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Both formats hold every series; the service's resident memory grows by less than 100 MiB while it streams them.</summary>
    [Fact]
    public async Task CsvAndParquet_200kSeries_FlatMemoryAndDuckDbAgreesWithGraphQL()
    {
        var totals = (await _service!.DataAsync("{ series(first: 0) { totalCount histogram(field: \"imageCount\", bins: 1) { sum } } }"))["series"]!;
        var total = (long)totals["totalCount"]!;
        var imageSum = (long)(double)totals["histogram"]!["sum"]!;
        Assert.True(total > 150_000, $"The launch-scale catalogue has {total} series.");

        var csv = _data.File("series.csv");
        var csvGrowth = await DownloadAsync("csv", csv);
        var lines = 0L;
        using (var reader = new StreamReader(csv))
        {
            while (await reader.ReadLineAsync() is not null)
                lines++;
        }

        Assert.Equal(total + 1, lines);

        var parquet = _data.File("series.parquet");
        var parquetGrowth = await DownloadAsync("parquet", parquet);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), CAST(sum(\"imageCount\") AS BIGINT), count(DISTINCT \"seriesInstanceUid\"), typeof(any_value(\"imageCount\")), typeof(any_value(\"sizeBytes\")), typeof(any_value(\"sliceThickness\")) FROM read_parquet('{parquet}')";
        using var result = command.ExecuteReader();
        Assert.True(result.Read());
        Assert.Equal(total, Convert.ToInt64(result.GetValue(0), CultureInfo.InvariantCulture));
        Assert.Equal(imageSum, Convert.ToInt64(result.GetValue(1), CultureInfo.InvariantCulture));
        Assert.Equal(total, Convert.ToInt64(result.GetValue(2), CultureInfo.InvariantCulture));
        Assert.Equal(["INTEGER", "BIGINT", "DOUBLE"], new[] { result.GetString(3), result.GetString(4), result.GetString(5) });

        const long limit = 100L * 1024 * 1024;
        Assert.True(csvGrowth < limit, $"CSV: resident memory grew by {csvGrowth / 1048576.0:F1} MiB.");
        Assert.True(parquetGrowth < limit, $"Parquet: resident memory grew by {parquetGrowth / 1048576.0:F1} MiB.");
    }

    /// <summary>Downloads an export to a file while sampling the service's resident memory; returns the largest growth over the start.</summary>
    private async Task<long> DownloadAsync(string format, string path)
    {
        using var client = new HttpClient { BaseAddress = _service!.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Add(TestKeys.Header, _admin);
        GC.Collect();
        var before = Resident(_service.ProcessId);
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Resident(_service.ProcessId));
                await Task.Delay(20);
            }
        });
        using (var response = await client.GetAsync(new Uri($"/export?path=series&format={format}&document={Uri.EscapeDataString(Document)}", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            await using var file = File.Create(path);
            await response.Content.CopyToAsync(file);
        }

        await sampling.CancelAsync();
        await sampler;
        return peak - before;
    }

    private static long Resident(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }

        return 0;
    }
}
