using System.Globalization;
using System.Security.Cryptography;
using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using Graph.Store;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>Saves, revises, updates and deletes cohorts through the writer.</summary>
internal sealed class CohortService(GraphWriter writer, CatalogIndex index, IOptions<ServiceLimits> limits)
{
    private static readonly RelationField Members = RelationField.Find(GraphModel.Cohort, "patients")!;
    private static readonly RelationField FrozenSeries = RelationField.Find(GraphModel.Cohort, "series")!;

    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly FrozenSeriesLedger _frozenLately = new(TimeProvider.System);

    /// <summary>The code of a save refused because its owner keeps as many cohorts, or frozen series, as one owner may.</summary>
    public const string QuotaExceededCode = "QUOTA_EXCEEDED";

    /// <summary>The visibilities a cohort may have.</summary>
    public static IReadOnlyList<string> Visibilities { get; } = ["PRIVATE", "SHARED", "PUBLIC"];

    /// <summary>
    /// Saves the cohort the criteria select now among the records the caller may read (the readable part of cohortPreview for the
    /// same caller) as version 1: its criteria, the catalogue version, the caller's access (in which its drift is computed), and its
    /// member patients and their matching series, frozen.
    /// </summary>
    public async Task<GraphNode> SaveAsync(string name, string? description, IDictionary<string, object?> criteria, CohortSharing sharing, Caller caller, CancellationToken cancellationToken)
    {
        var id = "cohort-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await SaveVersionAsync(() => Version(id, id, 1, name, description, criteria, sharing, caller), cancellationToken).ConfigureAwait(false);
        return index.Current.Find(GraphModel.Cohort, id) ?? throw new InvalidOperationException($"Cohort {id} was saved but is not in the index.");
    }

