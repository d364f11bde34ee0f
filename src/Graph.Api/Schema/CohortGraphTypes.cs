using Graph.Api.Security;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using FieldType = GraphQL.Types.FieldType;

namespace Graph.Api.Schema;

/// <summary>Cohort types: criteria input, preview with counts at every level and facets, drift, comparison.</summary>
internal sealed class CohortGraphTypes
{
    public static readonly string[] DefaultPatientFacets = ["sex", "cancerTypes.code", "datasets.slug"];
    public static readonly string[] DefaultSeriesFacets = ["modality", "bodyPart", "manufacturer"];

    public CohortGraphTypes(FilterInputGraphTypes filters, SearchGraphTypes search)
    {
        Criteria = new InputObjectGraphType { Name = "CohortCriteriaInput", Description = "Which patients, and which of their series. A patient is selected when it matches 'patients' and has some series that matches 'series'." };
        Criteria.AddField(new FieldType { Name = "patients", ResolvedType = filters.For(GraphModel.Patient), Description = "Conditions on patients (through any relationship)." });
        Criteria.AddField(new FieldType { Name = "series", ResolvedType = filters.For(GraphModel.Series), Description = "Conditions on series; only matching series are included." });

        SaveInput = new InputObjectGraphType { Name = "SaveCohortInput", Description = "A cohort to save." };
        SaveInput.AddField(new FieldType { Name = "name", ResolvedType = new NonNullGraphType(Scalars.String), Description = "Display name." });
        SaveInput.AddField(new FieldType { Name = "description", ResolvedType = Scalars.String, Description = "Why the cohort was made." });
        SaveInput.AddField(new FieldType { Name = "criteria", ResolvedType = new NonNullGraphType(Criteria), Description = "The criteria." });

        Preview = new ObjectGraphType { Name = "CohortPreview", Description = "What criteria select: counts at every level, total size, and facets." };
        Count(Preview, "patients", "Patients selected.", s => s.Selection.Patients.Count());
        Count(Preview, "studies", "Studies holding selected series.", s => s.Selection.Studies.Count());
        Count(Preview, "series", "Series selected.", s => s.Selection.Series.Count());
        Count(Preview, "datasets", "Datasets that include selected patients.", s => s.Selection.Datasets.Count());
        Count(Preview, "repositories", "Repositories hosting those datasets.", s => s.Selection.Repositories.Count());
        ConnectionGraphTypes.Add(Preview, "totalBytes", Scalars.Long, "Size of the selected series, in bytes; null when the series count is protected and below the threshold.", c =>
        {
            var source = (CohortSource)c.Source!;
            return AccessPolicy.Protect(source.Selection.Series.Count(), source.Threshold) is null ? null : source.Selection.TotalBytes;
        });
        ConnectionGraphTypes.Add(Preview, "catalogueVersion", new NonNullGraphType(Scalars.Long), "The catalogue change sequence evaluated.", c => ((CohortSource)c.Source!).Snapshot.Sequence);
        FacetField(Preview, search, "patientFacets", GraphModel.Patient, DefaultPatientFacets, s => s.Selection.Patients);
        FacetField(Preview, search, "seriesFacets", GraphModel.Series, DefaultSeriesFacets, s => s.Selection.Series);

        Drift = new ObjectGraphType { Name = "CohortDrift", Description = "How the cohort's criteria select now compared with the members saved." };
        ConnectionGraphTypes.Add(Drift, "savedPatients", new NonNullGraphType(Scalars.Int), "Members when saved.", c => ((CohortDrift)c.Source!).Saved);
        ConnectionGraphTypes.Add(Drift, "currentPatients", new NonNullGraphType(Scalars.Int), "Patients the criteria select now.", c => ((CohortDrift)c.Source!).Current);
        ConnectionGraphTypes.Add(Drift, "added", new NonNullGraphType(Scalars.Int), "Selected now but not saved.", c => ((CohortDrift)c.Source!).Added);
        ConnectionGraphTypes.Add(Drift, "removed", new NonNullGraphType(Scalars.Int), "Saved but not selected now.", c => ((CohortDrift)c.Source!).Removed);
        ConnectionGraphTypes.Add(Drift, "savedCatalogueVersion", new NonNullGraphType(Scalars.Long), "The catalogue version when saved.", c => ((CohortDrift)c.Source!).SavedVersion);
        ConnectionGraphTypes.Add(Drift, "currentCatalogueVersion", new NonNullGraphType(Scalars.Long), "The catalogue version now.", c => ((CohortDrift)c.Source!).CurrentVersion);

        var pair = new ObjectGraphType { Name = "FacetComparison", Description = "One facet for two cohorts side by side." };
        ConnectionGraphTypes.Add(pair, "field", new NonNullGraphType(Scalars.String), "The facet field.", c => (((FacetView A, FacetView B))c.Source!).A.Result.Field);
        ConnectionGraphTypes.Add(pair, "a", new NonNullGraphType(search.Facet), "The first cohort's counts.", c => (((FacetView A, FacetView B))c.Source!).A);
        ConnectionGraphTypes.Add(pair, "b", new NonNullGraphType(search.Facet), "The second cohort's counts.", c => (((FacetView A, FacetView B))c.Source!).B);
        Comparison = new ObjectGraphType { Name = "CohortComparison", Description = "The overlap of two cohorts' patients and their distributions side by side." };
        ConnectionGraphTypes.Add(Comparison, "onlyA", Scalars.Int, SearchGraphTypes.Protected("Patients only in the first."), c => AccessPolicy.Protect(((CohortComparison)c.Source!).OnlyA, ((CohortComparison)c.Source!).Threshold));
        ConnectionGraphTypes.Add(Comparison, "onlyB", Scalars.Int, SearchGraphTypes.Protected("Patients only in the second."), c => AccessPolicy.Protect(((CohortComparison)c.Source!).OnlyB, ((CohortComparison)c.Source!).Threshold));
        ConnectionGraphTypes.Add(Comparison, "both", Scalars.Int, SearchGraphTypes.Protected("Patients in both."), c => AccessPolicy.Protect(((CohortComparison)c.Source!).Both, ((CohortComparison)c.Source!).Threshold));
        ConnectionGraphTypes.Add(Comparison, "jaccard", Scalars.Float, "Both divided by either (0 when both are empty); null when the counts are protected.", c =>
        {
            var comparison = (CohortComparison)c.Source!;
            var either = comparison.OnlyA + comparison.OnlyB + comparison.Both;
            return comparison.Threshold is not null ? null : either == 0 ? 0.0 : (double)comparison.Both / either;
        });
        Comparison.AddField(new FieldType
        {
            Name = "facets",
            Description = "Patient facets of both cohorts.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(pair))),
            Arguments = FacetArguments(DefaultPatientFacets),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var comparison = (CohortComparison)c.Source!;
                return c.GetArgument<List<string>>("fields").Select(f =>
                {
                    var path = FieldPath.Resolve(GraphModel.Patient, f, facetsOnly: true);
                    var limit = c.GetArgument("limit", 20);
                    return (new FacetView(Facets.Count(comparison.Snapshot, path, comparison.A, limit), comparison.Threshold),
                        new FacetView(Facets.Count(comparison.Snapshot, path, comparison.B, limit), comparison.Threshold));
                }).ToList();
            }),
        });
    }

    public InputObjectGraphType Criteria { get; }

    public InputObjectGraphType SaveInput { get; }

    public ObjectGraphType Preview { get; }

    public ObjectGraphType Drift { get; }

    public ObjectGraphType Comparison { get; }

    /// <summary>Adds drift, the current selection and the manifest address to the generated Cohort type.</summary>
    public void Extend(ObjectGraphType cohort)
    {
        ConnectionGraphTypes.Add(cohort, "drift", new NonNullGraphType(Drift), "Members added and removed if the criteria ran now.", c =>
            c.RequestServices!.GetRequiredService<CohortService>().DriftOf((Catalog.GraphNode)c.Source!));
        ConnectionGraphTypes.Add(cohort, "selection", new NonNullGraphType(Preview), "The saved members and the series of theirs that match the saved series criteria now.", c =>
        {
            var node = (Catalog.GraphNode)c.Source!;
            return new CohortSource(node.Snapshot, c.RequestServices!.GetRequiredService<CohortService>().SelectionOf(node));
        });
        ConnectionGraphTypes.Add(cohort, "manifestUrl", new NonNullGraphType(Scalars.String), "Where to download the manifest (add ?format=json for JSON).", c =>
            $"/cohorts/{Uri.EscapeDataString(((Catalog.GraphNode)c.Source!).Key)}/manifest?format=csv");
    }

    private static void Count(ObjectGraphType type, string name, string description, Func<CohortSource, int> count) =>
        ConnectionGraphTypes.Add(type, name, Scalars.Int, SearchGraphTypes.Protected(description), c => AccessPolicy.Protect(count((CohortSource)c.Source!), ((CohortSource)c.Source!).Threshold));

    private static QueryArguments FacetArguments(string[] defaults) => new(
        new QueryArgument(new ListGraphType(new NonNullGraphType(Scalars.String))) { Name = "fields", DefaultValue = defaults.ToList(), Description = "Facet field paths." },
        new QueryArgument(Scalars.Int) { Name = "limit", DefaultValue = 20, Description = $"Values per facet (1 to {Facets.MaxLimit})." });

    private static void FacetField(ObjectGraphType type, SearchGraphTypes search, string name, NodeKind kind, string[] defaults, Func<CohortSource, Bitset> nodes) =>
        type.AddField(new FieldType
        {
            Name = name,
            Description = $"Facets of the selected {kind.Plural}.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(search.Facet))),
            Arguments = FacetArguments(defaults),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var source = (CohortSource)c.Source!;
                var limit = c.GetArgument("limit", 20);
                if (limit is < 1 or > Facets.MaxLimit)
                    throw ErrorCodes.BadInput($"The facet limit must be between 1 and {Facets.MaxLimit}; it was {limit}.");
                var set = nodes(source);
                return c.GetArgument<List<string>>("fields").Select(f => new FacetView(Facets.Count(source.Snapshot, FieldPath.Resolve(kind, f, facetsOnly: true), set, limit), source.Threshold)).ToList();
            }),
        });
}
