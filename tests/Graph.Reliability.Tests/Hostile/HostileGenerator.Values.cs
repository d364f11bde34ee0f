using System.Globalization;
using GraphQLParser.AST;

namespace Graph.Reliability.Tests.Hostile;

partial class HostileGenerator
{
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
}
