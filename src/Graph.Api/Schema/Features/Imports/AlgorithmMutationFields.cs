using Graph.Api.Schema.Execution;
using Graph.Api.Security;
using Graph.Catalog;
using Graph.Domain;
using Graph.Ingest.Algorithms;
using Graph.Store;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Features.Imports;

/// <summary>The curator mutation of the algorithm registry: registerAlgorithm.</summary>
/// <remarks>Not yet restricted to curators: the service has no authentication so far (see the security issue).</remarks>
internal static class AlgorithmMutationFields
{
    /// <summary>Adds the field to the Mutation type; calling it again changes nothing.</summary>
    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        if (mutation.HasField("registerAlgorithm"))
            return;

        mutation.AddField(new FieldType
        {
            Name = "registerAlgorithm",
            Description = "Registers an AI model built on the catalogue, with the datasets it was TRAINED_ON and the cancer types it TARGETS, "
                + "or updates the one with the slug (values not given are kept; a list given replaces the stored links). Applied whole or not at all.",
            ResolvedType = new NonNullGraphType(new GraphQLTypeReference(GraphModel.Algorithm.Label)),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new RegisterAlgorithmInputGraphType())) { Name = "input", Description = "The algorithm." }),
            Resolver = new FuncFieldResolver<object?>(async c =>
            {
                var input = c.GetArgument<Dictionary<string, object?>>("input");
                var registration = new AlgorithmRegistration
                {
                    Slug = (input["slug"] as string ?? "").Trim(),
                    Name = Text(input, "name"),
                    Task = Text(input, "task"),
                    Version = Text(input, "version"),
                    Metrics = Text(input, "metrics"),
                    Licence = Text(input, "licence"),
                    Url = Text(input, "url"),
                    TrainedOn = List(input, "trainedOn"),
                    Targets = List(input, "targets"),
                };
                var services = c.RequestServices!;
                var index = services.GetRequiredService<CatalogIndex>();
                try
                {
                    await AlgorithmRegistry.RegisterAsync(
                        services.GetRequiredService<GraphWriter>(), new AlgorithmCatalogue(index.Current), registration, "mutation:registerAlgorithm", c.CancellationToken);
                }
                catch (ChangeSetRejectedException e)
                {
                    throw ErrorCodes.BadInput(string.Join(" ", e.Errors.Select(error => error.EndsWith('.') ? error : error + ".")));
                }

                var request = CatalogRequest.From(c);
                request.Use(index.Current);
                return request.Snapshot.Find(GraphModel.Algorithm, registration.Slug)
                    ?? throw new InvalidOperationException($"Algorithm {registration.Slug} was written but is not in the index.");
            }),
        }.RequireRoles(AccessPolicy.Curators));
    }

    private static string? Text(Dictionary<string, object?> input, string name) =>
        input.GetValueOrDefault(name) is string { Length: > 0 } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static List<string>? List(Dictionary<string, object?> input, string name) =>
        (input.GetValueOrDefault(name) as IEnumerable<object?>)?.Select(item => (item as string ?? "").Trim()).ToList();
}
