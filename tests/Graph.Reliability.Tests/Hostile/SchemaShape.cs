using GraphQLParser.AST;

namespace Graph.Reliability.Tests.Hostile;

/// <summary>The types of the printed schema (schema/graph.graphql), as the hostile-input generator walks them.</summary>
internal sealed class SchemaShape
{
    private SchemaShape()
    {
    }

    /// <summary>Object and interface types by name, with their fields.</summary>
    public Dictionary<string, List<GraphQLFieldDefinition>> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Input object types by name, with their fields.</summary>
    public Dictionary<string, List<GraphQLInputValueDefinition>> Inputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Enum types by name, with their values.</summary>
    public Dictionary<string, List<string>> Enums { get; } = new(StringComparer.Ordinal);

    /// <summary>Object types that implement each interface, and the members of each union.</summary>
    public Dictionary<string, List<string>> Implementations { get; } = new(StringComparer.Ordinal);

    public static SchemaShape Load(string path)
    {
        var shape = new SchemaShape();
        var document = GraphQLParser.Parser.Parse(File.ReadAllText(path));
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLObjectTypeDefinition o:
                    shape.Outputs[o.Name.StringValue] = o.Fields?.Items.ToList() ?? [];
                    foreach (var i in o.Interfaces?.Items ?? [])
                        shape.Implementor(i.Name.StringValue).Add(o.Name.StringValue);
                    break;
                case GraphQLInterfaceTypeDefinition i:
                    shape.Outputs[i.Name.StringValue] = i.Fields?.Items.ToList() ?? [];
                    break;
                case GraphQLUnionTypeDefinition u:
                    shape.Outputs[u.Name.StringValue] = [];
                    shape.Implementor(u.Name.StringValue).AddRange(u.Types?.Items.Select(t => t.Name.StringValue) ?? []);
                    break;
                case GraphQLInputObjectTypeDefinition input:
                    shape.Inputs[input.Name.StringValue] = input.Fields?.Items.ToList() ?? [];
                    break;
                case GraphQLEnumTypeDefinition e:
                    shape.Enums[e.Name.StringValue] = e.Values?.Items.Select(v => v.Name.StringValue).ToList() ?? [];
                    break;
            }
        }

        return shape;
    }

    /// <summary>The named type under any list and non-null wrappers.</summary>
    public static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => NamedType(n.Type),
        GraphQLListType l => NamedType(l.Type),
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new ArgumentException($"Unknown type node {type.Kind}.", nameof(type)),
    };

    /// <summary>The type as written in SDL, for variable definitions.</summary>
    public static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType n => Print(n.Type) + "!",
        GraphQLListType l => "[" + Print(l.Type) + "]",
        GraphQLNamedType named => named.Name.StringValue,
        _ => throw new ArgumentException($"Unknown type node {type.Kind}.", nameof(type)),
    };

    private List<string> Implementor(string name)
    {
        if (!Implementations.TryGetValue(name, out var list))
            Implementations[name] = list = [];
        return list;
    }
}
