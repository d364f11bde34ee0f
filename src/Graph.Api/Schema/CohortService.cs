using System.Globalization;
using System.Security.Cryptography;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Store;
using Microsoft.Extensions.Options;

namespace Graph.Api.Schema;

/// <summary>Saves cohorts through the writer and evaluates saved and unsaved cohorts over snapshots.</summary>
internal sealed class CohortService(GraphWriter writer, CatalogIndex index, IOptions<ServiceLimits> limits)
{
    private static readonly RelationField Members = RelationField.Find(GraphModel.Cohort, "patients")!;

    /// <summary>Reads criteria given as where-inputs ({ patients: PatientFilterInput, series: SeriesFilterInput }).</summary>
    public CohortCriteria Parse(IDictionary<string, object?>? criteria) => new(
        FilterParser.Parse(GraphModel.Patient, (criteria is not null && criteria.TryGetValue("patients", out var p) ? p : null), limits.Value.MaxFilterDepth),
        FilterParser.Parse(GraphModel.Series, (criteria is not null && criteria.TryGetValue("series", out var s) ? s : null), limits.Value.MaxFilterDepth));

    /// <summary>Saves the cohort the criteria select now among the records the caller may read: its criteria, the catalogue version and its member patients.</summary>
    public async Task<GraphNode> SaveAsync(string name, string? description, IDictionary<string, object?> criteria, Caller caller, CancellationToken cancellationToken)
    {
        var snapshot = caller.Access.View(index.Current);
        var owner = caller.Id;
        var selection = Cohorts.Select(snapshot, Parse(criteria));
        var id = "cohort-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var changes = new ChangeSet { Source = "saveCohort" };
        changes.Add(NodeRecord.Of(
            GraphModel.Cohort,
            id,
            ("name", name),
            ("description", description),
            ("criteria", CriteriaJson.Write(criteria)),
            ("catalogueVersion", snapshot.Sequence),
            ("createdAt", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("owner", owner)));
        foreach (var patient in selection.Patients.Ordinals())
            changes.Add(EdgeRecord.Of(Members.Steps[0].Relation, id, snapshot.At(GraphModel.Patient, patient)!.Key));
        try
        {
            await writer.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (ChangeSetRejectedException e)
        {
            throw ErrorCodes.BadInput(e.Message);
        }

        return index.Current.Find(GraphModel.Cohort, id) ?? throw new InvalidOperationException($"Cohort {id} was saved but is not in the index.");
    }

    /// <summary>The saved member patients of a cohort.</summary>
    public static Bitset MembersOf(GraphNode cohort) =>
        Bitset.Of(cohort.Snapshot.Table(GraphModel.Patient).Count, Traversal.Related(cohort.Snapshot, Members, cohort.Ordinal));

    /// <summary>The saved members with the series that match the saved series criteria now.</summary>
    public CohortSelection SelectionOf(GraphNode cohort)
    {
        var criteria = Parse(CriteriaJson.Read(cohort["criteria"] as string ?? "{}"));
        return Cohorts.FromPatients(cohort.Snapshot, MembersOf(cohort), FilterEvaluator.Evaluate(cohort.Snapshot, GraphModel.Series, criteria.Series));
    }

    /// <summary>Members added and removed if the saved criteria ran on the cohort's snapshot.</summary>
    public CohortDrift DriftOf(GraphNode cohort)
    {
        var saved = MembersOf(cohort);
        var current = Cohorts.Select(cohort.Snapshot, Parse(CriteriaJson.Read(cohort["criteria"] as string ?? "{}"))).Patients;
        return new CohortDrift(
            saved.Count(),
            current.Count(),
            current.Clone().AndNot(saved).Count(),
            saved.Clone().AndNot(current).Count(),
            cohort["catalogueVersion"] is long version ? version : 0,
            cohort.Snapshot.Sequence);
    }
}
