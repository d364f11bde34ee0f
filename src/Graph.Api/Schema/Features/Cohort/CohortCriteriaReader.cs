using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Catalog.Querying;
using Graph.Domain;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>Reads cohort criteria given as where-inputs: { patients: PatientFilterInput, series: SeriesFilterInput }.</summary>
internal static class CohortCriteriaReader
{
    public static CohortCriteria Parse(IDictionary<string, object?>? criteria, ServiceLimits limits) => new(
        FilterParser.Parse(GraphModel.Patient, criteria is not null && criteria.TryGetValue("patients", out var p) ? p : null, limits.MaxFilterDepth),
        FilterParser.Parse(GraphModel.Series, criteria is not null && criteria.TryGetValue("series", out var s) ? s : null, limits.MaxFilterDepth));
}
