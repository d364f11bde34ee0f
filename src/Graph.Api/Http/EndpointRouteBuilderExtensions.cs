using Graph.Api.Schema.Execution;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Graph.Api.Http;

/// <summary>Maps the GraphQL endpoint.</summary>
internal static class EndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], (HttpContext http, CatalogExecutor executor, IGraphQLTextSerializer serializer, IOptions<ServiceLimits> limits) =>
            GraphQLHttpEndpoint.HandleAsync(http, executor, serializer, limits));
        return endpoints;
    }
}