    /// <summary>Evaluates a cohort's saved criteria again, now, and saves the result as its next version beside the earlier ones.</summary>
    public async Task<GraphNode> ReviseAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var cohort = Owned(id, caller);
        var lineage = LineageOf(cohort);
        var versions = VersionsOf(index.Current, lineage);
        var next = versions.Max(v => v["version"] is long n ? (int)n : 1) + 1;
        var key = $"{lineage}-v{next}";
        var latest = versions[^1];
        await SaveVersionAsync(() => Version(key, lineage, next, (string)latest["name"]!, latest["description"] as string,
            CriteriaJson.Read(cohort["criteria"] as string ?? "{}"), CohortSharing.Of(latest), caller, (string)cohort["owner"]!), cancellationToken).ConfigureAwait(false);
        return index.Current.Find(GraphModel.Cohort, key) ?? throw new InvalidOperationException($"Cohort {key} was saved but is not in the index.");
    }

    /// <summary>Renames, describes or shares every version of a cohort the caller owns; a value not given is kept.</summary>
    public async Task<GraphNode> UpdateAsync(string id, string? name, string? description, CohortSharing? sharing, Caller caller, CancellationToken cancellationToken)
    {
        var cohort = Owned(id, caller);
        var changes = new ChangeSet { Source = "updateCohort" };
        foreach (var version in VersionsOf(index.Current, LineageOf(cohort)))
        {
            // Every record names the cohort: a required field is checked on each record, merged or not.
            var properties = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = name ?? version["name"] };
            if (description is not null)
                properties["description"] = description.Length == 0 ? null : description;
            if (sharing is not null)
            {
                properties["visibility"] = sharing.Visibility;
                properties["sharedWith"] = sharing.SharedWith.Count == 0 ? null : sharing.SharedWith.ToArray();
            }

            changes.Add(new NodeRecord(GraphModel.Cohort.Label, version.Key, properties));
        }

        await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        return index.Current.Find(GraphModel.Cohort, cohort.Key)!;
    }

    /// <summary>Deletes every version of a cohort the caller owns and returns their ids.</summary>
    public async Task<IReadOnlyList<string>> DeleteAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var cohort = Owned(id, caller);
        var versions = VersionsOf(index.Current, LineageOf(cohort)).Select(v => v.Key).ToList();
        var changes = new ChangeSet { Source = "deleteCohort" };
        changes.DeletedNodes.AddRange(versions.Select(v => new NodeRef(GraphModel.Cohort.Label, v)));
        await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        return versions;
    }

    /// <summary>The series of a cohort's members in the snapshot the node comes from (the caller's view): those frozen with its
    /// version, or, for a cohort saved before versions, those that match its saved series criteria now.</summary>
    public IEnumerable<GraphNode> SeriesOf(GraphNode cohort) =>
        Cohorts.SeriesOf(cohort, CohortCriteriaReader.Parse(CriteriaJson.Read(cohort["criteria"] as string ?? "{}"), limits.Value).Series);

    /// <summary>The id of a cohort's first version.</summary>
    public static string LineageOf(GraphNode cohort) => cohort["lineage"] as string ?? cohort.Key;

    /// <summary>The versions of a lineage in a snapshot (those the snapshot shows), oldest first.</summary>
    public static List<GraphNode> VersionsOf(CatalogSnapshot snapshot, string lineage) =>
        snapshot.Nodes(GraphModel.Cohort).Where(c => LineageOf(c) == lineage).OrderBy(v => v["version"] is long n ? n : 1).ToList();

    private (ChangeSet Changes, string Owner, int Series) Version(string id, string lineage, int version, string name, string? description, IDictionary<string, object?> criteria,
        CohortSharing sharing, Caller caller, string? owner = null)
    {
        owner ??= caller.Id;
        var snapshot = caller.Access.View(index.Current);
        var members = Cohorts.Members(snapshot, CohortCriteriaReader.Parse(criteria, limits.Value));
        RequireRoom(owner, members.Series.Count);
        var changes = new ChangeSet { Source = version == 1 ? "saveCohort" : "reviseCohort" };
        changes.Add(NodeRecord.Of(
            GraphModel.Cohort,
            id,
            ("name", name),
            ("description", description),
            ("criteria", CriteriaJson.Write(criteria)),
            ("catalogueVersion", snapshot.Sequence),
            ("createdAt", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            ("owner", owner),
            ("access", caller.Access.Signature),
            ("version", version),
            ("lineage", lineage),
            ("visibility", sharing.Visibility),
            ("sharedWith", sharing.SharedWith.Count == 0 ? null : sharing.SharedWith.ToArray())));
        foreach (var patient in members.Patients)
            changes.Add(EdgeRecord.Of(Members.Steps[0].Relation, id, patient.Key));
        foreach (var series in members.Series)
            changes.Add(EdgeRecord.Of(FrozenSeries.Steps[0].Relation, id, series.Key));
        return (changes, owner, members.Series.Count);
    }

    // Saves are checked against the owner's room and written one at a time: twenty-five saves sent at once each found room
    // in the snapshot before any of them was written, and twelve cohorts of 96,570 series were kept against a limit of
    // 1,000,000. A save that waits longer than a request may run gives up unwritten; one that has its turn finishes.
    private async Task SaveVersionAsync(Func<(ChangeSet Changes, string Owner, int Series)> version, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(limits.Value.TimeoutSeconds);
        if (!await _saving.WaitAsync(wait, cancellationToken).ConfigureAwait(false))
            throw new WriteTurnTimeoutException("cohort saves", wait, "Graph:Limits:TimeoutSeconds");

        try
        {
            var (changes, owner, series) = version();
            await WriteAsync(changes, cancellationToken).ConfigureAwait(false);
            _frozenLately.Add(owner, series);
        }
        finally
        {
            _saving.Release();
        }
    }

    /// <summary>Refuses a version that would take its owner past the cohorts or frozen series one owner may keep: each version
    /// freezes its members in the store (a cohort of every readable series of the launch catalogue took about 30 MB), and one
    /// researcher's key saved a gigabyte a minute before these limits.</summary>
    private void RequireRoom(string owner, int series)
    {
        var (maxCohorts, maxSeries) = (limits.Value.CohortsPerOwner, limits.Value.CohortSeriesPerOwner);
        if (maxCohorts <= 0 && maxSeries <= 0 && limits.Value.CohortSeriesPerOwnerPerDay <= 0)
            return;
        var snapshot = index.Current;
        var owned = snapshot.Nodes(GraphModel.Cohort).Where(c => c["owner"] as string == owner).ToList();
        if (maxCohorts > 0 && owned.Count >= maxCohorts)
        {
            throw new ExecutionError($"You keep {owned.Count} cohort versions, as many as one owner may (Graph:Limits:CohortsPerOwner); delete some with deleteCohort first.")
            { Code = QuotaExceededCode };
        }

        var frozen = maxSeries > 0 ? owned.Sum(c => (long)snapshot.RelatedCount(c, FrozenSeries)) : 0;
        if (maxSeries > 0 && frozen + series > maxSeries)
        {
            throw new ExecutionError(string.Create(CultureInfo.InvariantCulture,
                $"This version would freeze {series:N0} series, and your cohort versions hold {frozen:N0}: one owner may keep {maxSeries:N0} (Graph:Limits:CohortSeriesPerOwner); narrow the criteria or delete cohorts with deleteCohort first."))
            { Code = QuotaExceededCode };
        }

        var perDay = limits.Value.CohortSeriesPerOwnerPerDay;
        var lately = _frozenLately.LastDay(owner);
        if (perDay > 0 && lately + series > perDay)
        {
            throw new ExecutionError(string.Create(CultureInfo.InvariantCulture,
                $"This version would freeze {series:N0} series, and your saves froze {lately:N0} in the last 24 hours: one owner may freeze {perDay:N0} a day (Graph:Limits:CohortSeriesPerOwnerPerDay; a deleted cohort's rows stay in the store); narrow the criteria or save it later."))
            { Code = QuotaExceededCode };
        }
    }

    // Only the owner changes a cohort; others find it or not as their view says (curators read every cohort, yet change only theirs).
    private GraphNode Owned(string id, Caller caller)
    {
        var cohort = caller.Access.View(index.Current).Find(GraphModel.Cohort, id)
            ?? throw new ExecutionError($"No cohort '{id}'.") { Code = ErrorCodes.NotFound };
        if (cohort["owner"] as string != caller.Id)
            throw new ExecutionError($"Cohort '{id}' is not yours: only its owner may change it.") { Code = ErrorCodes.Forbidden };
        return cohort;
    }

    private async Task WriteAsync(ChangeSet changes, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(changes, cancellationToken).ConfigureAwait(false);
        }
        catch (ChangeSetRejectedException e)
        {
            throw ErrorCodes.BadInput(e.Message);
        }
    }
}
