// The service against PostGraphile 4 on PostgreSQL 15, same catalogue, same queries, same load generator, one run:
//   dotnet run -c Release --project bench/Graph.Bench.Peer -- [--patients 20000] [--data DIR] [--concurrency 4] [--seconds 10] [--warmup 3]
// Seeds the catalogue into DIR (default /tmp/graph-bench-N) unless it is there, copies it, exports it to PostgreSQL tables,
// starts PostgreSQL (own data folder, 127.0.0.1, free port), PostGraphile (npm ci from the lock file when node_modules is
// missing) and our service (SQLite store), checks that both sides give the same answers, then prints throughput, p50
// and p99 per scenario and side, the ratios, and the resident memory of each side. Prints figures; asserts nothing.
using System.Runtime.InteropServices;
using Graph.Bench;
using Graph.Bench.Peer;

// Ctrl+C or SIGTERM cancels the run, so that it stops and removes the servers it started (each would otherwise stop by
// itself only when its lifetime is over).
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    Console.Error.WriteLine($"{context.Signal}: stopping the servers and removing their folders.");
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    return await PeerBenchmark.RunAsync(new BenchArguments(args), stop.Token);
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    return 130;
}
