using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Catalog.Disclosure;
using Graph.Domain;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Schema.Features.Cohort;

/// <summary>Cohorts as research objects: versions, their differences, citations, and the owner's mutations (revise, update, delete).</summary>
internal static class CohortVersionGraphTypes
{
    /// <summary>Adds versions and citation to the Cohort type, cohortDiff to the query, and the owner's mutations.</summary>
    public static void AddTo(ObjectGraphType query, ObjectGraphType mutation, CohortGraphTypes cohorts, NodeGraphTypes nodes)
    {
        var (cohort, aggregates) = (nodes.For(GraphModel.Cohort), cohorts.Aggregates);
        ConnectionGraphTypes.Add(cohort, "versions", new NonNullGraphType(new ListGraphType(new NonNullGraphType(cohort))),
            "Every version of this cohort the caller may read, oldest first (version 1 is the one first saved).",
            c => CohortService.VersionsOf(((GraphNode)c.Source!).Snapshot, CohortService.LineageOf((GraphNode)c.Source!)));
        ConnectionGraphTypes.Add(cohort, "citation", new NonNullGraphType(Citation()),
            "How to cite this version: the cohort and the datasets its members (those the caller may read) come from, with DOI and licence.",
            c => CohortCitation.Of((GraphNode)c.Source!));

        var diff = Diff(aggregates, nodes);
        query.AddField(new FieldType
        {
            Name = "cohortDiff",
            Description = "Patients and series added and removed from cohort a to cohort b (two versions of one cohort, or any two cohorts): " +
                "those the caller may read listed, every count protected.",
            ResolvedType = new NonNullGraphType(diff),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "a", Description = "The earlier cohort's id (cohortId)." },
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "b", Description = "The later cohort's id." }),
            Resolver = new FuncFieldResolver<object?>(c =>
            {
                var request = CatalogRequest.From(c);
                GraphNode Find(string name)
                {
                    var id = c.GetArgument<string>(name);
                    return request.Snapshot.Find(GraphModel.Cohort, id) ?? throw new ExecutionError($"No cohort '{id}'.") { Code = ErrorCodes.NotFound };
                }

                return request.Aggregates.Diff(Find("a"), Find("b"));
            }),
        }).Disclosed(DisclosureKind.Protected);

        var id = new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "id", Description = "The cohort's id (cohortId); any of its versions." };
        mutation.AddField(new FieldType
        {
            Name = "reviseCohort",
            Description = "Evaluates a cohort's criteria again now, among the records the caller may read, and saves the result as its next version beside the earlier ones (owner only).",
            ResolvedType = new NonNullGraphType(cohort),
            Arguments = new QueryArguments(id),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var request = CatalogRequest.From(c);
                var saved = await Service(c).ReviseAsync(c.GetArgument<string>("id"), request.Caller, c.CancellationToken);
                return Reread(request, saved);
            }),
        }.RequireRoles(AccessPolicy.Registered));

        var update = new InputObjectGraphType { Name = "UpdateCohortInput", Description = "What to change on every version of a cohort; a field left out is kept." };
        update.AddField(new FieldType { Name = "id", ResolvedType = new NonNullGraphType(Scalars.String), Description = "The cohort's id; any of its versions." });
        update.AddField(new FieldType { Name = "name", ResolvedType = Scalars.String, Description = "A new display name (1 to 200 characters)." });
        update.AddField(new FieldType { Name = "description", ResolvedType = Scalars.String, Description = "A new description; empty removes it." });
        update.AddField(new FieldType { Name = "visibility", ResolvedType = cohorts.Visibility, Description = "Who may read it." });
        update.AddField(new FieldType { Name = "sharedWith", ResolvedType = new ListGraphType(new NonNullGraphType(Scalars.String)), Description = "The callers a SHARED cohort is shared with (as cohorts name owners: key:ID for an API key)." });
        mutation.AddField(new FieldType
        {
            Name = "updateCohort",
            Description = "Renames, describes or shares a cohort (every version of it; owner only).",
            ResolvedType = new NonNullGraphType(cohort),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(update)) { Name = "input", Description = "The changes." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var name = input.TryGetValue("name", out var n) && n is string text ? text.Trim() : null;
                if (name is { Length: 0 or > 200 })
                    throw ErrorCodes.BadInput("'name' must have 1 to 200 characters.");
                var description = input.GetValueOrDefault("description") as string;
                if (description is { Length: > 4000 })
                    throw ErrorCodes.BadInput("'description' must have at most 4000 characters.");
                var sharing = input.ContainsKey("visibility") || input.ContainsKey("sharedWith")
                    ? CohortSharing.Parse(input.GetValueOrDefault("visibility") as string, input.GetValueOrDefault("sharedWith") as IEnumerable<object?>)
                    : null;
                var request = CatalogRequest.From(c);
                var saved = await Service(c).UpdateAsync((string)input["id"]!, name, description, sharing, request.Caller, c.CancellationToken);
                return Reread(request, saved);
            }),
        }.RequireRoles(AccessPolicy.Registered));

        mutation.AddField(new FieldType
        {
            Name = "deleteCohort",
            Description = "Deletes a cohort and every version of it (owner only); returns the ids deleted.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(Scalars.String))),
            Arguments = new QueryArguments(id),
            Resolver = new FuncFieldResolver<object?>(async c =>
                await Service(c).DeleteAsync(c.GetArgument<string>("id"), CatalogRequest.From(c).Caller, c.CancellationToken)),
        }.RequireRoles(AccessPolicy.Registered));
    }

    private static CohortService Service(IResolveFieldContext c) => c.RequestServices!.GetRequiredService<CohortService>();

    private static GraphNode? Reread(CatalogRequest request, GraphNode saved)
    {
        request.Use(saved.Snapshot);
        return request.Snapshot.Find(GraphModel.Cohort, saved.Key);
    }

    private static ObjectGraphType<CohortCitation> Citation()
    {
        var type = new ObjectGraphType<CohortCitation> { Name = "CohortCitation", Description = "How to cite a cohort version and the datasets it draws from." };
        AggregateGraphTypes.Add(type, "text", Scalars.String, true, "One paragraph: the cohort, then each dataset with version, publisher, DOI and licence.", c => c.Text);
        AggregateGraphTypes.Add(type, "bibtex", Scalars.String, true, "BibTeX: a @misc entry for the cohort and one per dataset.", c => c.BibTeX);
        AggregateGraphTypes.Add(type, "cslJson", Scalars.String, true, "CSL-JSON (an array of items of type dataset), as text.", c => c.CslJson.ToJsonString());
        AggregateGraphTypes.Add(type, "datasets", new ListGraphType(new NonNullGraphType(Scalars.String)), true, "The slugs of the datasets cited.", c => c.Datasets.Select(d => d.Key).ToList());
        return type;
    }

    private static ObjectGraphType<CohortDiff> Diff(AggregateGraphTypes aggregates, NodeGraphTypes nodes)
    {
        ObjectGraphType<CohortChange> Change(NodeKind kind)
        {
            var type = new ObjectGraphType<CohortChange> { Name = $"Cohort{kind.Label}Change", Description = $"{kind.Label} records added or removed." };
            AggregateGraphTypes.Add(type, "count", aggregates.Count, true, "How many: the readable ones exactly, the rest protected.", c => c.Count);
            AggregateGraphTypes.Add(type, "readableCount", Scalars.Int, true, "How many of them the caller may read (all listed in nodes, up to first).", c => c.ReadableCount)
                .Disclosed(DisclosureKind.Readable);
            type.AddField(new FieldType
            {
                Name = "nodes",
                Description = "The ones the caller may read, in catalogue order.",
                ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(nodes.For(kind)))),
                Arguments = new QueryArguments(new QueryArgument(Scalars.Int) { Name = "first", DefaultValue = 100, Description = "At most this many (up to the page size limit)." }),
                Resolver = new FuncFieldResolver<CohortChange, object?>(c =>
                {
                    var first = c.GetArgument("first", 100);
                    var max = CatalogRequest.From(c).Limits.MaxPageSize;
                    if (first < 0 || first > max)
                        throw ErrorCodes.BadInput($"'first' must be between 0 and {max}.");
                    return c.Source.Readable(first).ToList();
                }),
            });
            return type;
        }

        var (patients, series) = (Change(GraphModel.Patient), Change(GraphModel.Series));
        var diff = new ObjectGraphType<CohortDiff> { Name = "CohortDiff", Description = "What changed from one cohort (version) to another." };
        AggregateGraphTypes.Add(diff, "patientsAdded", patients, true, "Patients in b, not in a.", d => d.PatientsAdded);
        AggregateGraphTypes.Add(diff, "patientsRemoved", patients, true, "Patients in a, not in b.", d => d.PatientsRemoved);
        AggregateGraphTypes.Add(diff, "seriesAdded", series, true, "Series in b, not in a.", d => d.SeriesAdded);
        AggregateGraphTypes.Add(diff, "seriesRemoved", series, true, "Series in a, not in b.", d => d.SeriesRemoved);
        return diff;
    }
}
