using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Domain;
using Graph.Store.Access;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Access;

/// <summary>Access requests in GraphQL: accessRequests and accessRequest to read, requestAccess and the holders' and requester's steps to negotiate.</summary>
/// <remarks>Holders are curators and administrators (they hold every dataset); a researcher sees only its own requests.</remarks>
internal static class AccessRequestFields
{
    private static readonly CatalogRole[] Requesters = [CatalogRole.Researcher, CatalogRole.Partner];

    /// <summary>Adds the query fields; calling it again changes nothing.</summary>
    public static void AddQueries(ObjectGraphType query, AccessRequestGraphTypes types)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(types);
        if (query.HasField("accessRequests"))
            return;
        query.AddField(new FieldType
        {
            Name = "accessRequests",
            Description = "Access requests, newest first: a researcher's own, or, for holders (curators, administrators), those for the datasets they hold.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(types.Request))),
            Arguments = new QueryArguments(new QueryArgument(new ListGraphType(new NonNullGraphType(types.Status))) { Name = "status", Description = "Only requests with one of these statuses." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
                requests.ListAsync(actor, c.GetArgument<List<AccessRequestStatus>?>("status"), c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Registered));
        query.AddField(new FieldType
        {
            Name = "accessRequest",
            Description = "One access request you may see (your own, or one for a dataset you hold); null otherwise.",
            ResolvedType = types.Request,
            Arguments = new QueryArguments(Id()),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) => requests.FindAsync(c.GetArgument<string>("requestId"), actor, c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Registered));
    }

    /// <summary>Adds the mutations; calling it again changes nothing.</summary>
    public static void AddMutations(ObjectGraphType mutation, AccessRequestGraphTypes types)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        ArgumentNullException.ThrowIfNull(types);
        if (mutation.HasField("requestAccess"))
            return;
        var result = new NonNullGraphType(types.Request);
        mutation.AddField(new FieldType
        {
            Name = "requestAccess",
            Description = "Asks the holders of restricted datasets for access to their records, with a purpose and a project (status SUBMITTED). "
                + "An approval grants your API key or token subject the datasets until the grant's expiry.",
            ResolvedType = result,
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(types.Input)) { Name = "input", Description = "What you ask for, and why." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var datasets = (input.GetValueOrDefault("datasets") as IEnumerable<object?> ?? []).Select(d => d as string ?? "").ToList();
                var cohort = (input.GetValueOrDefault("cohort") as string)?.Trim();
                var snapshot = CatalogRequest.From(c).Snapshot;
                // A cohort the caller is shown (public, shared, or any cohort for a curator) is not one it may ask with: only its owner may.
                if (!string.IsNullOrEmpty(cohort) && snapshot.Find(GraphModel.Cohort, cohort)?["owner"] as string != actor.Id)
                {
                    var problems = datasets.Select(d => DatasetProblem(snapshot, d.Trim()) is { } p ? $"'datasets': {d.Trim()}: {p}" : null).OfType<string>();
                    throw ErrorCodes.BadInput(string.Join(" ", problems.Prepend($"'cohort': there is no saved cohort '{cohort}' of yours.")));
                }

                return requests.SubmitAsync(actor.Id, datasets, cohort, input.GetValueOrDefault("purpose") as string, input.GetValueOrDefault("project") as string,
                    slug => DatasetProblem(snapshot, slug), c.CancellationToken);
            })),
        }.RequireRoles(Requesters));
        mutation.AddField(new FieldType
        {
            Name = "reviewAccessRequest",
            Description = "A holder takes a SUBMITTED request into review (IN_REVIEW).",
            ResolvedType = result,
            Arguments = new QueryArguments(Id()),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) => requests.ReviewAsync(c.GetArgument<string>("requestId"), actor, c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Curators));
        mutation.AddField(new FieldType
        {
            Name = "commentOnAccessRequest",
            Description = "A holder's question (the request goes IN_REVIEW) or the requester's answer, on a request that is SUBMITTED or IN_REVIEW.",
            ResolvedType = result,
            Arguments = new QueryArguments(Id(), new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "text", Description = "The question or answer." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
                requests.CommentAsync(c.GetArgument<string>("requestId"), actor, c.GetArgument<string>("text"), c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Registered));
        mutation.AddField(new FieldType
        {
            Name = "approveAccessRequest",
            Description = "A holder approves a SUBMITTED or IN_REVIEW request: the requester reads the datasets' records until expiresAt.",
            ResolvedType = result,
            Arguments = new QueryArguments(
                Id(),
                new QueryArgument(Scalars.String) { Name = "reason", Description = "Why, or on which conditions." },
                new QueryArgument(Scalars.String) { Name = "expiresAt", Description = $"When the grant ends (ISO 8601); a year from now when not given, at most {AccessRequests.MaxGrant.Days} days." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
                requests.ApproveAsync(c.GetArgument<string>("requestId"), actor, c.GetArgument<string?>("reason"), Expiry(c.GetArgument<string?>("expiresAt")), c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Curators));
        mutation.AddField(new FieldType
        {
            Name = "rejectAccessRequest",
            Description = "A holder rejects a SUBMITTED or IN_REVIEW request with a reason.",
            ResolvedType = result,
            Arguments = new QueryArguments(Id(), new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "reason", Description = "Why." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
                requests.RejectAsync(c.GetArgument<string>("requestId"), actor, c.GetArgument<string>("reason"), c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Curators));
        mutation.AddField(new FieldType
        {
            Name = "revokeAccessRequest",
            Description = "A holder revokes an APPROVED (or EXPIRED) request with a reason: from then on it grants nothing, and grantExpiresAt becomes the time of the revocation.",
            ResolvedType = result,
            Arguments = new QueryArguments(Id(), new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "reason", Description = "Why (the requester sees it)." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
                requests.RevokeAsync(c.GetArgument<string>("requestId"), actor, c.GetArgument<string>("reason"), c.CancellationToken))),
        }.RequireRoles(AccessPolicy.Curators));
        mutation.AddField(new FieldType
        {
            Name = "withdrawAccessRequest",
            Description = "The requester takes back a SUBMITTED or IN_REVIEW request.",
            ResolvedType = result,
            Arguments = new QueryArguments(Id(), new QueryArgument(Scalars.String) { Name = "reason", Description = "Why, if you like." }),
            Resolver = new FuncFieldResolver<object?>(async c => await Run(c, (requests, actor) =>
                requests.WithdrawAsync(c.GetArgument<string>("requestId"), actor, c.GetArgument<string?>("reason"), c.CancellationToken))),
        }.RequireRoles(Requesters));
    }

    /// <summary>Why a dataset cannot be requested, or null when it can: it must exist and be restricted.</summary>
    public static string? DatasetProblem(Catalog.CatalogSnapshot snapshot, string slug)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Find(GraphModel.Dataset, slug) is not { } dataset)
            return "there is no such dataset.";
        var tier = dataset["accessTier"] as string ?? "restricted";
        return tier == "restricted" ? null : $"its access tier is {tier}; its records need no request.";
    }

    private static QueryArgument Id() => new(new NonNullGraphType(Scalars.String)) { Name = "requestId", Description = "The request's id." };

    private static DateTimeOffset? Expiry(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw ErrorCodes.BadInput($"'expiresAt' ({text}) is not an ISO 8601 date or time.");
    }

    private static async Task<object?> Run<T>(IResolveFieldContext c, Func<AccessRequests, AccessRequestActor, Task<T>> step)
    {
        var caller = CatalogRequest.From(c).Caller;
        var actor = caller.Role is CatalogRole.Curator or CatalogRole.Admin ? AccessRequestActor.HolderOfAll(caller.Id) : AccessRequestActor.Requester(caller.Id);
        try
        {
            return await step(c.RequestServices!.GetRequiredService<AccessRequests>(), actor).ConfigureAwait(false);
        }
        catch (AccessRequestException e)
        {
            throw new ExecutionError(e.Message) { Code = e.Code };
        }
    }
}
