using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Features.Cohort;
using Graph.Api.Security;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Graph.Api.Schema.Types;

/// <summary>The root mutation type.</summary>
internal sealed class MutationGraphType : ObjectGraphType
{
    public MutationGraphType(NodeGraphTypes nodes, CohortGraphTypes cohorts)
    {
        Name = "Mutation";
        AddField(new FieldType
        {
            Name = "saveCohort",
            Description = "Saves a cohort as version 1: its criteria, the catalogue version they ran on, and the patients and series they select now, frozen.",
            ResolvedType = new NonNullGraphType(nodes.For(Domain.GraphModel.Cohort)),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(cohorts.SaveInput)) { Name = "input", Description = "The cohort." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var name = (input["name"] as string)?.Trim();
                if (string.IsNullOrEmpty(name) || name.Length > 200)
                    throw ErrorCodes.BadInput("'name' must have 1 to 200 characters.");
                var criteria = input["criteria"] as IDictionary<string, object?> ?? new Dictionary<string, object?>();
                var sharing = CohortSharing.Parse(input.GetValueOrDefault("visibility") as string, input.GetValueOrDefault("sharedWith") as IEnumerable<object?>);
                var request = CatalogRequest.From(c);
                var cohort = await c.RequestServices!.GetRequiredService<CohortService>()
                    .SaveAsync(name, input.TryGetValue("description", out var d) ? d as string : null, criteria, sharing, request.Caller, c.CancellationToken);
                request.Use(cohort.Snapshot);
                return request.Snapshot.Find(Domain.GraphModel.Cohort, cohort.Key);
            }),
        }.RequireRoles(AccessPolicy.Registered));
    }
}
