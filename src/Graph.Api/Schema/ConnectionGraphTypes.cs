using Graph.Domain;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>Builds the Relay connection, edge and page-info types.</summary>
internal static class ConnectionGraphTypes
{
    public static ObjectGraphType PageInfo()
    {
        var type = new ObjectGraphType { Name = "PageInfo", Description = "Where a page sits in its connection." };
        Add(type, "hasNextPage", new NonNullGraphType(Scalars.Boolean), "Whether nodes follow this page.", c => ((ConnectionSource)c.Source!).Page.HasNext);
        Add(type, "hasPreviousPage", new NonNullGraphType(Scalars.Boolean), "Whether nodes precede this page.", c => ((ConnectionSource)c.Source!).Page.HasPrevious);
        Add(type, "startCursor", Scalars.String, "The cursor of the first node of the page.", c => ((ConnectionSource)c.Source!).StartCursor);
        Add(type, "endCursor", Scalars.String, "The cursor of the last node of the page.", c => ((ConnectionSource)c.Source!).EndCursor);
        return type;
    }

    public static ObjectGraphType Connection(NodeKind kind, IObjectGraphType nodeType, IObjectGraphType pageInfo)
    {
        var edge = new ObjectGraphType { Name = $"{kind.Label}Edge", Description = $"A {kind.Label} in a connection, with its cursor." };
        Add(edge, "cursor", new NonNullGraphType(Scalars.String), "Pass to after or before to page from here.", c => (((string Cursor, Catalog.GraphNode Node))c.Source!).Cursor);
        Add(edge, "node", new NonNullGraphType(nodeType), $"The {kind.Label}.", c => (((string Cursor, Catalog.GraphNode Node))c.Source!).Node);

        var connection = new ObjectGraphType { Name = $"{kind.Label}Connection", Description = $"A page of {kind.Label} nodes." };
        Add(connection, "edges", new NonNullGraphType(new ListGraphType(new NonNullGraphType(edge))), "The nodes of the page with their cursors.", c => ((ConnectionSource)c.Source!).Edges);
        Add(connection, "nodes", new NonNullGraphType(new ListGraphType(new NonNullGraphType(nodeType))), "The nodes of the page.", c => ((ConnectionSource)c.Source!).Nodes);
        Add(connection, "pageInfo", new NonNullGraphType(pageInfo), "Where the page sits.", c => c.Source);
        Add(connection, "totalCount", new NonNullGraphType(Scalars.Int), "The number of nodes in the whole connection (all pages).", c => ((ConnectionSource)c.Source!).Page.TotalCount);
        return connection;
    }

    internal static void Add(IComplexGraphType type, string name, IGraphType graphType, string description, Func<GraphQL.IResolveFieldContext, object?> resolve) =>
        type.AddField(new GraphQL.Types.FieldType { Name = name, ResolvedType = graphType, Description = description, Resolver = new FuncFieldResolver<object?>(resolve) });
}
