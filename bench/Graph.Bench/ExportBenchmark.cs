using System.Diagnostics;
using System.Security.Claims;
using Graph.Api.Export;
using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using Graph.Catalog;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Graph.Bench;

/// <summary>GET /export of every series as a curator, in process, each format in turn: rows per second and the growth of resident memory over the start.</summary>
internal static class ExportBenchmark
{
    private const string Document =
        "{ series { nodes { seriesInstanceUid modality bodyPart manufacturer sliceThickness imageCount sizeBytes contrast study { studyInstanceUid year } patient { pseudonym sex } } } }";

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var host = await BenchHost.StartAsync(arguments);
        var rounds = arguments.Int("--rounds", 2);
        var curator = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "bench"), new Claim("role", "curator")], "bench"));
        Console.WriteLine($"after load: {BenchHost.Memory()}; series {host.Index.Current.Count(Graph.Domain.GraphModel.Series):N0}");
        foreach (var format in new[] { "csv", "jsonl", "parquet", "csv", "parquet" }.Take(3 + rounds - 1))
        {
            var http = new DefaultHttpContext { RequestServices = host.Services, User = curator };
            http.Request.QueryString = QueryString.Create(new Dictionary<string, string?> { ["path"] = "series", ["format"] = format, ["document"] = Document });
            var output = new CountingStream();
            http.Response.Body = output;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = Resident();
            var peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Resident());
                    await Task.Delay(10);
                }
            });
            var watch = Stopwatch.StartNew();
            await ExportEndpoint.HandleAsync(
                http,
                host.Executor,
                host.Index,
                host.Services.GetRequiredService<IGraphQLTextSerializer>(),
                host.Services.GetRequiredService<IOptions<ServiceLimits>>(),
                host.Services.GetRequiredService<AuditLog>(),
                host.Services.GetRequiredService<ExportGate>());
            watch.Stop();
            await sampling.CancelAsync();
            await sampler;
            var rows = output.Lines - (format == "csv" ? 1 : 0);
            var rowsText = format == "parquet" ? $"{host.Index.Current.Count(Graph.Domain.GraphModel.Series):N0} rows (all series)" : $"{rows:N0} rows";
            var rate = (format == "parquet" ? host.Index.Current.Count(Graph.Domain.GraphModel.Series) : rows) / watch.Elapsed.TotalSeconds;
            Console.WriteLine($"export {format,-7}: {rowsText}, {output.Bytes / 1048576.0:F1} MiB in {watch.Elapsed.TotalSeconds:F2} s = {rate:N0} rows/s; peak resident growth {(peak - before) / 1048576.0:F1} MiB (status {http.Response.StatusCode})");
        }

        return 0;
    }

    private static long Resident()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>A sink that counts bytes and newlines.</summary>
    private sealed class CountingStream : Stream
    {
        public long Bytes { get; private set; }

        public long Lines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Bytes;

        public override long Position { get => Bytes; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Bytes += buffer.Length;
            Lines += System.MemoryExtensions.Count(buffer, (byte)'\n');
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
