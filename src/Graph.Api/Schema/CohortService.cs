using System.Globalization;
using System.Security.Cryptography;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Store;
using Microsoft.Extensions.Options;

namespace Graph.Api.Schema;

/// <summary>Saves cohorts through the writer.</summary>
internal sealed class CohortService(GraphWriter writer, CatalogIndex index, IOptions<ServiceLimits> limits)
{
    private static readonly RelationField Members = RelationField.Find(GraphModel.Cohort, "patients")!;

    /// <summary>
    /// Saves the cohort the criteria select now among the records the caller may read (the readable part of cohortPreview for the
    /// same caller): its criteria, the catalogue version, the caller's access (in which its drift is computed) and its member patients.
    /// </summary>
    public async Task<GraphNode> SaveAsync(string name, string? description, IDictionary<string, object?> criteria, Caller caller, CancellationToken cancellationToken)
    {
        var snapshot = caller.Access.View(index.Current);
        var parsed = CohortCriteriaReader.Parse(criteria, limits.Value);
        ConceptCheck.RequireKnown(snapshot, parsed.Patients);
        ConceptCheck.RequireKnown(snapshot, parsed.Series);
        var selection = Cohorts.Select(snapshot, parsed);
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
            ("owner", caller.Id),
            ("access", caller.Access.Signature)));
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

    /// <summary>The series of a cohort's members in the snapshot the node comes from (the caller's view) that match its saved series criteria now.</summary>
    public Bitset SeriesOf(GraphNode cohort)
    {
        var snapshot = cohort.Snapshot;
        var criteria = CohortCriteriaReader.Parse(CriteriaJson.Read(cohort["criteria"] as string ?? "{}"), limits.Value);
        var members = Bitset.Of(snapshot.Table(GraphModel.Patient).Count, Traversal.Related(snapshot, Members, cohort.Ordinal));
        return Cohorts.FromPatients(snapshot, members, FilterEvaluator.Evaluate(snapshot, GraphModel.Series, criteria.Series)).Series;
    }
}
