using System.Text;
using System.Text.Json;
using Graph.Api.Export;
using Graph.Api.Schema.Features.Cohort;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Domain;

namespace Graph.Api.Http;

/// <summary><c>GET /cohorts/{id}/manifest?format=csv|json</c>: one row per series of a saved cohort, streamed, for download tools
/// and modellers (the series attributes they filter on follow the download columns).</summary>
internal static class ManifestEndpoint
{
    // The series' own fields after the download columns: what a modeller filters a training set on.
    private static readonly string[] SeriesAttributes =
        ["bodyPart", "manufacturer", "model", "sliceThickness", "pixelSpacing", "contrast", "magneticFieldStrength", "kvp", "year"];

    private static readonly string[] Columns =
        ["seriesInstanceUid", "studyInstanceUid", "patientPseudonym", "dataset", "repository", "modality", "retrieveUrl", "imageCount", "sizeBytes", .. SeriesAttributes];

    private static readonly RelationField SeriesStudy = RelationField.Find(GraphModel.Series, "study")!;
    private static readonly RelationField SeriesPatient = RelationField.Find(GraphModel.Series, "patient")!;
    private static readonly RelationField PatientDatasets = RelationField.Find(GraphModel.Patient, "datasets")!;
    private static readonly RelationField DatasetRepository = RelationField.Find(GraphModel.Dataset, "repository")!;

    public static IEndpointRouteBuilder MapCohortManifest(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/cohorts/{id}/manifest", HandleAsync);
        return endpoints;
    }

    private static async Task HandleAsync(HttpContext http, string id, CatalogIndex index, CohortService cohorts, AuditLog audit)
    {
        var format = http.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : "csv";
        if (format is not ("csv" or "json"))
        {
            await Results.Problem($"format must be csv or json, not '{format}'.", statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }

        // Only the series the caller may read are listed.
        var caller = Caller.From(http.User);
        var snapshot = caller.Access.View(index.Current);
        var cohort = snapshot.Find(GraphModel.Cohort, id);
        if (cohort is null)
        {
            await Results.Problem($"No cohort '{id}'.", statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }

        var series = cohorts.SeriesOf(cohort);
        if (AuditLog.IsGated(caller))
            audit.Write(caller, "manifest", null, [id], "ok");
        http.Response.ContentType = format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{id}-manifest.{format}\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 64 * 1024);
        if (format == "csv")
            await writer.WriteLineAsync(string.Join(',', Columns));
        else
            await writer.WriteAsync("[");
        var first = true;
        var rows = 0;
        foreach (var node in series)
        {
            var row = Row(node);
            if (format == "csv")
            {
                await writer.WriteLineAsync(string.Join(',', row.Select(CsvText.Cell)));
            }
            else
            {
                await writer.WriteAsync(first ? "\n" : ",\n");
                await writer.WriteAsync(JsonSerializer.Serialize(Columns.Zip(row).ToDictionary(p => p.First, p => p.Second)));
            }

            first = false;
            if (++rows % 1000 == 0)
                await writer.FlushAsync(http.RequestAborted);
        }

        if (format == "json")
            await writer.WriteAsync("\n]\n");
    }

    // Values keep their types (text, long, double, bool) for JSON; CSV writes numbers invariantly and neutralises text (CsvText).
    private static object?[] Row(GraphNode series)
    {
        var study = series.FirstRelated(SeriesStudy);
        var patient = series.FirstRelated(SeriesPatient);
        var dataset = patient?.FirstRelated(PatientDatasets);
        var repository = dataset?.FirstRelated(DatasetRepository);
        var baseUrl = (repository?["baseUrl"] as string)?.TrimEnd('/');
        var retrieve = baseUrl is null || study is null ? null : $"{baseUrl}/studies/{study.Key}/series/{series.Key}";
        return
        [
            series.Key, study?.Key, patient?.Key, dataset?.Key, repository?.Key, series["modality"], retrieve,
            series["imageCount"], series["sizeBytes"], .. SeriesAttributes.Select(name => series[name]),
        ];
    }
}
