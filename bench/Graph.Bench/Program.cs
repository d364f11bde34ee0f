// Benchmarks of the catalogue service, executed in process. Prints figures; asserts nothing.
//   dotnet run -c Release --project bench/Graph.Bench -- startup [--patients 20000] [--data DIR] [--iterations 2000]
//   dotnet run -c Release --project bench/Graph.Bench -- search [--patients 20000] [--data DIR] [--iterations 300] [--distinct [--seed 1]]
//   dotnet run -c Release --project bench/Graph.Bench -- seed-profile [--patients 5000]
//   dotnet run -c Release --project bench/Graph.Bench -- document-cache [--patients 20000] [--data DIR] [--iterations 4000] [--rounds 5]
//   dotnet run -c Release --project bench/Graph.Bench -- ontology [--patients 20000] [--data DIR] [--iterations 300]
// startup: seeds a store (or reuses DIR), then measures index load time, resident memory, and p50/p99 of a node
// lookup and of a nested page (20 patients -> studies -> series) through the GraphQL executor.
// Every benchmark that loads the catalogue loads it from the store; --index-file FILE (relative: in DIR) loads it from an
// index file the service saved there instead (then the changes since from the store).
// search: p50/p99 of a facet query (10 facets, 3 filters, one across a relationship), a cohort preview and a text
// search, and memory. --patients 100000 gives about a million series. --distinct: the same over seeded streams of distinct
// requests (each sent once, warm-up requests apart from timed ones), as the peer benchmark sends them.
// ontology: ontology-expanded facet queries (concept: { curie, includeNarrower }) against the same queries on plain codes,
// warm and cold, interleaved, with the ratio of their p50s.
// disclosure: usefulness of protected answers (error of every patient count of 100+ in previews, as anonymous and as a researcher)
// and their cost (a stream of distinct previews, each run exact as a curator and protected as an anonymous visitor, interleaved).
//   dotnet run -c Release --project bench/Graph.Bench -- disclosure [--patients 20000] [--data DIR] [--iterations 300] [--seed 1]
// document-cache: lookups by key per second through the executor (one thread), with the validated-document cache on and off,
// interleaved in rounds, for a document with variables (the complexity rule runs again for it) and one without.
// export: GET /export of every series (12 columns, two of them through single relations) as a curator, in process, as CSV,
// JSON Lines and Parquet: rows per second and peak resident memory growth.
//   dotnet run -c Release --project bench/Graph.Bench -- export [--patients 20000] [--data DIR] [--rounds 2]
// crosstab: crossTab p50/p99 over a stream of varied filters and field pairs, exact (curator) and protected (anonymous).
//   dotnet run -c Release --project bench/Graph.Bench -- crosstab [--patients 20000] [--data DIR] [--iterations 300]
// text-search: text search over varied texts (typos, abbreviations, synonyms, codes), first and second pages:
//   dotnet run -c Release --project bench/Graph.Bench -- text-search [--patients 20000] [--iterations 500] [--distinct [--seed 1]]
// restart: the index loaded from the store, saved to an index file, and loaded from that file (then the changes since), in
// rounds; checks both loads hold the same counts of every kind of node and relationship, and prints times, file size and memory:
//   dotnet run -c Release --project bench/Graph.Bench -- restart [--patients 20000] [--data DIR] [--rounds 3]
// seed-profile: where seeding time goes (generation, validation, SQLite commits, index catch-up).
// facet-methods: the two ways of counting a facet of an own text or yes/no field (node by node, value by value) timed on
// distinct facet requests, each way on the same filtered series:
//   dotnet run -c Release --project bench/Graph.Bench -- facet-methods [--patients 20000] [--data DIR] [--iterations 2000] [--factor 8]
// commit-facets: commits one study (or one series' attribute) through the writer, then times the first run of 4 facet queries:
//   dotnet run -c Release --project bench/Graph.Bench -- commit-facets [--patients 20000] [--iterations 100]
// commit-load: a writer commits one study every 100 ms while 4 clients send distinct facet queries (p50/p99):
//   dotnet run -c Release --project bench/Graph.Bench -- commit-load [--patients 20000] [--seconds 30] [--clients 4] [--interval 100]
// Both commit, so they work on a copy of the seeded folder (graph-bench-N-commits) unless --data is given.
// store-lookup: what an ingest or harvest pays to ask the store about a page of studies and their series (StoredStudies) and
// about 10 series (KnownSeries): every study and series read and filtered in memory against a read by key (the store is
// opened, so give a copy):
//   dotnet run -c Release --project bench/Graph.Bench -- store-lookup --data DIR [--studies 100] [--scans 5] [--iterations 200]
using Graph.Bench;

return args.FirstOrDefault() switch
{
    "startup" => await StartupBenchmark.RunAsync(args[1..]),
    "restart" => await RestartBenchmark.RunAsync(args[1..]),
    "seed-profile" => await SeedProfile.RunAsync(args[1..]),
    "search" => await SearchBenchmark.RunAsync(args[1..]),
    "text-search" => await TextSearchBenchmark.RunAsync(args[1..]),
    "facet-profile" => await FacetProfile.RunAsync(args[1..]),
    "facet-methods" => await FacetMethods.RunAsync(args[1..]),
    "ontology" => await OntologyBenchmark.RunAsync(args[1..]),
    "disclosure" => await DisclosureBenchmark.RunAsync(args[1..]),
    "document-cache" => await DocumentCacheBenchmark.RunAsync(args[1..]),
    "export" => await ExportBenchmark.RunAsync(args[1..]),
    "crosstab" => await CrossTabBenchmark.RunAsync(args[1..]),
    "commit-facets" => await CommitBenchmark.RunFacetsAsync(args[1..]),
    "commit-load" => await CommitBenchmark.RunLoadAsync(args[1..]),
    "store-lookup" => await StoreLookupBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Graph.Bench startup|restart|search|text-search|facet-methods|ontology|disclosure|document-cache|export|crosstab|commit-facets|commit-load|store-lookup|seed-profile [--patients N] [--data DIR] [--iterations N]");
    return 2;
}
