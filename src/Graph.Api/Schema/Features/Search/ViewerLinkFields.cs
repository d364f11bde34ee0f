using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Catalog;
using Graph.Domain;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Search;

/// <summary>The viewer and DICOMweb retrieve links of studies and series, made from their repository's viewer template and base URL.</summary>
/// <remarks>Fields of records, so a caller sees them only on studies and series the caller may read.</remarks>
internal static class ViewerLinkFields
{
    private static readonly RelationField StudyPatient = RelationField.Find(GraphModel.Study, "patient")!;
    private static readonly RelationField SeriesStudy = RelationField.Find(GraphModel.Series, "study")!;
    private static readonly RelationField PatientDatasets = RelationField.Find(GraphModel.Patient, "datasets")!;
    private static readonly RelationField DatasetRepository = RelationField.Find(GraphModel.Dataset, "repository")!;

    public static void AddTo(ObjectGraphType study, ObjectGraphType series)
    {
        Add(study, "viewerUrl", "A link that opens the study in its repository's web viewer (null when the repository has no viewer template).",
            (snapshot, node) => Links(snapshot, node, null).Viewer);
        Add(study, "retrieveUrl", "The study's DICOMweb WADO-RS retrieve URL at its repository.",
            (snapshot, node) => Links(snapshot, node, null).Retrieve);
        Add(series, "viewerUrl", "A link that opens the series in its repository's web viewer (null when the repository has no viewer template).",
            (snapshot, node) => Study(snapshot, node) is { } s ? Links(snapshot, s, node).Viewer : null);
        Add(series, "retrieveUrl", "The series' DICOMweb WADO-RS retrieve URL at its repository.",
            (snapshot, node) => Study(snapshot, node) is { } s ? Links(snapshot, s, node).Retrieve : null);
    }

    private static void Add(ObjectGraphType type, string name, string description, Func<CatalogSnapshot, GraphNode, string?> resolve) =>
        type.AddField(new FieldType
        {
            Name = name,
            Description = description,
            ResolvedType = Scalars.String,
            Resolver = new FuncFieldResolver<object?>(c => resolve(CatalogRequest.From(c).Snapshot, (GraphNode)c.Source!)),
        });

    private static GraphNode? Study(CatalogSnapshot snapshot, GraphNode series) => snapshot.FirstRelated(series, SeriesStudy);

    private static (string? Viewer, string? Retrieve) Links(CatalogSnapshot snapshot, GraphNode study, GraphNode? series)
    {
        var patient = snapshot.FirstRelated(study, StudyPatient);
        var repository = patient is null ? null : snapshot.Related(patient, PatientDatasets)
            .Select(d => snapshot.FirstRelated(d, DatasetRepository))
            .FirstOrDefault(r => r is not null);
        var baseUrl = (repository?["baseUrl"] as string)?.TrimEnd('/');
        var studyUid = Uri.EscapeDataString(study.Key);
        var seriesUid = series is null ? "" : Uri.EscapeDataString(series.Key);
        var retrieve = baseUrl is null ? null : series is null ? $"{baseUrl}/studies/{studyUid}" : $"{baseUrl}/studies/{studyUid}/series/{seriesUid}";
        var viewer = (repository?["viewerUrlTemplate"] as string)?
            .Replace("{baseUrl}", baseUrl ?? "", StringComparison.Ordinal)
            .Replace("{studyInstanceUid}", studyUid, StringComparison.Ordinal)
            .Replace("{seriesInstanceUid}", seriesUid, StringComparison.Ordinal);
        // Only web links: a template that yields anything else (javascript:, a relative path) gives no link.
        var web = viewer is not null && Uri.TryCreate(viewer, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
        return (web ? viewer : null, retrieve);
    }
}
