using Graph.Api.Schema.Execution;
using Graph.Catalog;
using Graph.Catalog.Access;
using Graph.Catalog.Disclosure;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>The root query: node lookups, a connection and a key lookup per node kind, and catalogue statistics.</summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType(InterfaceGraphType node, NodeGraphTypes nodes, FilterInputGraphTypes filters, OrderInputGraphTypes orders, AggregateGraphTypes aggregates)
    {
        Name = "Query";
        AddField(new FieldType
        {
            Name = "node",
            Description = "Fetches any node by its global id.",
            ResolvedType = node,
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(Scalars.Id)) { Name = "id", Description = "A global id." }),
            Resolver = new FuncFieldResolver<object?>(context => Resolve(context, context.GetArgument<string>("id"))),
        });
        AddField(new FieldType
        {
            Name = "nodes",
            Description = "Fetches nodes by global id, in the order given; null where an id matches nothing.",
            ResolvedType = new NonNullGraphType(new ListGraphType(node)),
            Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(new ListGraphType(new NonNullGraphType(Scalars.Id)))) { Name = "ids", Description = "Global ids." }),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                var ids = context.GetArgument<List<string>>("ids");
                var max = CatalogRequest.From(context).Limits.MaxNodeIds;
                if (ids.Count > max)
                    throw ErrorCodes.BadInput($"'ids' has {ids.Count} ids; at most {max} are accepted.");
                return ids.Select(id => Resolve(context, id)).ToList();
            }),
        });

        foreach (var kind in GraphModel.NodeKinds)
        {
            AddField(new FieldType
            {
                Name = kind.Plural,
                Description = $"Every {kind.Label}: {kind.Description}",
                ResolvedType = new NonNullGraphType(nodes.ConnectionFor(kind)),
                Arguments = ConnectionArguments.For(kind, filters, orders),
                Resolver = new FuncFieldResolver<object?>(context =>
                {
                    var request = CatalogRequest.From(context);
                    var page = ConnectionArguments.Page(context, request);
                    var connection = NodeConnection.Of(request.Snapshot, kind, ConnectionArguments.Where(context, kind, request.Limits), ConnectionArguments.Order(context), page);
                    request.BatchReads++;
                    return connection;
                }),
            }.Disclosed(DisclosureKind.Readable));
            AddField(new FieldType
            {
                Name = $"{char.ToLowerInvariant(kind.Label[0])}{kind.Label[1..]}ByKey",
                Description = $"Finds a {kind.Label} by its natural key ({kind.KeyField}).",
                ResolvedType = nodes.For(kind),
                Arguments = new QueryArguments(new QueryArgument(new NonNullGraphType(Scalars.String)) { Name = "key", Description = kind.KeyDescription }),
                Resolver = new FuncFieldResolver<object?>(context => CatalogRequest.From(context).Snapshot.Find(kind, context.GetArgument<string>("key"))),
            });
        }

        AddField(new FieldType
        {
            Name = "catalogueStatistics",
            Description = "How many nodes of each kind the whole catalogue holds, and its change sequence: catalogue-level kinds exactly (public metadata), " +
                "patient-level kinds protected for callers who may not read every record.",
            ResolvedType = new NonNullGraphType(StatisticsType(aggregates)),
            Resolver = new FuncFieldResolver<object?>(context => CatalogRequest.From(context).Aggregates),
        }.Disclosed(DisclosureKind.Protected));
    }

    private static GraphNode? Resolve(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var kind, out var key))
            throw ErrorCodes.BadInput($"'{(id.Length > 80 ? id[..80] + "..." : id)}' is not a global id of this service.");
        return CatalogRequest.From(context).Snapshot.Find(kind!, key);
    }

    private static ObjectGraphType<ProtectedCatalog> StatisticsType(AggregateGraphTypes aggregates)
    {
        var type = new ObjectGraphType<ProtectedCatalog> { Name = "CatalogueStatistics", Description = "Counts of live nodes." };
        foreach (var kind in GraphModel.NodeKinds)
        {
            if (RecordAccess.PatientLevelKinds.Contains(kind))
                AggregateGraphTypes.Add(type, kind.Plural, aggregates.Count, true, $"The number of {kind.Label} nodes, protected.", c => c.Count(kind));
            else
                AggregateGraphTypes.Add(type, kind.Plural, Scalars.Int, true, kind == GraphModel.Cohort
                    ? "The number of Cohort nodes the caller may read (its own, those shared with it, the public ones; exact)."
                    : $"The number of {kind.Label} nodes (public metadata, exact).", c => (int)c.Count(kind).Value).Disclosed(DisclosureKind.Public);
        }

        AggregateGraphTypes.Add(type, "relationships", Scalars.Int, false,
            "The number of relationships of every kind, the series' CODED_AS links derived from their modality and body part included; null for callers who may not read every record.",
            c => c.IsExact ? GraphModel.Relations.Sum(c.RelationshipCount) : null);
        AggregateGraphTypes.Add(type, "catalogueVersion", Scalars.Long, true, "The change sequence the answer reflects.", c => c.CatalogueVersion).Disclosed(DisclosureKind.Public);
        return type;
    }
}
