using GraphQL.Types;

namespace Graph.Api.Schema;

/// <summary>The GraphQL schema of the catalogue, generated from the graph model.</summary>
internal sealed class CatalogSchema : GraphQL.Types.Schema
{
    public CatalogSchema()
    {
        var node = new InterfaceGraphType { Name = "Node", Description = "An object with a global id." };
        node.AddField(new GraphQL.Types.FieldType { Name = "id", ResolvedType = new NonNullGraphType(Scalars.Id), Description = "The global id, for node(id:)." });
        var filters = new FilterInputGraphTypes();
        var nodes = new NodeGraphTypes(node, filters);
        Query = new QueryGraphType(node, nodes, filters);
        Description = "Cancer Imaging Graph: the catalogue of a European federation of cancer-imaging repositories.";
        RegisterType(node);
        foreach (var type in nodes.All)
            RegisterType(type);
    }
}
