using System.Diagnostics;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Bench;

/// <summary>Where the facet query's time goes: clause evaluation and each facet, measured apart.</summary>
internal static class FacetProfile
{
    private static readonly Filter Where = new AndFilter([
            new FieldFilter("modality", FilterOperator.In, new object?[] { "MR", "CT" }),
            new FieldFilter("bodyPart", FilterOperator.Neq, null),
            new RelationFilter("patient", Quantifier.Some, new FieldFilter("sex", FilterOperator.Eq, "F")),
        ]);
    private static readonly string[] Fields = ["modality", "bodyPart", "manufacturer", "model", "contrast", "magneticFieldStrength", "patient.vitalStatus", "patient.sex", "study.year", "datasets.slug"];

    public static async Task<int> RunAsync(string[] args)
    {
        var host = await BenchHost.StartAsync(new BenchArguments(args));
        var snapshot = host.Index.Current;
        for (var round = 0; round < 3; round++)
            Console.WriteLine(Profile(snapshot));
        return 0;
    }

    /// <summary>One run of the search benchmark's facet query, clause evaluation and each facet timed apart.</summary>
    public static string Profile(Catalog.CatalogSnapshot snapshot)
    {
        var line = new System.Text.StringBuilder();
        var watch = Stopwatch.StartNew();
        var clauses = new Clauses(snapshot, GraphModel.Series, Where);
        line.Append(System.Globalization.CultureInfo.InvariantCulture, $"clauses {watch.Elapsed.TotalMilliseconds:F1} ms;");
        foreach (var field in Fields)
        {
            watch.Restart();
            Facets.Compute(snapshot, GraphModel.Series, clauses, [field], 20, true);
            line.Append(System.Globalization.CultureInfo.InvariantCulture, $" {field} {watch.Elapsed.TotalMilliseconds:F1};");
        }

        return line.ToString();
    }
}
