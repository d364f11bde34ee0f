using System.Diagnostics;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Bench;

/// <summary>Where the facet query's time goes: clause evaluation and each facet, measured apart.</summary>
internal static class FacetProfile
{
    public static async Task<int> RunAsync(string[] args)
    {
        var host = await BenchHost.StartAsync(new BenchArguments(args));
        var snapshot = host.Index.Current;
        Filter where = new AndFilter([
            new FieldFilter("modality", FilterOperator.In, new object?[] { "MR", "CT" }),
            new FieldFilter("bodyPart", FilterOperator.Neq, null),
            new RelationFilter("patient", Quantifier.Some, new FieldFilter("sex", FilterOperator.Eq, "F")),
        ]);
        string[] fields = ["modality", "bodyPart", "manufacturer", "model", "contrast", "magneticFieldStrength", "patient.vitalStatus", "patient.sex", "study.year", "datasets.slug"];
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            var clauses = new Clauses(snapshot, GraphModel.Series, where);
            Console.Write($"clauses {watch.Elapsed.TotalMilliseconds:F1} ms;");
            foreach (var field in fields)
            {
                watch.Restart();
                Facets.Compute(snapshot, GraphModel.Series, clauses, [field], 20, true);
                Console.Write($" {field} {watch.Elapsed.TotalMilliseconds:F1};");
            }

            Console.WriteLine();
        }

        return 0;
    }
}
