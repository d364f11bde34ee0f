using System.Globalization;
using System.Text;
using GraphQLParser.AST;

namespace Graph.Reliability.Tests.Hostile;

/// <summary>Generates random and malicious GraphQL requests against the real schema from a seed: the same seed, the same requests.</summary>
internal sealed class HostileGenerator(SchemaShape schema, int seed)
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

    private string Literal(GraphQLType type, int depth)
    {
        if (_random.Next(12) == 0)
            return WrongLiteral();
        switch (type)
        {
            case GraphQLNonNullType n:
                return Literal(n.Type, depth);
            case GraphQLListType l:
                var items = depth == 0 && IsLeaf(l.Type) && _random.Next(30) == 0 ? _random.Next(1_000, 20_000) : _random.Next(0, 4);
                return "[" + string.Join(", ", Enumerable.Range(0, items).Select(_ => Literal(l.Type, depth + 1))) + "]";
        }

        var name = SchemaShape.NamedType(type);
        if (schema.Enums.TryGetValue(name, out var values))
            return _random.Next(10) == 0 ? "NOT_A_VALUE" : values[_random.Next(values.Count)];
        if (schema.Inputs.TryGetValue(name, out var fields))
        {
            if (depth > (_random.Next(10) == 0 ? 40 : 4))
                return "{}";
            var chosen = fields.Where(f => f.Type is GraphQLNonNullType || _random.Next(4) == 0).Take(_random.Next(1, 4));
            return "{ " + string.Join(", ", chosen.Select(f => f.Name.StringValue + ": " + Literal(f.Type, depth + 1))) + " }";
        }

        return name switch
        {
            "Int" => Number(integer: true),
            "Long" => _random.Next(3) == 0 ? "9223372036854775808" : Number(integer: true),
            "Float" => Number(integer: false),
            "Boolean" => _random.Next(2) == 0 ? "true" : "false",
            _ => HostileStrings.GraphQLLiteral(HostileStrings.Any(_random)),
        };
    }

    private string WrongLiteral() => _random.Next(7) switch
    {
        0 => "null",
        1 => "{ x: 1 }",
        2 => "[[[[1]]]]",
        3 => HostileStrings.GraphQLLiteral(HostileStrings.Any(_random)),
        4 => "1e400",
        5 => "-0",
        _ => "ENUM_VALUE",
    };

    private string Number(bool integer) => _random.Next(8) switch
    {
        0 => "0",
        1 => "-1",
        2 => "2147483647",
        3 => "-2147483648",
        4 => "2147483648",
        5 => integer ? "1000000" : "1.7976931348623157e308",
        _ => integer ? _random.Next(-5, 2000).ToString(CultureInfo.InvariantCulture) : (_random.NextDouble() * 1000).ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>A JSON value for a variable of the type, wrong now and then.</summary>
    private string Json(GraphQLType type, int depth)
    {
        if (_random.Next(8) == 0)
        {
            return _random.Next(6) switch
            {
                0 => "null",
                1 => "{\"x\":[1,2,{\"y\":null}]}",
                2 => string.Concat(Enumerable.Repeat("[", 60)) + string.Concat(Enumerable.Repeat("]", 60)),
                3 => "1e400",
                4 => "\"" + new string('9', 400) + "\"",
                _ => HostileStrings.JsonLiteral(HostileStrings.Any(_random)),
            };
        }

        switch (type)
        {
            case GraphQLNonNullType n:
                return Json(n.Type, depth);
            case GraphQLListType l:
                var items = depth == 0 && IsLeaf(l.Type) && _random.Next(30) == 0 ? _random.Next(1_000, 20_000) : _random.Next(0, 4);
                return "[" + string.Join(",", Enumerable.Range(0, items).Select(_ => Json(l.Type, depth + 1))) + "]";
        }

        var name = SchemaShape.NamedType(type);
        if (schema.Enums.TryGetValue(name, out var values))
            return HostileStrings.JsonLiteral(values[_random.Next(values.Count)]);
        if (schema.Inputs.TryGetValue(name, out var fields))
        {
            if (depth > (_random.Next(10) == 0 ? 40 : 4))
                return "{}";
            var chosen = fields.Where(f => f.Type is GraphQLNonNullType || _random.Next(4) == 0).Take(_random.Next(1, 4));
            return "{" + string.Join(",", chosen.Select(f => HostileStrings.JsonLiteral(f.Name.StringValue) + ":" + Json(f.Type, depth + 1))) + "}";
        }

        return name switch
        {
            "Int" or "Long" or "Float" => Number(name != "Float"),
            "Boolean" => _random.Next(2) == 0 ? "true" : "false",
            _ => HostileStrings.JsonLiteral(HostileStrings.Any(_random)),
        };
    }

    private string Aliases()
    {
        string[] expensive =
        [
            "series(first: 1000) { totalCount facets(fields: [\"modality\", \"bodyPart\", \"manufacturer\", \"patient.sex\", \"datasets.slug\"]) { values { value count } } }",
            "cohortPreview(criteria: { patients: { ageAtDiagnosis: { gte: 1 } }, series: { modality: { neq: \"XX\" } } }) { patients { value } series { value } datasets { value } }",
            "search(text: \"s\", first: 200) { totalCount hits { score } }",
            "patients(first: 1000) { nodes { studies { nodes { series { totalCount } } } } }",
            "catalogueStatistics { series { value } }",
        ];
        var field = expensive[_random.Next(expensive.Length)];
        var count = _random.Next(10, 4000);
        var text = new StringBuilder("{ ");
        for (var i = 0; i < count && text.Length < 250_000; i++)
            text.Append('a').Append(i).Append(": ").Append(field).Append(' ');
        return text.Append('}').ToString();
    }

    private string FragmentBomb()
    {
        // "Billion laughs": each fragment spreads the next one several times; also cycles, which validation must reject.
        var levels = _random.Next(5, 40);
        var width = _random.Next(2, 10);
        var text = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < levels; i++)
        {
            var next = i + 1 < levels ? $"F{i + 1}" : (_random.Next(3) == 0 ? "F0" : null);
            var spreads = next is null ? "catalogueStatistics { series { value } } __typename" : string.Join(" ", Enumerable.Repeat("..." + next, width));
            text.Append("fragment F").Append(i).Append(" on Query { ").Append(spreads).Append(" } ");
        }

        return text.ToString();
    }

    private string Huge() => _random.Next(5) switch
    {
        0 => "{ search(text: " + HostileStrings.GraphQLLiteral(HostileStrings.Huge(_random)) + ") { totalCount } }",
        1 => "{ nodes(ids: [" + string.Join(",", Enumerable.Range(0, _random.Next(1_000, 20_000)).Select(i => HostileStrings.GraphQLLiteral("UGF0aWVudDo" + i))) + "]) { id } }",
        2 => "{ series(where: { modality: { in: [" + string.Join(",", Enumerable.Range(0, _random.Next(1_000, 30_000)).Select(i => "\"M" + i + "\"")) + "] } }) { totalCount } }",
        3 => "{ " + new string('a', _random.Next(1_000, 200_000)) + " }",
        _ => "{ patients(first: 1000, where: { pseudonym: { contains: " + HostileStrings.GraphQLLiteral(HostileStrings.RandomUnicode(_random, 50_000)) + " } }) { totalCount } }",
    };

    private HostileRequest Variables()
    {
        var text = Selection("Query", 0, maxDepth: 3);
        if (_definitions.Count == 0)
        {
            _definitions.Add("$x: [[String!]!]");
            _values["x"] = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        }

        if (_random.Next(2) == 0)
            _values["unused" + _random.Next(10)] = HostileStrings.JsonLiteral(HostileStrings.Huge(_random));
        return Post("variables", "{ " + text + " }");
    }

    private string Garbage()
    {
        string[] tokens = ["{", "}", "(", ")", "[", "]", ":", "...", "@", "$", "!", "=", "query", "mutation", "fragment", "on", "series", "\"", "\"\"\"", "#", ",", "1", "-", "\\u0000", "\n"];
        return _random.Next(4) switch
        {
            0 => new string('{', _random.Next(1_000, 100_000)),
            1 => "{ " + string.Concat(Enumerable.Repeat("series { nodes { ", _random.Next(100, 5_000))),
            2 => "query { series(where: " + string.Concat(Enumerable.Repeat("{ and: [", _random.Next(100, 5_000))) + " }",
            _ => string.Join(" ", Enumerable.Range(0, _random.Next(1, 400)).Select(_ => tokens[_random.Next(tokens.Length)])),
        };
    }

    private string Directives()
    {
        var count = _random.Next(10, 5_000);
        var directive = _random.Next(3) switch
        {
            0 => "@skip(if: false)",
            1 => "@include(if: true)",
            _ => "@unknown(x: 1)",
        };
        return "{ catalogueStatistics " + string.Concat(Enumerable.Repeat(directive + " ", count)) + "{ series { value } } }";
    }

    private string Introspection()
    {
        var depth = _random.Next(5, 200);
        var type = string.Concat(Enumerable.Repeat("ofType { name ", depth)) + string.Concat(Enumerable.Repeat("} ", depth));
        return _random.Next(2) == 0
            ? "{ __schema { types { name fields(includeDeprecated: true) { name args { name type { name " + type + "} } type { name " + type + "} } } } }"
            : "{ __type(name: " + HostileStrings.GraphQLLiteral(HostileStrings.Any(_random)) + ") { name kind } }";
    }

    private HostileRequest RawBody()
    {
        byte[][] bodies =
        [
            [0xC0, 0xAF, 0xFF, 0xFE],
            Encoding.UTF8.GetBytes("{\"query\":\"{ catalogueStatistics { series { value } } }\"").Concat(new byte[] { 0xED, 0xA0, 0x80 }).ToArray(),
            Encoding.UTF8.GetBytes("{\"query\":\"{ catalogueStatistics { series { value } } }\",\"query\":\"{ __typename }\"}"),
            Encoding.UTF8.GetBytes("{\"query\":123}"),
            Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":\"{\\\"a\\\":1}\"}"),
            Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"variables\":[1,2]}"),
            Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"x\"}}}"),
            Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("[", 10_000))),
            Encoding.UTF8.GetBytes("{\"query\":\"" + new string('a', 300_000) + "\"}"),
            Encoding.UTF8.GetBytes("null"),
            Encoding.UTF8.GetBytes("\"{ __typename }\""),
            [],
            Encoding.UTF8.GetBytes("{\"query\":\"query A { __typename } query B { __typename }\",\"operationName\":\"C\"}"),
            Encoding.UTF8.GetBytes("{\"query\":\"query A { __typename } query B { __typename }\"}"),
            Encoding.UTF8.GetBytes("{\"query\":\"subscription { __typename }\"}"),
        ];
        return new HostileRequest("body", bodies[_random.Next(bodies.Length)], null);
    }

    private HostileRequest Batch()
    {
        var count = _random.Next(0, 30);
        var items = Enumerable.Range(0, count).Select(_ => _random.Next(4) switch
        {
            0 => "{\"query\":\"mutation { saveCohort(input: { name: \\\"batched\\\", criteria: {} }) { cohortId } }\"}",
            1 => "1",
            2 => "{\"query\":" + HostileStrings.JsonLiteral("{ " + Selection("Query", 0, 3) + " }") + "}",
            _ => "{\"query\":\"{ catalogueStatistics { series { value } } }\"}",
        });
        return new HostileRequest("batch", Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]"), null);
    }

    private HostileRequest Get()
    {
        var query = _random.Next(3) == 0
            ? "mutation { saveCohort(input: { name: \"over GET\", criteria: {} }) { cohortId } }"
            : "{ " + Selection("Query", 0, 4) + " }";
        var parts = new List<string> { "query=" + Uri.EscapeDataString(query) };
        if (_random.Next(3) == 0)
            parts.Add("variables=" + Uri.EscapeDataString(_random.Next(2) == 0 ? "not json" : "{\"a\":[1,{\"b\":null}]}"));
        if (_random.Next(5) == 0)
            parts.Add("operationName=Missing");
        return new HostileRequest("get", null, string.Join("&", parts));
    }
}
