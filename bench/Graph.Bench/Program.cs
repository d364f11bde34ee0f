// Benchmarks of the catalogue service, executed in process. Prints figures; asserts nothing.
//   dotnet run -c Release --project bench/Graph.Bench -- startup [--patients 20000] [--data DIR] [--iterations 2000]
// startup: seeds a store (or reuses DIR), then measures index load time, resident memory, and p50/p99 of a node
// lookup and of a nested page (20 patients -> studies -> series) through the GraphQL executor.
using Graph.Bench;

return args.FirstOrDefault() switch
{
    "startup" => await StartupBenchmark.RunAsync(args[1..]),
    "seed-profile" => await SeedProfile.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Graph.Bench startup [--patients N] [--data DIR] [--iterations N]");
    return 2;
}
