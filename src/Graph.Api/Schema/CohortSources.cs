using Graph.Catalog;
using Graph.Catalog.Querying;

namespace Graph.Api.Schema;

/// <summary>A cohort's selection in a snapshot, as resolved for cohortPreview and saved cohorts; counts protected with the threshold when one is set.</summary>
internal sealed record CohortSource(CatalogSnapshot Snapshot, CohortSelection Selection, int? Threshold = null);

/// <summary>How a saved cohort's members changed since it was saved.</summary>
internal sealed record CohortDrift(int Saved, int Current, int Added, int Removed, long SavedVersion, long CurrentVersion);

/// <summary>Two cohorts side by side; counts protected with the threshold when one is set.</summary>
internal sealed record CohortComparison(CatalogSnapshot Snapshot, Bitset A, Bitset B, int? Threshold)
{
    public int OnlyA => A.Clone().AndNot(B).Count();

    public int OnlyB => B.Clone().AndNot(A).Count();

    public int Both => A.Clone().And(B).Count();
}
