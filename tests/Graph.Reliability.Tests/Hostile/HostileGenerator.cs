using System.Text;
using GraphQLParser.AST;

namespace Graph.Reliability.Tests.Hostile;

/// <summary>Generates random and malicious GraphQL requests against the real schema from a seed: the same seed, the same requests.</summary>
internal sealed partial class HostileGenerator(SchemaShape schema, int seed)
{
    private static readonly string[] Kinds =
        ["random", "random", "random", "deep", "aliases", "fragments", "huge", "variables", "syntax", "directives", "introspection", "body", "batch", "get", "mutation"];

    private readonly Random _random = new(seed);
    private int _variables;
    private List<string> _definitions = [];
    private Dictionary<string, string> _values = [];

    public HostileRequest Next()
    {
        _variables = 0;
        _definitions = [];
        _values = [];
        var kind = Kinds[_random.Next(Kinds.Length)];
        return kind switch
        {
            "random" => Post(kind, "{ " + Selection("Query", 0, maxDepth: 6) + " }"),
            "deep" => Post(kind, "{ " + Selection("Query", 0, maxDepth: _random.Next(20, 300), deep: true) + " }"),
            "aliases" => Post(kind, Aliases()),
            "fragments" => Post(kind, FragmentBomb()),
            "huge" => Post(kind, Huge()),
            "variables" => Variables(),
            "syntax" => Post(kind, Garbage()),
            "directives" => Post(kind, Directives()),
            "introspection" => Post(kind, Introspection()),
            "body" => RawBody(),
            "batch" => Batch(),
            "mutation" => Post(kind, "mutation { " + Selection("Mutation", 0, maxDepth: 3) + " }"),
            _ => Get(),
        };
    }

    private HostileRequest Post(string kind, string query, string? operationName = null)
    {
        var variables = _values.Count == 0 ? "null" : "{" + string.Join(",", _values.Select(v => HostileStrings.JsonLiteral(v.Key) + ":" + v.Value)) + "}";
        var definitions = string.Join(", ", _definitions);
        var document = _definitions.Count == 0 ? query
            : query.StartsWith('{') ? $"query Q({definitions}) " + query
            : query.StartsWith("mutation {", StringComparison.Ordinal) ? $"mutation M({definitions}) " + query["mutation ".Length..]
            : query;
        var name = operationName is null ? "" : ",\"operationName\":" + HostileStrings.JsonLiteral(operationName);
        return new HostileRequest(kind, Encoding.UTF8.GetBytes($"{{\"query\":{HostileStrings.JsonLiteral(document)},\"variables\":{variables}{name}}}"), null);
    }

    private string Selection(string typeName, int depth, int maxDepth, bool deep = false)
    {
        if (!schema.Outputs.TryGetValue(typeName, out var fields) || fields.Count == 0)
            return Fragment(typeName, depth, maxDepth, deep);
        var parts = new List<string>();
        var count = deep ? 1 : _random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var candidates = deep ? fields.Where(f => IsComposite(f.Type)).ToList() : fields;
            if (candidates.Count == 0)
                candidates = fields;
            var field = candidates[_random.Next(candidates.Count)];
            var alias = _random.Next(8) == 0 ? $"a{_random.Next(1000)}: " : "";
            var text = alias + field.Name.StringValue + Arguments(field.Arguments?.Items);
            var target = SchemaShape.NamedType(field.Type);
            if (IsComposite(field.Type))
                text += depth >= maxDepth ? " { __typename }" : " { " + Selection(target, depth + 1, maxDepth, deep) + " }";
            parts.Add(text);
        }

        if (_random.Next(6) == 0 && schema.Implementations.ContainsKey(typeName))
            parts.Add(Fragment(typeName, depth, maxDepth, deep));
        return string.Join(" ", parts);
    }

    private string Fragment(string typeName, int depth, int maxDepth, bool deep)
    {
        if (!schema.Implementations.TryGetValue(typeName, out var types) || types.Count == 0)
            return "__typename";
        var type = types[_random.Next(types.Count)];
        return $"__typename ... on {type} {{ {(depth >= maxDepth ? "__typename" : Selection(type, depth + 1, maxDepth, deep))} }}";
    }

    private bool IsLeaf(GraphQLType type) => !schema.Inputs.ContainsKey(SchemaShape.NamedType(type));

    private bool IsComposite(GraphQLType type) => schema.Outputs.ContainsKey(SchemaShape.NamedType(type));

    private string Arguments(IEnumerable<GraphQLInputValueDefinition>? arguments)
    {
        var given = new List<string>();
        foreach (var argument in arguments ?? [])
        {
            var required = argument.Type is GraphQLNonNullType;
            if (required ? _random.Next(20) == 0 : _random.Next(3) != 0)
                continue; // sometimes leave out a required argument, mostly leave out optional ones
            var name = _random.Next(40) == 0 ? "bogus" + _random.Next(100) : argument.Name.StringValue;
            if (_random.Next(4) == 0)
            {
                var variable = "v" + _variables++;
                _definitions.Add($"${variable}: {(_random.Next(15) == 0 ? "Int" : SchemaShape.Print(argument.Type))}");
                _values[variable] = Json(argument.Type, 0);
                given.Add($"{name}: ${variable}");
            }
            else
            {
                given.Add($"{name}: {Literal(argument.Type, 0)}");
            }
        }

        return given.Count == 0 ? "" : "(" + string.Join(", ", given) + ")";
    }
}
