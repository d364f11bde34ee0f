using Graph.Api.Schema.Execution;
using Graph.Catalog;
using Graph.Catalog.Querying;
using Graph.Domain;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Graph.Api.Schema.Types;

/// <summary>Builds one object type per node kind, with scalar fields, relationship fields both ways and connections.</summary>
internal sealed class NodeGraphTypes
{
    private readonly Dictionary<string, ObjectGraphType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectGraphType> _connections = new(StringComparer.Ordinal);

    private readonly OrderInputGraphTypes _orders;

    public NodeGraphTypes(InterfaceGraphType node, FilterInputGraphTypes filters, OrderInputGraphTypes orders, SearchGraphTypes search)
    {
        _orders = orders;
        PageInfo = ConnectionGraphTypes.PageInfo();
        foreach (var kind in GraphModel.NodeKinds)
        {
            var type = new ObjectGraphType { Name = kind.Label, Description = kind.Description };
            _types[kind.Label] = type;
            _connections[kind.Label] = ConnectionGraphTypes.Connection(kind, type, PageInfo, search);
        }

        node.ResolveType = value => value is GraphNode n ? _types[n.Kind.Label] : null;
        foreach (var kind in GraphModel.NodeKinds)
        {
            Populate(kind, filters);
            _types[kind.Label].AddResolvedInterface(node);
            node.AddPossibleType(_types[kind.Label]);
        }
    }

    public ObjectGraphType PageInfo { get; }

    public IEnumerable<IGraphType> All => _types.Values.Concat(_connections.Values);

    public ObjectGraphType For(NodeKind kind) => _types[kind.Label];

    public ObjectGraphType ConnectionFor(NodeKind kind) => _connections[kind.Label];

    private void Populate(NodeKind kind, FilterInputGraphTypes filters)
    {
        var type = _types[kind.Label];
        ConnectionGraphTypes.Add(type, "id", new NonNullGraphType(Scalars.Id), "The global id, for node(id:).", c => GlobalId.Encode(kind, ((GraphNode)c.Source!).Key));
        ConnectionGraphTypes.Add(type, kind.KeyField, new NonNullGraphType(Scalars.String), kind.KeyDescription, c => ((GraphNode)c.Source!).Key);
        foreach (var field in kind.Fields.Where(f => !f.Internal))
        {
            var name = field.Name;
            ConnectionGraphTypes.Add(type, name, ScalarType(field), field.Description, field.Type == ValueKind.Int
                ? c => ((GraphNode)c.Source!)[name] is long l ? (int)l : null
                : c => ((GraphNode)c.Source!)[name]).Disclosed(DisclosureKind.Record);
        }

        foreach (var relation in RelationField.Of(kind))
        {
            if (relation.Single)
                AddSingle(type, relation);
            else
                AddConnection(type, relation, filters);
        }
    }

    private void AddSingle(ObjectGraphType type, RelationField relation) =>
        type.AddField(new FieldType
        {
            Name = relation.Name,
            Description = relation.Description,
            ResolvedType = _types[relation.Target.Label],
            // One step along the snapshot's adjacency per parent: nothing to batch (a loader only added its bookkeeping).
            Resolver = new FuncFieldResolver<object?>(context => CatalogRequest.From(context).Snapshot.FirstRelated((GraphNode)context.Source!, relation)),
        });

    private void AddConnection(ObjectGraphType type, RelationField relation, FilterInputGraphTypes filters) =>
        type.AddField(new FieldType
        {
            Name = relation.Name,
            Description = relation.Description,
            ResolvedType = new NonNullGraphType(_connections[relation.Target.Label]),
            Arguments = ConnectionArguments.For(relation.Target, filters, _orders),
            Resolver = new FuncFieldResolver<object?>(context =>
            {
                var request = CatalogRequest.From(context);
                var page = ConnectionArguments.Page(context, request);
                var where = ConnectionArguments.Where(context, relation.Target, request.Limits);
                var order = ConnectionArguments.Order(context);
                var loader = request.Loader<NodeConnection>(context.FieldAst, parents => NodeConnection.Related(request.Snapshot, relation, parents, where, order, page));
                return loader.Load((GraphNode)context.Source!);
            }),
        }).Disclosed(DisclosureKind.Readable);

    private static IGraphType ScalarType(FieldDef field) => field.Type switch
    {
        ValueKind.Int => Scalars.Int,
        ValueKind.Long => Scalars.Long,
        ValueKind.Float => Scalars.Float,
        ValueKind.Bool => Scalars.Boolean,
        ValueKind.StringList => new ListGraphType(new NonNullGraphType(Scalars.String)),
        _ => Scalars.String,
    };
}
