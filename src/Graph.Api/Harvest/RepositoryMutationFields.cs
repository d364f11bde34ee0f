using Graph.Api.Hosting;
using Graph.Api.Schema.Execution;
using Graph.Api.Schema.Types;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Harvest;
using Graph.Store;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.Options;

namespace Graph.Api.Harvest;

/// <summary>Admin mutations of the repository registry: addRepository and removeRepository.</summary>
/// <remarks>
/// Not yet restricted to admins: the service has no authentication so far, so deployments must keep the endpoint
/// private until the security model (roles, API keys, JWT) lands. Harvest settings and credentials stay in
/// configuration; these mutations touch only Repository nodes.
/// </remarks>
internal static class RepositoryMutationFields
{
    /// <summary>Adds the fields to the Mutation type; calling it again changes nothing.</summary>
    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        if (mutation.HasField("addRepository"))
            return;

        mutation.AddField(new FieldType
        {
            Name = "addRepository",
            Description = "Registers a DICOMweb repository as a Repository node, or updates the one with the slug (values not given are kept). "
                + "Harvest settings and credentials are configuration (Graph:Harvest:Repositories:SLUG), never part of the graph.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(GraphModel.Repository.Label)),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new AddRepositoryInputGraphType())) { Name = "input", Description = "The repository." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var registration = new RepositoryRegistration
                {
                    Slug = (input["slug"] as string ?? "").Trim(),
                    Name = input["name"] as string ?? "",
                    BaseUrl = (input["baseUrl"] as string ?? "").Trim(),
                    Country = (input.GetValueOrDefault("country") as string)?.Trim().ToUpperInvariant(),
                    Institution = input.GetValueOrDefault("institution") as string,
                    Contact = input.GetValueOrDefault("contact") as string,
                    Description = input.GetValueOrDefault("description") as string,
                    ViewerUrlTemplate = input.GetValueOrDefault("viewerUrlTemplate") as string,
                };
                if (registration.Validate() is { Count: > 0 } errors)
                    throw ErrorCodes.BadInput(string.Join(" ", errors));
                var services = c.RequestServices!;
                try
                {
                    await RepositoryRegistry.AddAsync(services.GetRequiredService<IGraphStore>(), services.GetRequiredService<GraphWriter>(), registration, c.CancellationToken);
                }
                catch (ChangeSetRejectedException e)
                {
                    throw ErrorCodes.BadInput(e.Message);
                }

                var request = CatalogRequest.From(c);
                request.Use(services.GetRequiredService<CatalogIndex>().Current);
                return request.Snapshot.Find(GraphModel.Repository, registration.Slug)
                    ?? throw new InvalidOperationException($"Repository {registration.Slug} was written but is not in the index.");
            }),
        }.RequireRoles(AccessPolicy.Curators));

        mutation.AddField(new FieldType
        {
            Name = "removeRepository",
            Description = "Deletes a repository's node with its relationships and its harvest runs. Refused while it hosts datasets, unless force: "
                + "the datasets, patients, studies and series then stay in the catalogue without a repository.",
            ResolvedType = new NonNullGraphType(new RemoveRepositoryPayloadGraphType()),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "slug", Description = "The repository's slug." },
                new QueryArgument(Scalars.Boolean) { Name = "force", DefaultValue = false, Description = "Remove it even though it hosts datasets." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var slug = c.GetArgument<string>("slug");
                var services = c.RequestServices!;
                var removal = await RepositoryRegistry.RemoveAsync(
                    services.GetRequiredService<IGraphStore>(),
                    services.GetRequiredService<GraphWriter>(),
                    slug,
                    c.GetArgument("force", false),
                    services.GetRequiredService<IOptions<GraphOptions>>().Value.DataDirectory,
                    c.CancellationToken);
                if (!removal.Found)
                    throw new ExecutionError($"No repository '{slug}'.") { Code = ErrorCodes.NotFound };
                if (!removal.Removed)
                {
                    throw ErrorCodes.BadInput(
                        $"Repository '{slug}' hosts {removal.Datasets.Count} datasets ({string.Join(", ", removal.Datasets)}); nothing was removed. "
                        + "Pass force: true to remove it anyway; the datasets stay in the catalogue without a repository.");
                }

                CatalogRequest.From(c).Use(services.GetRequiredService<CatalogIndex>().Current);
                return new RemovedRepository(slug, removal);
            }),
        }.RequireRoles(AccessPolicy.Curators));
    }
}
