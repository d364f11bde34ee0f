using System.Diagnostics;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Bench;

/// <summary>The two ways of counting a facet of a series' own text or yes/no field, on the peer benchmark's distinct facet
/// requests: node by node, and as the service chooses (value by value when it reads fewer than --factor words per filtered
/// node, default the service's). Each request's facets are counted both ways, in alternating order, and must agree.</summary>
internal static class FacetMethods
{
    private const int WarmUp = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var arguments = new BenchArguments(args);
        var host = await BenchHost.StartAsync(arguments);
        var snapshot = host.Index.Current;
        var iterations = arguments.Int("--iterations", 2000);
        var factor = arguments.Int("--factor", Facets.WordsPerNode);
        var slugs = (await host.DataAsync("{ datasets(first: 100) { nodes { slug } } }"))["datasets"]!["nodes"]!.AsArray().Select(n => (string)n!["slug"]!).ToArray();
        var requests = DistinctRequests.Facets(WarmUp + iterations, arguments.Int("--seed", 1), slugs);
        var times = DistinctRequests.FacetFields.ToDictionary(f => f, _ => new List<(int Size, double NodeByNode, double Chosen)>());
        for (var i = 0; i < requests.Count; i++)
        {
            var clauses = new Clauses(snapshot, GraphModel.Series, Where(requests[i]));
            foreach (var field in DistinctRequests.FacetFields)
            {
                var path = FieldPath.Resolve(GraphModel.Series, field, facetsOnly: true);
                var nodes = clauses.Except(field);
                var elapsed = new double[2];
                var results = new string[2];
                for (var pass = 0; pass < 2; pass++)
                {
                    var way = (pass + i) % 2;
                    var start = Stopwatch.GetTimestamp();
                    var result = Facets.Count(snapshot, path, nodes, 100, way == 0 ? 0 : factor);
                    elapsed[way] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    results[way] = System.Text.Json.JsonSerializer.Serialize(result);
                }

                if (results[0] != results[1])
                    throw new InvalidOperationException($"{field}: the two ways disagree for {requests[i]}:\n{results[0]}\n{results[1]}");
                if (i >= WarmUp)
                    times[field].Add((nodes.Count(), elapsed[0], elapsed[1]));
            }
        }

        Console.WriteLine($"{snapshot.Table(GraphModel.Series).Count:N0} series; {iterations} distinct requests after {WarmUp} to warm up; --factor {factor}");
        foreach (var (field, list) in times)
        {
            var values = Facets.Compute(snapshot, GraphModel.Series, new Clauses(snapshot, GraphModel.Series, null), [field], Facets.MaxLimit, true)[0].Distinct;
            Console.WriteLine($"  {field,-13} {values,3} values, {list.Average(s => s.Size),8:F0} filtered series on average: node by node {list.Average(s => s.NodeByNode),7:F1} us, as chosen {list.Average(s => s.Chosen),7:F1} us (mean)");
        }

        Console.WriteLine($"  all fields: node by node {times.Values.Sum(l => l.Average(s => s.NodeByNode)):F1} us, as chosen {times.Values.Sum(l => l.Average(s => s.Chosen)):F1} us per request (mean)");
        return 0;
    }

    private static Filter Where(FacetRequest r)
    {
        var patient = new List<Filter>
        {
            new FieldFilter("ageAtDiagnosis", FilterOperator.Gte, (double)r.AgeFrom),
            new FieldFilter("ageAtDiagnosis", FilterOperator.Lt, (double)r.AgeTo),
        };
        if (r.Sex is not null)
            patient.Add(new FieldFilter("sex", FilterOperator.Eq, r.Sex));
        if (r.Datasets is not null)
            patient.Add(new RelationFilter("datasets", Quantifier.Some, new FieldFilter("slug", FilterOperator.In, r.Datasets.Cast<object?>().ToArray())));
        return new AndFilter([
            new FieldFilter("modality", FilterOperator.In, r.Modalities.Cast<object?>().ToArray()),
            r.BodyParts is null ? new FieldFilter("bodyPart", FilterOperator.Neq, null) : new FieldFilter("bodyPart", FilterOperator.In, r.BodyParts.Cast<object?>().ToArray()),
            new RelationFilter("patient", Quantifier.Some, new AndFilter(patient)),
        ]);
    }
}
