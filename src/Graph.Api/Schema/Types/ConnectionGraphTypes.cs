using Graph.Api.Schema.Execution;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Builds the Relay connection, edge and page-info types.</summary>
internal static class ConnectionGraphTypes
{
    public static ObjectGraphType PageInfo()
    {
        var type = new ObjectGraphType { Name = "PageInfo", Description = "Where a page sits in its connection." };
        Add(type, "hasNextPage", new NonNullGraphType(Scalars.Boolean), "Whether nodes follow this page.", c => ((NodeConnection)c.Source!).HasNext);
        Add(type, "hasPreviousPage", new NonNullGraphType(Scalars.Boolean), "Whether nodes precede this page.", c => ((NodeConnection)c.Source!).HasPrevious);
        Add(type, "startCursor", Scalars.String, "The cursor of the first node of the page.", c => Sealed(c, ((NodeConnection)c.Source!).StartCursor));
        Add(type, "endCursor", Scalars.String, "The cursor of the last node of the page.", c => Sealed(c, ((NodeConnection)c.Source!).EndCursor));
        return type;
    }

    public static ObjectGraphType Connection(NodeKind kind, IObjectGraphType nodeType, IObjectGraphType pageInfo, SearchGraphTypes search)
    {
        var edge = new ObjectGraphType { Name = $"{kind.Label}Edge", Description = $"A {kind.Label} in a connection, with its cursor." };
        Add(edge, "cursor", new NonNullGraphType(Scalars.String), "Pass to after or before to page from here.", c => Sealed(c, (((string Cursor, Catalog.GraphNode Node))c.Source!).Cursor));
        Add(edge, "node", new NonNullGraphType(nodeType), $"The {kind.Label}.", c => (((string Cursor, Catalog.GraphNode Node))c.Source!).Node);

        var connection = new ObjectGraphType { Name = $"{kind.Label}Connection", Description = $"A page of {kind.Label} nodes." };
        Add(connection, "edges", new NonNullGraphType(new ListGraphType(new NonNullGraphType(edge))), "The nodes of the page with their cursors.", c => ((NodeConnection)c.Source!).Edges);
        Add(connection, "nodes", new NonNullGraphType(new ListGraphType(new NonNullGraphType(nodeType))), "The nodes of the page.", c => ((NodeConnection)c.Source!).Nodes);
        Add(connection, "pageInfo", new NonNullGraphType(pageInfo), "Where the page sits.", c => c.Source);
        Add(connection, "totalCount", new NonNullGraphType(Scalars.Int), "The number of nodes in the whole connection (all pages) that the caller may read.", c => ((NodeConnection)c.Source!).TotalCount).Disclosed(DisclosureKind.Readable);
        connection.AddField(new FieldType
        {
            Name = "facets",
            Description = $"Counts per value of facet fields of {kind.Label} or of related nodes (e.g. patient.sex, series.modality) over the whole connection. " +
                "With multiSelect, each facet leaves its own where-clause out of its counts.",
            ResolvedType = new NonNullGraphType(new ListGraphType(new NonNullGraphType(search.Facet))),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(new ListGraphType(new NonNullGraphType(Scalars.String)))) { Name = "fields", Description = "Facet field paths." },
                new QueryArgument(Scalars.Int) { Name = "limit", DefaultValue = 20, Description = $"Values per facet (1 to {Facets.MaxLimit})." },
                new QueryArgument(Scalars.Boolean) { Name = "multiSelect", DefaultValue = true, Description = "Leave a facet's own clause out of its counts." }),
            Resolver = new FuncFieldResolver<object?>(c =>
                ((NodeConnection)c.Source!).Facets(c.GetArgument<List<string>>("fields"), c.GetArgument("limit", 20), c.GetArgument("multiSelect", true))),
        }).Disclosed(DisclosureKind.Readable);
        connection.AddField(new FieldType
        {
            Name = "histogram",
            Description = "The distribution of a numeric field (own, or of a single related node such as patient.ageAtDiagnosis) over the whole connection.",
            ResolvedType = new NonNullGraphType(search.Histogram),
            Arguments = new QueryArguments(
                new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "field", Description = "A numeric field path." },
                new QueryArgument(Scalars.Int) { Name = "bins", Description = "Number of equal bins from min to max (default 10)." },
                new QueryArgument(Scalars.Float) { Name = "width", Description = "Bin width instead of a count; bins start at a multiple of it." },
                new QueryArgument(Scalars.Boolean) { Name = "multiSelect", DefaultValue = true, Description = "Leave the field's own clause out." }),
            Resolver = new FuncFieldResolver<object?>(c =>
                ((NodeConnection)c.Source!).Histogram(c.GetArgument<string>("field"), c.GetArgument<int?>("bins"), c.GetArgument<double?>("width"), c.GetArgument("multiSelect", true))),
        }).Disclosed(DisclosureKind.Readable);
        return connection;
    }

    // Callers are given sealed cursors, which say nothing of where a record lies among those they may not read.
    private static string? Sealed(IResolveFieldContext context, string? cursor) => CatalogRequest.From(context).Cursors.Seal(cursor);

    internal static FieldType Add(IComplexGraphType type, string name, IGraphType graphType, string description, Func<GraphQL.IResolveFieldContext, object?> resolve) =>
        type.AddField(new FieldType { Name = name, ResolvedType = graphType, Description = description, Resolver = new FuncFieldResolver<object?>(resolve) });
}
